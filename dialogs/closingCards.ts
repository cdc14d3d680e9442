import type { Attachment } from 'botbuilder';
import { messageCard } from '../cards/index';
import { t, type Locale } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { formatDate } from './dates';
import { labelOf, say, type Policy } from './policy';
import type { WhoPaysResult } from './whoPaysDialog';

/** Cards more than one path ends with. */

/** R3-R5: how to switch to the new card. */
export function newCardRulesCard(locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'newCardRules.title'),
    steps: [t(locale, 'newCardRules.r3'), t(locale, 'newCardRules.r4'), t(locale, 'newCardRules.r5')],
    buttons: [
      { label: t(locale, 'menu.newCardPin'), data: { verb: Verb.newCardPin } },
      { label: t(locale, 'common.back'), data: { verb: Verb.menu } },
    ],
  });
}

/** Who pays and why (F1-F3), as facts for a card. */
export function feeFacts(policy: Policy, fee: WhoPaysResult, locale: Locale): { label: string; value: string }[] {
  return [
    { label: t(locale, 'fees.reason'), value: labelOf(policy.reasons, fee.reason, locale) },
    ...(fee.role ? [{ label: t(locale, 'fees.role'), value: labelOf(policy.roles, fee.role, locale) }] : []),
    { label: t(locale, 'fees.payer'), value: t(locale, fee.payer === 'person' ? 'fees.payerPerson' : 'fees.payerInstitution') },
  ];
}

/** The rules in the institution's words, each with its source. */
export function feeExplanation(fee: WhoPaysResult, locale: Locale): string[] {
  return fee.rules.map((rule) => `${say(rule, locale)} (${rule.source})`);
}

export function expiryFact(expiry: string, daysLeft: number, locale: Locale): { label: string; value: string } {
  const when = daysLeft > 0
    ? t(locale, 'dates.daysLeft', { days: daysLeft })
    : daysLeft === 0 ? t(locale, 'dates.today') : t(locale, 'dates.daysAgo', { days: -daysLeft });
  return { label: t(locale, 'renewal.expiryLabel'), value: `${formatDate(expiry)} (${when})` };
}
