import { normalizeText } from './nlu/normalize';
import { isValidTckn } from '../paired-agent/tckn';
import {
  CALL_WORDS, CODE_OWNERS, CODE_WORDS, HEDGES, KNOWN_NAMES, MONTHS, NOT_A_VALUE, NUMBER_SUFFIX_NOT_CODE, OTHER_HEADS, SECRET_HEADS,
  SECURITY_WORD_HEADS, TCKN_HEADS, TIME_HEADS, UNIT_WORDS, VALUE_INTRODUCERS, VALUE_MARKERS_AFTER, VERB_ENDING,
} from './secretWords';

/**
 * Finds what must never be stored or logged in a user's message: PIN/PUK-like codes, a güvenlik
 * sözcüğü, and T.C. Kimlik numbers. Pure functions, shared by the secret-guard middleware and the
 * help desk relay. One pass over the message's words, so the time grows linearly with its length.
 *
 * - Digits written in groups ("193 847 562 50", "4829 13", "6642-71") are read as one number.
 * - A T.C. number is 11 digits that pass the official checksum (or follow "T.C."/"kimlik").
 * - A PIN/PUK is 4-8 digits named by the nearest word around it ("PUK kodu şu: N", "N benim
 *   pinim"); a date, a time, a year, a count, a phone number or an extension is not one.
 * - A güvenlik sözcüğü is the value after its name, never the name itself or a question about it.
 */

export type SecretKind = 'tckn' | 'pin' | 'securityWord';

/**
 * What the bot last asked: `pin_question` makes a message that is only a 4-8 digit number a PIN;
 * in a `date_prompt` a date is a date whatever its shape.
 */
export type SecretContext = 'none' | 'pin_question' | 'date_prompt';

export interface SecretScan {
  /** The text with every secret replaced by asterisks of the same length. */
  masked: string;
  kinds: SecretKind[];
}

interface Token {
  text: string;
  start: number;
  end: number;
  digits: boolean;
  /** The text between the previous token and this one. */
  before: string;
  /** A suffix glued to the previous token ("PIN'im", "2024te"). */
  suffix: boolean;
}

interface Run {
  first: number;
  last: number;
  groups: Token[];
  separators: string[];
  digits: string;
}

type Span = [start: number, end: number];

const KIND_ORDER: SecretKind[] = ['tckn', 'pin', 'securityWord'];
const GROUP_SEPARATOR = /^(?:[ \t]|[ \t]?[.\-/][ \t]?|,)$/;
const APOSTROPHE = /^['’‘`´]$/;
const DELIMITER = /[:=“”"'‘’«»]|\s-\s/;
const CHUNK_END = /[\s.,!?;:"“”'’‘()«»]/;

/**
 * Scans `text`. `context` says what the bot last asked (`true` = strictest: as after a PIN question).
 */
export function scanForSecrets(text: string, context: SecretContext | boolean = 'none'): SecretScan {
  const mode: SecretContext = context === true ? 'pin_question' : context === false ? 'none' : context;
  const folded = foldKeepingLength(text);
  const tokens = tokenize(folded);
  const heads = findHeads(tokens);
  const found = new Map<SecretKind, Span[]>();
  const add = (kind: SecretKind, span: Span) => (found.get(kind) ?? found.set(kind, []).get(kind)!).push(span);
  for (const run of numberRuns(tokens)) {
    const tckn = tcknSpans(run, heads);
    if (tckn.length) tckn.forEach((span) => add('tckn', span));
    else if (isCode(run, heads, tokens, mode)) add('pin', [run.groups[0].start, run.groups[run.groups.length - 1].end]);
  }
  const mostlyLowerCase = isMostlyLowerCase(text);
  for (const span of securityWordSpans(tokens, folded, mostlyLowerCase ? text : undefined)) add('securityWord', span);
  for (const span of spelledPasswordSpans(tokens, folded)) add('pin', span);
  const kinds = KIND_ORDER.filter((kind) => found.has(kind));
  return { masked: mask(text, [...found.values()].flat()), kinds };
}

/** Lower case without diacritics, one character for one, so positions carry over to the original. */
function foldKeepingLength(text: string): string {
  let out = '';
  for (const char of text) {
    let folded = FOLD_CACHE.get(char);
    if (folded === undefined) {
      const candidate = normalizeText(char.normalize('NFKC'));
      folded = candidate.length === char.length ? candidate : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
      if (FOLD_CACHE.size < 4096) FOLD_CACHE.set(char, folded);
    }
    out += folded;
  }
  return out;
}
const FOLD_CACHE = new Map<string, string>();

function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of folded.matchAll(/\d+|[a-z]+/g)) {
    const start = match.index!;
    const before = folded.slice(previousEnd, start);
    const previous = tokens[tokens.length - 1];
    const suffix = previous !== undefined && !/^\d/.test(match[0]) && (before === '' || APOSTROPHE.test(before));
    tokens.push({ text: match[0], start, end: start + match[0].length, digits: /^\d/.test(match[0]), before, suffix });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/** Digit groups joined by one space, dot, dash or slash: "193 847 562 50", "4829-13", "21.11.2026". */
function* numberRuns(tokens: Token[]): Generator<Run> {
  for (let index = 0; index < tokens.length; index++) {
    if (!tokens[index].digits || (index > 0 && tokens[index].before === '' && !tokens[index - 1].digits)) continue;
    const run: Run = { first: index, last: index, groups: [tokens[index]], separators: [], digits: tokens[index].text };
    while (run.last + 1 < tokens.length && tokens[run.last + 1].digits && GROUP_SEPARATOR.test(tokens[run.last + 1].before)) {
      run.last += 1;
      run.groups.push(tokens[run.last]);
      run.separators.push(tokens[run.last].before.trim() || ' ');
      run.digits += tokens[run.last].text;
    }
    index = run.last;
    yield run;
  }
}

/** 11-digit windows on group boundaries that pass the checksum, or the whole run after "T.C."/"kimlik". */
function tcknSpans(run: Run, heads: Heads): Span[] {
  const spans: Span[] = [];
  for (let from = 0; from < run.groups.length; from++) {
    let digits = '';
    for (let to = from; to < run.groups.length && digits.length < 11; to++) {
      digits += run.groups[to].text;
      if (digits.length === 11 && isValidTckn(digits)) spans.push([run.groups[from].start, run.groups[to].end]);
    }
  }
  if (!spans.length && /^[1-9]\d{10}$/.test(run.digits) && heads.beforeNotTime[run.first]?.kind === 'tckn') {
    spans.push([run.groups[0].start, run.groups[run.groups.length - 1].end]);
  }
  return spans;
}

/** A 4-10 digit number that a PIN word names, or that answers a PIN question. */
function isCode(run: Run, heads: Heads, tokens: Token[], mode: SecretContext): boolean {
  if (run.digits.length < 4 || run.digits.length > 10 || isPhone(run)) return false;
  if (looksLikeSomethingElse(run, tokens, mode)) return false;
  const head = headFor(run, heads);
  if (head) return head === 'secret';
  return mode === 'pin_question' && run.digits.length <= 8 && !isYear(run);
}

/** Nine digits or more starting like a Turkish phone number: 0..., 5..., 90..., 444..., 850... */
function isPhone(run: Run): boolean {
  return (run.digits.length >= 9 && /^(?:0|5|90|444|850)/.test(run.digits)) || (run.digits.length === 7 && run.digits.startsWith('444'));
}

/** Dates, times, years, counts, amounts, examples: numbers that are not codes. */
function looksLikeSomethingElse(run: Run, tokens: Token[], mode: SecretContext): boolean {
  const next = tokens[run.last + 1];
  const glued = next?.suffix ? next.text : undefined;
  const nextWord = wordAfter(tokens, run.last);
  const previousWord = wordBefore(tokens, run.first);
  if (glued && /^(?:inci|nci|uncu|ncu|nd|th|st|rd|li|lu|lik|luk)$/.test(glued)) return true;
  if (nextWord && (matchesAny(nextWord, UNIT_WORDS) || matchesAny(nextWord, CALL_WORDS))) return true;
  if (glued && matchesAny(glued, CALL_WORDS)) return true;
  const timeLike = isDate(run) || isTime(run) || isYear(run);
  if (timeLike && glued && NUMBER_SUFFIX_NOT_CODE.test(glued)) return true;
  if (isYear(run) && previousWord && MONTHS.includes(previousWord)) return true;
  if (isTime(run)) return true;
  if (isDate(run)) {
    const plainlyWritten = run.separators.some((separator) => separator === '.' || separator === '/') || run.groups.some((group, index) => index !== 1 && group.text.length === 4);
    return mode === 'date_prompt' || plainlyWritten;
  }
  return false;
}

function isDate(run: Run): boolean {
  if (run.groups.length !== 3) return false;
  const [a, b, c] = run.groups.map((group) => group.text);
  const valid = (day: string, month: string, year: string) => day.length <= 2 && month.length <= 2 && (year.length === 2 || year.length === 4)
    && Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;
  return valid(a, b, c) || (a.length === 4 && valid(c, b, a));
}

function isTime(run: Run): boolean {
  if (run.groups.length !== 2 || run.separators[0] !== '.') return false;
  const [hours, minutes] = run.groups.map((group) => group.text);
  return hours.length <= 2 && Number(hours) <= 23 && minutes.length === 2 && Number(minutes) <= 59;
}

function isYear(run: Run): boolean {
  return run.groups.length === 1 && /^(?:19[5-9]\d|20\d\d)$/.test(run.digits);
}

type HeadKind = 'secret' | 'other' | 'tckn' | 'time';
interface Heads {
  /** For each token, the nearest naming word before it in its sentence (kind and distance in tokens). */
  before: ({ kind: HeadKind; at: number } | undefined)[];
  beforeNotTime: ({ kind: HeadKind; at: number } | undefined)[];
  after: ({ kind: HeadKind; at: number } | undefined)[];
  afterNotTime: ({ kind: HeadKind; at: number } | undefined)[];
}

/** Nearest naming words before and after every token, in two passes (linear in the message length). */
function findHeads(tokens: Token[]): Heads {
  const kinds = tokens.map((token, index) => (token.suffix || token.digits ? undefined : headOf(tokens, index)));
  const pass = (order: number[], skipTime: boolean) => {
    const result: ({ kind: HeadKind; at: number } | undefined)[] = new Array(tokens.length);
    let current: { kind: HeadKind; at: number } | undefined;
    for (const index of order) {
      const forward = order[0] === 0;
      if (forward && endsSentence(tokens, index)) current = undefined;
      result[index] = current;
      if (!forward && endsSentence(tokens, index)) current = undefined;
      const kind = kinds[index];
      if (kind && !(skipTime && kind === 'time')) current = { kind, at: index };
    }
    return result;
  };
  const forward = tokens.map((_, index) => index);
  const backward = [...forward].reverse();
  return { before: pass(forward, false), beforeNotTime: pass(forward, true), after: pass(backward, false), afterNotTime: pass(backward, true) };
}

/** The naming word that says what the number is: the nearest before it, else the nearest after. */
function headFor(run: Run, heads: Heads): HeadKind | undefined {
  const timeShaped = isDate(run) || isTime(run) || isYear(run);
  const before = timeShaped ? heads.before[run.first] : heads.beforeNotTime[run.first];
  const after = timeShaped ? heads.after[run.last] : heads.afterNotTime[run.last];
  return (before ?? after)?.kind;
}

function headOf(tokens: Token[], index: number): HeadKind | undefined {
  const word = tokens[index].text;
  if (matchesAny(word, SECRET_HEADS)) return 'secret';
  if (matchesAny(word, TCKN_HEADS) || (word === 'c' && tokens[index - 1]?.text === 't')) return 'tckn';
  if (matchesAny(word, TIME_HEADS)) return 'time';
  if (matchesAny(word, OTHER_HEADS)) return 'other';
  if (matchesAny(word, CODE_WORDS)) {
    // "hata kodu", "okul kodu": another code; "pin kodu" a PIN; "kodum", "my code", "sms kodu" a secret one.
    const previous = previousWordIndex(tokens, index);
    if (previous === undefined || endsSentence(tokens, index)) return 'secret';
    const owner = headOf(tokens, previous);
    if (owner) return owner;
    return CODE_OWNERS.has(tokens[previous].text) ? 'secret' : 'other';
  }
  return undefined;
}

function previousWordIndex(tokens: Token[], index: number): number | undefined {
  for (let at = index - 1; at >= 0; at--) if (!tokens[at].suffix) return tokens[at].digits ? undefined : at;
  return undefined;
}

function wordBefore(tokens: Token[], index: number): string | undefined {
  const at = previousWordIndex(tokens, index);
  return at === undefined || endsSentence(tokens, index) ? undefined : tokens[at].text;
}

function wordAfter(tokens: Token[], index: number): string | undefined {
  for (let at = index + 1; at < tokens.length; at++) {
    if (endsSentence(tokens, at)) return undefined;
    if (!tokens[at].suffix) return tokens[at].digits ? undefined : tokens[at].text;
  }
  return undefined;
}

/** True when a sentence ends between token index-1 and token index ("T.C.", "söz." do not end one). */
function endsSentence(tokens: Token[], index: number): boolean {
  const between = tokens[index]?.before ?? '';
  if (/[!?;\n]/.test(between)) return true;
  return /\.\s/.test(between) && (tokens[index - 1]?.text.length ?? 0) > 3;
}

/** `word` is one of `stems`, maybe with a Turkish suffix ("telefonum", "dahiliden"; not "hatırlamıyorum" for "hat"). */
function matchesAny(word: string, stems: readonly string[]): boolean {
  let set = STEM_SETS.get(stems);
  if (!set) STEM_SETS.set(stems, (set = new Set(stems)));
  for (let length = Math.min(word.length, 12); length >= 2; length--) {
    if (set.has(word.slice(0, length)) && word.length - length <= (length <= 3 ? 3 : 6)) return true;
  }
  return false;
}
const STEM_SETS = new WeakMap<readonly string[], Set<string>>();

/**
 * The value of a güvenlik sözcüğü, looked for around each mention of its name: before it ("kestane
 * benim güvenlik sözcüğüm"), and in the rest of the sentence after it: a word with digits, the
 * word after a delimiter, a word marked as a value ("kumsal diye", "ördek12 olarak"), a plain word
 * right after the name that ends the clause, the last word after a comma, a capitalised name.
 */
function* securityWordSpans(tokens: Token[], folded: string, text: string | undefined): Generator<Span> {
  for (let index = 0; index + 1 < tokens.length; index++) {
    const seconds = SECURITY_WORD_HEADS.find(([first]) => tokens[index].text.startsWith(first) && tokens[index].text.length <= first.length + 5)?.[1];
    let nameAt = index + 1;
    while (tokens[nameAt]?.suffix) nameAt++;
    const name = tokens[nameAt];
    if (!seconds || !name || !seconds.some((second) => name.text.startsWith(second))) continue;
    let at = nameAt + 1;
    while (tokens[at]?.suffix) at++;
    const before = valueBefore(tokens, folded, index);
    if (before) yield before;
    yield* valuesInClause(tokens, folded, text, at, isOblique(name.text, tokens[nameAt + 1]));
  }
}

/** "PIN'im: abc123", "password is Ankara06": a letters-and-digits password after its name and a delimiter. */
function* spelledPasswordSpans(tokens: Token[], folded: string): Generator<Span> {
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].suffix || !matchesAny(tokens[index].text, SECRET_HEADS)) continue;
    let at = index + 1;
    while (tokens[at]?.suffix) at++;
    const token = tokens[at];
    if (!token || endsSentence(tokens, at)) continue;
    const introduced = DELIMITER.test(token.before) || (VALUE_INTRODUCERS.has(token.text) && tokens[at + 1] && !tokens[at + 1].suffix);
    const value = DELIMITER.test(token.before) ? token : introduced ? tokens[at + 1] : undefined;
    if (!value) continue;
    const end = chunkEnd(folded, value.start);
    const chunk = folded.slice(value.start, end);
    if (/\d/.test(chunk) && /[a-z]/.test(chunk)) yield [value.start, end];
  }
}

interface Chunk { start: number; end: number; word: string; token: number; next: number }

/** How far after its name a güvenlik sözcüğü is looked for. */
const CLAUSE_WORDS = 16;

/** The values in the sentence after the name, which starts at token `from`. */
function* valuesInClause(tokens: Token[], folded: string, text: string | undefined, from: number, oblique: boolean): Generator<Span> {
  const chunks: Chunk[] = [];
  for (let at = from; at < tokens.length && chunks.length < CLAUSE_WORDS; at++) {
    if (at > from && endsSentence(tokens, at)) break;
    if (at === from && /[!?;\n]/.test(tokens[at].before)) break;
    if (tokens[at].suffix || (chunks.length && tokens[at].start < chunks[chunks.length - 1].end)) continue;
    const end = chunkEnd(folded, tokens[at].start);
    let next = at + 1;
    while (next < tokens.length && tokens[next].start < end) next++;
    chunks.push({ start: tokens[at].start, end, word: folded.slice(tokens[at].start, end), token: at, next });
  }
  const talk = (chunk: Chunk) => NOT_A_VALUE.has(chunk.word) || HEDGES.has(chunk.word) || VERB_ENDING.test(chunk.word) || chunk.word.length < 2;
  const after = (chunk: Chunk) => folded.slice(chunk.end, tokens[chunk.next]?.start ?? folded.length);
  const marked = new Set<Chunk>();
  chunks.forEach((chunk, position) => {
    const before = tokens[chunk.token].before;
    const previous = chunks[position - 1];
    const next = chunks[position + 1];
    const introduced = DELIMITER.test(before) || (previous && /^(?:is|was|su|soyle)$/.test(previous.word));
    if (/\d/.test(chunk.word) && /[a-z]/.test(chunk.word)) marked.add(chunk);
    else if (introduced && chunk.word.length >= 2 && !NOT_A_VALUE.has(chunk.word)) marked.add(chunk);
    else if (talk(chunk)) return;
    else if (next && VALUE_MARKERS_AFTER.test(next.word) && !(position === 0 && next.word === 'olarak')) {
      // "sarı kanarya diye": every word back to the name or a comma.
      for (let back = position; back >= 0 && !talk(chunks[back]) && !/,/.test(after(chunks[back])); back--) marked.add(chunks[back]);
    } else if (next && /^(?:ya|ye|a|e)$/.test(folded.slice(chunk.end).match(/^['’]([a-z]+)/)?.[1] ?? '') && VALUE_MARKERS_AFTER.test(next.word)) marked.add(chunk);
    else if (isFirstValueSlot(chunks, position, talk) && !oblique && clauseEnds(chunk, next, after)) marked.add(chunk);
    else if (!next && position > 0 && (/,/.test(before) || /(?:sa|se|sam|sem|saniz|seniz|sak|sek)$/.test(previous.word))) marked.add(chunk);
    else if (text && isCapitalised(text, chunk, tokens) && !KNOWN_NAMES.has(chunk.word)) marked.add(chunk);
  });
  for (const chunk of marked) yield [chunk.start, chunk.end];
}

/** The first word after the name, past words of doubt ("sanırım"). */
function isFirstValueSlot(chunks: Chunk[], position: number, talk: (chunk: Chunk) => boolean): boolean {
  return chunks.slice(0, position).every((chunk) => HEDGES.has(chunk.word)) && !talk(chunks[position]);
}

function clauseEnds(chunk: Chunk, next: Chunk | undefined, after: (chunk: Chunk) => string): boolean {
  return !next || /[.,!?;]/.test(after(chunk)) || ['ama', 'fakat', 'ancak', 'idi', 'dir', 've', 'olsun', 'kontrol'].includes(next.word);
}

/** A word written with a capital inside a sentence: a name ("Tarçın", "Zeus"). Only asked of messages not in capitals. */
function isCapitalised(text: string, chunk: Chunk, tokens: Token[]): boolean {
  const first = text[chunk.start];
  return Boolean(first) && first !== first.toLowerCase() && chunk.token !== 0 && !endsSentence(tokens, chunk.token);
}

function isMostlyLowerCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.replace(/\p{Lu}/gu, '').length / letters.length > 0.5;
}

function valueBefore(tokens: Token[], folded: string, nameIndex: number): Span | undefined {
  let at = nameIndex - 1;
  let owned = false;
  while (at >= 0 && /^(?:benim|my|as|olarak)$/.test(tokens[at].text)) {
    owned = true;
    at--;
  }
  const value = tokens[at];
  if (!value || (!owned && at !== 0) || endsSentence(tokens, at + 1)) return undefined;
  let start = value.start;
  while (start > 0 && !CHUNK_END.test(folded[start - 1])) start--;
  const chunk = folded.slice(start, value.end);
  return chunk.length >= 2 && !NOT_A_VALUE.has(chunk) && !VERB_ENDING.test(chunk) ? [start, value.end] : undefined;
}

/** "sözcüğümü", "kelimeyi", "sözcüğüme": the name as an object, so the next word is a verb, not the value. */
function isOblique(name: string, next: Token | undefined): boolean {
  if (next?.suffix) return true;
  return /(?:mu|nu|zu|mi|ni|yi|zi|me|ne|ye|le|de|den|te|ten|min|nin|mun|nun)$/.test(name);
}

function chunkEnd(folded: string, start: number): number {
  let end = start;
  while (end < folded.length && !CHUNK_END.test(folded[end])) end++;
  return end;
}

/** Replaces every non-space character inside the spans by "*", in one pass. */
function mask(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), text.slice(from, end).replace(/\S/g, '*'));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
