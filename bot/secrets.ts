import { normalizeText } from './nlu/normalize';
import { isValidTckn } from '../paired-agent/tckn';

/**
 * Finds what must never be stored or logged in a user's message: PIN/PUK-like codes, a güvenlik
 * sözcüğü, and T.C. Kimlik numbers (11 digits that pass the official checksum). Pure functions,
 * shared by the secret-guard middleware and the help desk relay.
 */

export type SecretKind = 'tckn' | 'pin' | 'securityWord';

export interface SecretScan {
  /** The text with every secret replaced by asterisks of the same length. */
  masked: string;
  kinds: SecretKind[];
}

// Searched in the folded text (same length as the original, so indexes carry over). Group 1 is the secret.
const ELEVEN_DIGITS = /(?<!\d)(\d{11})(?!\d)/dg;
const CODE_AFTER_KEYWORD = /\b(?:pin|puk|sifre|parola|password|passcode|kod)\w*(?:'\w+)?\W{0,3}(?:(?:kodu|kodum|numarasi|numaram|is|:|=)\W{0,3})?(\d{4,8})(?!\d|[.,/]\d)/dg;
const SECURITY_WORD = /\b(?:guvenlik\s+sozcu\w*|security\s+word)\W{0,3}(?:(?:is|:|=)\W{0,3})?([^\s.,!?]{3,})/dg;
const LONE_CODE = /^\s*(\d(?:\s?\d){5,7})\s*$/dg;

type Span = [start: number, end: number];

/**
 * Scans `text`. `pinContext` says the bot has just been talking about PINs, so a message that is
 * only a 6-8 digit number is taken for a PIN too.
 */
export function scanForSecrets(text: string, pinContext = false): SecretScan {
  const folded = normalizeText(text);
  const source = folded.length === text.length ? folded : text.toLowerCase();
  const found: { span: Span; kind: SecretKind }[] = [
    ...spansOf(source, ELEVEN_DIGITS, isValidTckn).map((span) => ({ span, kind: 'tckn' as const })),
    ...spansOf(source, CODE_AFTER_KEYWORD).map((span) => ({ span, kind: 'pin' as const })),
    ...spansOf(source, SECURITY_WORD).map((span) => ({ span, kind: 'securityWord' as const })),
    ...(pinContext ? spansOf(source, LONE_CODE).map((span) => ({ span, kind: 'pin' as const })) : []),
  ];
  return { masked: mask(text, found.map((entry) => entry.span)), kinds: [...new Set(found.map((entry) => entry.kind))] };
}

function spansOf(source: string, pattern: RegExp, accept: (secret: string) => boolean = () => true): Span[] {
  return [...source.matchAll(pattern)].filter((match) => accept(match[1])).map((match) => match.indices![1] as Span);
}

function mask(text: string, spans: Span[]): string {
  let result = text;
  for (const [start, end] of spans) result = result.slice(0, start) + result.slice(start, end).replace(/\S/g, '*') + result.slice(end);
  return result;
}
