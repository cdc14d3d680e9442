import type { Attachment } from 'botbuilder';
import { messageCard } from '../../cards/index';
import { t, type Locale } from '../../cards/i18n';
import { Verb } from '../../cards/verbs';
import { expiryFact } from '../../dialogs/closingCards';
import { say, type Policy } from '../../dialogs/policy';

/** What a ping shows: the certificate's deadline and the days left on the day it is sent. */
export interface PingCardModel {
  expiry: string;
  daysLeft: number;
}

/**
 * The expiry ping: days left, the deadline, and "Yenilemeyi başlat" (the renewal path),
 * "Başvurdum" and "Bir hafta sonra hatırlat" (both carry the certificate's expiry so a press on
 * an old ping cannot touch a newer certificate). After expiry it switches to the late path (R2).
 */
export function pingCard(model: PingCardModel, policy: Policy, locale: Locale): Attachment {
  const { expiry, daysLeft } = model;
  const title = daysLeft < 0 ? t(locale, 'reminder.titleLate')
    : daysLeft === 0 ? t(locale, 'reminder.titleToday')
      : daysLeft === 1 ? t(locale, 'reminder.titleTomorrow')
        : t(locale, 'reminder.titleDays', { days: daysLeft });
  const late = daysLeft < 0;
  return messageCard({
    title,
    warning: late ? say(policy.renewal.lateRequirement, locale) : undefined,
    facts: [expiryFact(expiry, daysLeft, locale)],
    paragraphs: late
      ? [say(policy.institution.handIn, locale)]
      : [t(locale, 'reminder.bodyApply', { department: say(policy.institution.itDepartment, locale) }), ...(daysLeft <= 3 ? [t(locale, 'reminder.bodyUrgent')] : [])],
    note: t(locale, 'reminder.note'),
    buttons: [
      { label: t(locale, 'reminder.start'), data: { verb: Verb.renewal } },
      { label: t(locale, 'reminder.applied'), data: { verb: Verb.reminderApplied, expiry } },
      { label: t(locale, 'reminder.snooze'), data: { verb: Verb.reminderSnooze, expiry } },
    ],
  });
}
