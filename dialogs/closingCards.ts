import type { Attachment } from 'botbuilder';
import { messageCard } from '../cards/index';
import { t, type Locale } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { formatDate } from '../domain/dates';
import { labelOf, policyText, say, type Policy } from '../domain/policy';
import type { WhoPaysResult } from './whoPaysDialog';

/** Cards more than one path ends with. */

/**
 * Which of R3-R5 apply: `beforeExpiry` (ordinary renewal, old certificate still valid: R3, R4, R5),
 * `expired` (already expired: R4, R5), `replaced` (lost, fault, block, identity: the old
 * certificate is revoked, so no R3 or R5, just R4 and the PIN steps).
 */
export type NewCardRulesCase = 'beforeExpiry' | 'expired' | 'replaced';

const RULES_BY_CASE: Record<NewCardRulesCase, string[]> = {
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

/** How to switch to the new card, with only the rules that apply; its PIN button carries the case. */
export function newCardRulesCard(policy: Policy, rulesCase: NewCardRulesCase, locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'newCardRules.title'),
    steps: RULES_BY_CASE[rulesCase].map((id) => policyText(policy, id, locale)),
    paragraphs: [t(locale, 'newCardRules.pinSteps')],
    buttons: [
      { label: t(locale, 'menu.newCardPin'), data: { verb: Verb.newCardPin, rulesCase } },
      { label: t(locale, 'common.back'), data: { verb: Verb.menu } },
    ],
  });
}

/** Who pays and why (F1-F3), as facts for a card; F1's "revoked first" among them. */
export function feeFacts(policy: Policy, fee: WhoPaysResult, locale: Locale): { label: string; value: string }[] {
  return [
    { label: t(locale, 'fees.reason'), value: labelOf(policy.reasons, fee.reason, locale) },
    ...(fee.role ? [{ label: t(locale, 'fees.role'), value: labelOf(policy.roles, fee.role, locale) }] : []),
    ...(fee.revokeFirst ? [{ label: t(locale, 'fees.certificate'), value: t(locale, 'fees.revokedFirst') }] : []),
    { label: t(locale, 'fees.payer'), value: t(locale, fee.payer === 'person' ? 'fees.payerPerson' : 'fees.payerInstitution') },
  ];
}

/** The rule in the institution's words; its source stays in the data and the help desk's record. */
export function feeExplanation(fee: WhoPaysResult, locale: Locale): string[] {
  return fee.rules.map((rule) => say(rule, locale));
}

export function expiryFact(expiry: string, daysLeft: number, locale: Locale): { label: string; value: string } {
  const when = daysLeft > 0
    ? t(locale, daysLeft === 1 ? 'dates.dayLeft' : 'dates.daysLeft', { days: daysLeft })
    : daysLeft === 0 ? t(locale, 'dates.today') : t(locale, daysLeft === -1 ? 'dates.dayAgo' : 'dates.daysAgo', { days: -daysLeft });
  return { label: t(locale, 'renewal.expiryLabel'), value: `${formatDate(expiry)} (${when})` };
}
