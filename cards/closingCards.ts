import type { Attachment } from 'botbuilder';
import { messageCard } from './index';
import { backButton } from './common';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import { formatDate } from '../domain/dates';
import { labelOf, policyText, textIn, type FeeDecision, type Policy } from '../domain/policy';
import { RULES_BY_CASE, type NewCardRulesCase } from '../domain/newCardRules';

/** Cards more than one path ends with. */

/** A who-pays answer: the decision and what it was asked for. */
export interface FeeAnswer extends FeeDecision {
  reason: string;
  role?: string;
}

/** How to switch to the new card, with only the rules that apply; its PIN button carries the case. */
export function newCardRulesCard(policy: Policy, rulesCase: NewCardRulesCase, locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'newCardRules.title'),
    steps: RULES_BY_CASE[rulesCase].map((id) => policyText(policy, id, locale)),
    paragraphs: [t(locale, 'newCardRules.pinSteps')],
    buttons: [
      { label: t(locale, 'menu.newCardPin'), data: { verb: Verb.newCardPin, rulesCase } },
      backButton(locale),
    ],
  });
}

/** Who pays and why (F1-F3), as facts for a card; F1's "revoked first" among them. */
export function feeFacts(policy: Policy, fee: FeeAnswer, locale: Locale): { label: string; value: string }[] {
  return [
    { label: t(locale, 'fees.reason'), value: labelOf(policy.reasons, fee.reason, locale) },
    ...(fee.role ? [{ label: t(locale, 'fees.role'), value: labelOf(policy.roles, fee.role, locale) }] : []),
    ...(fee.revokeFirst ? [{ label: t(locale, 'fees.certificate'), value: t(locale, 'fees.revokedFirst') }] : []),
    { label: t(locale, 'fees.payer'), value: t(locale, fee.payer === 'person' ? 'fees.payerPerson' : 'fees.payerInstitution') },
  ];
}

/** The rule in the institution's words; its source stays in the data and the help desk's record. */
export function feeExplanation(fee: FeeAnswer, locale: Locale): string[] {
  return fee.rules.map((rule) => textIn(rule, locale));
}

export function expiryFact(expiry: string, daysLeft: number, locale: Locale): { label: string; value: string } {
  const when = daysLeft > 0
    ? t(locale, daysLeft === 1 ? 'dates.dayLeft' : 'dates.daysLeft', { days: daysLeft })
    : daysLeft === 0 ? t(locale, 'dates.today') : t(locale, daysLeft === -1 ? 'dates.dayAgo' : 'dates.daysAgo', { days: -daysLeft });
  return { label: t(locale, 'renewal.expiryLabel'), value: `${formatDate(expiry)} (${when})` };
}
