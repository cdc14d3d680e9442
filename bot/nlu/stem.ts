/**
 * Light stemming for folded Turkish tokens (see normalize.ts: no ş/ğ/ı/ö/ü/ç left).
 *
 * Turkish is agglutinative and people drop the Turkish letters, so a strict morphological
 * stemmer (NLP.js ships the Snowball one) misses forms like "kartimi" or any verb ("unuttum",
 * "kilitlendi"). This strips the common noun and verb suffixes greedily, harmony-agnostic
 * (after folding, ı/i and ü/u are the same letter anyway), and never leaves a stem shorter
 * than MIN_STEM_LENGTH. It over-stems sometimes; the classifier only needs the same stem for
 * the same word in training and at run time, and a fixed-length prefix feature backs it up.
 */

import { memoizedPerWord } from './memo';

const MIN_STEM_LENGTH = 3;

/** Words whose last letters look like a suffix but are not: "yeni" (new) must not meet "yenilemek" (renew) as "yen". */
const WHOLE_WORDS: ReadonlySet<string> = new Set(['yeni', 'yenile']);

/** Longest first, so "iyorum" wins over "um". Folded: "ı" written as "i", "ü" as "u". */
const SUFFIXES: readonly string[] = [
  // verbs: ability, negation, tense, person
  'abilir', 'ebilir', 'amiyorum', 'emiyorum', 'amiyor', 'emiyor', 'iyorum', 'uyorum', 'iyoruz',
  'iyorsun', 'iyor', 'uyor', 'acagim', 'ecegim', 'acak', 'ecek', 'malisin', 'melisin', 'maliyim',
  'meliyim', 'mali', 'meli', 'mistim', 'mustum', 'mis', 'mus', 'dim', 'tim', 'dum', 'tum', 'din',
  'tin', 'dun', 'tun', 'dik', 'tik', 'di', 'ti', 'du', 'tu', 'mak', 'mek', 'ir', 'ur', 'ar', 'er',
  // nouns: plural, possessive, case
  'larimi', 'lerimi', 'lari', 'leri', 'lar', 'ler', 'imizi', 'imiz', 'iniz', 'nin', 'nun', 'ndan',
  'nden', 'dan', 'den', 'tan', 'ten', 'nda', 'nde', 'da', 'de', 'ta', 'te', 'yla', 'yle', 'la',
  'le', 'yi', 'yu', 'ya', 'ye', 'ni', 'nu', 'na', 'ne', 'si', 'su', 'in', 'un', 'im', 'um', 'mi', 'mu', 'i', 'u',
  'a', 'e', 'm', 'n',
];

export const stemToken = memoizedPerWord(stripSuffixes);

function stripSuffixes(token: string): string {
  let stem = token;
  for (let stripped = stripOneSuffix(stem); stripped !== stem && !WHOLE_WORDS.has(stem); stripped = stripOneSuffix(stem)) {
    stem = stripped;
  }
  return stem;
}

function stripOneSuffix(word: string): string {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM_LENGTH) continue;
    const stem = word.slice(0, word.length - suffix.length);
    if (fitsStem(suffix, stem)) return stem;
  }
  return word;
}

const VOICELESS_CONSONANTS = new Set(['f', 's', 't', 'k', 'c', 'h', 'p']); // "c" stands for folded "ç" too
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * Turkish consonant assimilation and buffer letters, so "karti" is "kart+i", not "kar+ti":
 * t-suffixes follow voiceless consonants ("unut-tum"), d-suffixes do not ("kilitlen-di"),
 * and "s"/"y"/"n" buffer-letter suffixes follow vowels ("sifre-si-ni").
 */
function fitsStem(suffix: string, stem: string): boolean {
  const previous = stem[stem.length - 1] as string;
  const first = suffix[0] as string;
  if (suffix.length === 1) return true;
  if (first === 't') return VOICELESS_CONSONANTS.has(previous);
  if (first === 'd') return !VOICELESS_CONSONANTS.has(previous) || previous === 'c';
  if (first === 's' || first === 'y' || first === 'n') return VOWELS.has(previous);
  return true;
}
