/**
 * Which of R3-R5 apply: `beforeExpiry` (ordinary renewal, old certificate still valid: R3, R4, R5),
 * `expired` (already expired: R4, R5), `replaced` (lost, fault, block, identity: the old
 * certificate is revoked, so no R3 or R5, just R4 and the PIN steps).
 */
export type NewCardRulesCase = 'beforeExpiry' | 'expired' | 'replaced';

export const RULES_BY_CASE: Record<NewCardRulesCase, string[]> = {
  beforeExpiry: ['r3', 'r4', 'r5'],
  expired: ['r4', 'r5'],
  replaced: ['r4'],
};

/** The PIN steps (S000) for each case: the sentence they open with and the rules of the closing card. */
export const PIN_STEPS_BY_CASE: Record<NewCardRulesCase, { intro?: string; closing: string[] }> = {
  beforeExpiry: { intro: 'pinStepsWhenExpired', closing: ['r3'] },
  expired: { intro: 'pinStepsWhenExpired', closing: ['r5'] },
  replaced: { intro: 'pinStepsReplaced', closing: ['r4'] },
};

/** The case a button carries, if it is one (a stale or crafted value is none). */
export function rulesCaseOf(value: unknown): NewCardRulesCase | undefined {
  return typeof value === 'string' && Object.hasOwn(PIN_STEPS_BY_CASE, value) ? (value as NewCardRulesCase) : undefined;
}
