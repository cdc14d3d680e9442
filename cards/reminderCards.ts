import type { Attachment } from 'botbuilder';
import { messageCard, type CardButton } from './index';
import { backButton } from './common';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import { expiryFact } from './closingCards';
import { addDays, formatDate } from '../domain/dates';
import { policyText, textIn, targetDate, type Policy } from '../domain/policy';
import { snoozePingDay } from '../bot/reminders/sendWindow';

/** What a ping shows: the certificate's deadline and the days left on the day it is sent. */
export interface PingCardModel {
  expiry: string;
  daysLeft: number;
}

/**
 * The expiry ping, worded for the day it is sent: before R1's target (apply one month before),
 * after it, on the expiry day, or after expiry (the late path, R2). Buttons: "Yenilemeyi başlat"
 * (the renewal path), "Başvurdum" and, only when the snooze ends by the expiry day, "Daha sonra
 * hatırlat" (both carry the certificate's expiry so a press on an old ping cannot touch a newer
 * certificate).
 */
export function pingCard(model: PingCardModel, policy: Policy, locale: Locale): Attachment {
  const { expiry, daysLeft } = model;
  const title = daysLeft < 0 ? t(locale, 'reminder.titleLate')
    : daysLeft === 0 ? t(locale, 'reminder.titleToday')
      : daysLeft === 1 ? t(locale, 'reminder.titleTomorrow')
        : t(locale, 'reminder.titleDays', { days: daysLeft });
  const late = daysLeft < 0;
  const buttons: CardButton[] = [
    { label: t(locale, 'reminder.start'), data: { verb: Verb.renewal } },
    { label: t(locale, 'reminder.applied'), data: { verb: Verb.reminderApplied, expiry } },
    ...(snoozePingDay(policy.reminders, addDays(expiry, -daysLeft), expiry) ? [{ label: t(locale, 'reminder.snooze'), data: { verb: Verb.reminderSnooze, expiry } }] : []),
  ];
  return messageCard({
    title,
    warning: late ? textIn(policy.renewal.lateRequirement, locale) : undefined,
    facts: [expiryFact(expiry, daysLeft, locale)],
    paragraphs: late ? [textIn(policy.institution.handIn, locale)] : pingBody(policy, expiry, daysLeft, locale),
    note: t(locale, 'reminder.note'),
    buttons,
  });
}

function pingBody(policy: Policy, expiry: string, daysLeft: number, locale: Locale): string[] {
  if (daysLeft === 0) return [t(locale, 'reminder.bodyToday'), textIn(policy.renewal.lateRequirement, locale)];
  const target = targetDate(policy, expiry);
  const today = addDays(expiry, -daysLeft);
  if (today <= target) return [t(locale, 'reminder.bodyBeforeTarget', { rule: policyText(policy, 'r1', locale), date: formatDate(target) })];
  return [t(locale, 'reminder.bodyPastTarget', { date: formatDate(target) }), textIn(policy.renewal.lateRequirement, locale)];
}

/** "Başvurdum" answered: pings stopped (with R3, R4), or the press was on a stale ping; `record` offers the renewal path. */
export function appliedAnswerCard(title: string, rules: string[], record: boolean, locale: Locale): Attachment {
  return messageCard({
    title,
    paragraphs: [...rules, ...(record ? [t(locale, 'request.recordOffer')] : [])],
    buttons: [...(record ? [{ label: t(locale, 'request.recordButton'), data: { verb: Verb.renewal } }] : []), backButton(locale)],
  });
}

/** "Daha sonra hatırlat" answered: snoozed until `until`, or the press was on a stale ping. */
export function snoozeAnswerCard(until: string | undefined, locale: Locale): Attachment {
  const title = until ? t(locale, 'reminder.snoozeDone', { date: formatDate(until) }) : t(locale, 'reminder.stale');
  return messageCard({ title, buttons: [backButton(locale)] });
}

/** A snooze would end after expiry: none is given, the renewal is offered instead. */
export function snoozeTooLateCard(locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'reminder.snoozeTooLate'),
    buttons: [{ label: t(locale, 'reminder.start'), data: { verb: Verb.renewal } }, backButton(locale)],
  });
}
