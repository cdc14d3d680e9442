import type { Attachment } from 'botbuilder';
import { backButton } from './common';
import { messageCard, type CardButton } from './index';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import { formatDate, istanbulDate } from '../domain/dates';
import { fillPolicy, policyText, reasonOf, textIn, type Policy } from '../domain/policy';
import type { RenewalRequest, RequestChange } from '../state/requestStore';
import type { LifeCycle } from '../bot/requests/lifeCycle';

/** What the requester reads in their personal chat about their request; every sentence from the string tables or the policy. */
export interface NoticeContext {
  policy: Policy;
  life: LifeCycle;
  /** "Pazartesi–Cuma 08:30–17:30" */
  hours: (locale: Locale) => string;
  today: string;
}

/** A status change: what changed, what to do next (from the policy), and for a card that has come, where, R3, R4 and the new PIN. */
export function statusNoticeCard(request: RenewalRequest, change: RequestChange, context: NoticeContext): Attachment {
  const { policy, life } = context;
  const locale = request.requester.locale;
  const status = life.status(request.status);
  const paragraphs = [
    status ? fillPolicy(policy, textIn(status.userNotice, locale), locale) : '',
    ...(change.by.kind === 'desk' ? [t(locale, 'request.noticeWhoChanged', { name: change.by.name })] : []),
    ...(change.note ? [t(locale, 'request.noticeNote', { note: change.note })] : []),
  ].filter(Boolean);
  const buttons: CardButton[] = [];
  let steps: string[] = [];
  if (status?.pickUp) {
    paragraphs.push(t(locale, 'request.pickUpWhere', { department: textIn(policy.institution.itDepartment, locale), hours: context.hours(locale) }));
    // After a loss, a fault, a block or an identity change the old certificate was revoked first: no waiting (R3 does not apply).
    const oldStaysValid = reasonOf(policy, request.reason)?.oldCardStaysValid === true;
    const oldGone = !oldStaysValid || (request.expiry !== undefined && request.expiry < context.today);
    steps = [...(oldGone ? [] : [policyText(policy, 'r3', locale)]), policyText(policy, 'r4', locale)];
    if (oldGone) {
      paragraphs.push(t(locale, 'request.newPinNow'));
      buttons.push({ label: t(locale, 'request.newPinButton'), data: { verb: Verb.newCardPin } });
    } else if (request.expiry) {
      paragraphs.push(t(locale, 'request.newPinLater', { date: formatDate(request.expiry) }));
    }
  }
  buttons.push({ label: t(locale, 'request.mineButton'), data: { verb: Verb.requestMine } }, backButton(locale));
  return messageCard({ title: t(locale, 'request.noticeTitle', { number: request.number, status: life.label(request.status, locale) }), paragraphs, steps, buttons });
}

/** "taleplerim": each request with its status and history; an open one can be withdrawn. */
export function mineCard(requests: RenewalRequest[], context: NoticeContext, locale: Locale): Attachment {
  const { life } = context;
  if (!requests.length) return messageCard({ title: t(locale, 'request.mineTitle'), paragraphs: [t(locale, 'request.mineNone')], buttons: [backButton(locale)] });
  const day = (at: string) => formatDate(istanbulDate(new Date(at)));
  const paragraphs = requests.flatMap((request) => [
    t(locale, 'request.mineRow', { number: request.number, status: life.label(request.status, locale), date: day(request.createdAt) }),
    ...request.history.map((change) => `• ${t(locale, 'request.mineHistory', { date: day(change.at), status: life.label(change.to, locale) })}`),
  ]);
  const withdrawable = requests.filter((request) => life.mayFollow(request.status, life.withdrawTo));
  return messageCard({
    title: t(locale, 'request.mineTitle'),
    paragraphs,
    buttons: [
      ...withdrawable.map((request) => ({ label: t(locale, 'request.withdraw', { number: request.number }), data: { verb: Verb.requestWithdraw, number: request.number } })),
      backButton(locale),
    ],
  });
}

export function withdrawQuestionCard(request: RenewalRequest, locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'request.withdrawQuestion', { number: request.number }),
    paragraphs: [t(locale, 'request.withdrawBody')],
    buttons: [
      { label: t(locale, 'request.withdrawYes'), data: { verb: Verb.requestWithdraw, number: request.number, confirm: true } },
      { label: t(locale, 'request.withdrawNo'), data: { verb: Verb.requestWithdraw, number: request.number, confirm: false } },
    ],
  });
}

export function alreadyOpenCard(request: RenewalRequest, life: LifeCycle, locale: Locale, reasonUpdate?: string): Attachment {
  return messageCard({
    title: t(locale, 'request.alreadyOpenTitle'),
    paragraphs: [
      t(locale, 'request.alreadyOpenBody', { number: request.number, status: life.label(request.status, locale) }),
      ...(reasonUpdate ? [t(locale, 'request.reasonUpdated', { reason: reasonUpdate })] : []),
    ],
    buttons: [{ label: t(locale, 'request.mineButton'), data: { verb: Verb.requestMine } }],
  });
}

/** The request's number, right after it is recorded. */
export function requestNumberCard(request: RenewalRequest, locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'request.numberLine', { number: request.number }), buttons: [{ label: t(locale, 'request.mineButton'), data: { verb: Verb.requestMine } }] });
}

export function formCard(url: string, days: number, locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'request.formReady'), paragraphs: [t(locale, 'request.formLink', { url })], note: t(locale, 'request.formValid', { days }) });
}
