/**
 * Classifies a card by its ATR. Only a hint: AKIS 2.x ATRs look like the Turkish ID
 * card's, so the final word is the certificate issuer (see report.ts).
 */
export type AtrVerdict = 'akis' | 'unrecognised';

export interface AtrClassification {
  verdict: AtrVerdict;
  /** Human label of the matched table row or marker, e.g. "AKIS v1.0". */
  label: string | null;
  /** Which rule matched: an exact row of the known table, or a marker in the bytes. */
  rule: 'known-atr' | 'gUEKAE-marker' | 'UEKAE-marker' | null;
}

/** Exact ATRs we know (domain.md, "The card, seen from a PC"). */
export const KNOWN_AKIS_ATRS: ReadonlyArray<{ atr: string; label: string }> = [
  { atr: '3BBA11008131FE4D55454B41452056312E30AE', label: 'AKIS v1.0' },
];

const GUEKAE = '6755454B4145'; // 67 55 45 4B 41 45 = "gUEKAE"
const UEKAE = '55454B4145'; // 55 45 4B 41 45 = "UEKAE" (TÜBİTAK UEKAE, maker of AKIS)

/** Normalises "3b ba 11 ..." / "3BBA11..." / Buffer to upper-case hex without spaces. */
export function normaliseAtr(atr: string | Uint8Array): string {
  const hex = typeof atr === 'string' ? atr : Buffer.from(atr).toString('hex');
  return hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}

/** Formats an ATR for people: "3B BA 11 ...". */
export function formatAtr(atr: string | Uint8Array): string {
  return (normaliseAtr(atr).match(/../g) ?? []).join(' ');
}

/** Hex search aligned on byte boundaries (so "5545" never matches across a nibble). */
function containsBytes(hex: string, needle: string): boolean {
  for (let i = hex.indexOf(needle); i !== -1; i = hex.indexOf(needle, i + 1)) {
    if (i % 2 === 0) return true;
  }
  return false;
}

export function classifyAtr(atr: string | Uint8Array): AtrClassification {
  const hex = normaliseAtr(atr);
  const known = KNOWN_AKIS_ATRS.find((row) => row.atr === hex);
  if (known) return { verdict: 'akis', label: known.label, rule: 'known-atr' };
  if (containsBytes(hex, GUEKAE)) return { verdict: 'akis', label: 'AKIS (gUEKAE)', rule: 'gUEKAE-marker' };
  if (containsBytes(hex, UEKAE)) return { verdict: 'akis', label: 'AKIS (UEKAE)', rule: 'UEKAE-marker' };
  return { verdict: 'unrecognised', label: null, rule: null };
}
