import { randomInt } from 'node:crypto';
import type { CodeParts } from '../../state/agentRecords';

/**
 * Pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B, 6/G), shown as `K7P4-QX2A`. The first half names the pending pairing (and so the user
 * it belongs to), the second half is the secret: a wrong secret for a known first half counts
 * against that user, which is what lets "5 wrong codes" pause pairing for them.
 */
export const CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY3479';
export const HALF_LENGTH = 4;

export function newCodeParts(): CodeParts {
  const pick = (): string => Array.from({ length: HALF_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return { handle: pick(), secret: pick() };
}

/** What the user typed (any case, with or without the dash or spaces) -> its parts, or null. */
export function parseCode(text: string): CodeParts | null {
  const folded = text.toUpperCase().replace(/[\s-]/g, '');
  if (folded.length !== HALF_LENGTH * 2 || ![...folded].every((c) => CODE_ALPHABET.includes(c))) return null;
  return { handle: folded.slice(0, HALF_LENGTH), secret: folded.slice(HALF_LENGTH) };
}
