/**
 * Turkish-aware text normalisation used both for training and for recognition.
 *
 * Order matters: Turkish lower-casing first ("İ"→"i", "I"→"ı"), because a generic
 * toLowerCase() turns "I" into "i" and "İ" into "i̇" (i + combining dot). Only then are
 * ı/i and the diacritics folded, so "KİLİTLENDİ", "kilitlendi" and "kılıtlendı" meet.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´]/g;

/** Lower-cases with Turkish rules: "İ"→"i", "I"→"ı"; keeps ş ğ ç ö ü ı. */
export function turkishLowerCase(text: string): string {
  return text.normalize('NFC').replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase();
}

/** Folds an already lower-cased string for matching: ı→i, ş→s, ğ→g, ç→c, ö→o, ü→u, â→a ... */
export function foldDiacritics(lowerText: string): string {
  return lowerText.replace(/ı/g, 'i').normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Full normalisation of a message to a single folded, lower-case string. */
export function normalizeText(text: string): string {
  return foldDiacritics(turkishLowerCase(text));
}

/**
 * Splits a message into folded word tokens.
 * - Turkish suffixes written after an apostrophe are dropped: "e-okul'a" → "eokul", "PIN'i" → "pin".
 * - Hyphenated words are joined: "wi-fi" → "wifi", "e-imza" → "eimza".
 * - A lone "e" before a word is joined to it, as people write "e imza", "e-imza" and "eimza".
 */
export function tokenize(text: string): string[] {
  const withoutSuffixes = normalizeText(text).replace(/([a-z0-9])['’‘`´][a-z]+/g, '$1');
  const joinedHyphens = withoutSuffixes.replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1');
  const words = joinedHyphens.replace(APOSTROPHES, ' ').split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  return joinLoneEPrefix(words);
}

function joinLoneEPrefix(words: string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const next = words[index + 1];
    if (words[index] === 'e' && next !== undefined && /^[a-z]/.test(next)) {
      joined.push(`e${next}`);
      index += 1;
    } else {
      joined.push(words[index] as string);
    }
  }
  return joined;
}

/**
 * The one folding for matching whole words and answers (commands, desk words, prompt choices):
 * @mentions dropped, folded, punctuation to spaces. A lone "?" stays "?" (it asks for help).
 * "@eimza-bot Yardım masası burası!" → "yardim masasi burasi".
 */
export function foldWords(text: string | undefined): string {
  if (!text) return '';
  const folded = normalizeText(text.replace(/<at>.*?<\/at>/gi, ' ')).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return folded || (/^\s*\?+\s*$/.test(text) ? '?' : '');
}
