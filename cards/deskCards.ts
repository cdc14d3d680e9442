import type { Attachment } from 'botbuilder';
import { messageCard, requestDeskCard, type CardButton, type CardFact } from './index';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import { dayOf, daysBetween, formatDate, istanbulDate, istanbulTime } from '../domain/dates';
import { labelOf, type Policy } from '../domain/policy';
import type { RenewalRequest, SuspensionCheck } from '../state/requestStore';
import type { LifeCycle } from '../bot/requests/lifeCycle';
import type { WorkingHours } from '../bot/handoff/workingHours';

const HISTORY_SHOWN = 3;

export interface DeskCardContext {
  policy: Policy;
  life: LifeCycle;
  hours: WorkingHours;
  now: Date;
  locale: Locale;
  /** What the person's paired agent last reported about the card, in words. */
  cardReport?: string;
}

/** A renewal request's card in the help desk channel: its state first, the facts, the last changes, and what may be done next. */
export function deskCard(request: RenewalRequest, context: DeskCardContext): Attachment {
  const { life, locale, hours } = context;
  const status = life.label(request.status, locale);
  const open = life.isOpen(request.status);
  const state = !open ? t(locale, 'request.deskStateClosed', { status })
    : request.assignee ? t(locale, 'request.deskStateAssigned', { status, assignee: request.assignee.name })
      : t(locale, 'request.deskStateNew', { status });
  const time = (at: string) => `${formatDate(istanbulDate(new Date(at)))} ${hours.formatTime(new Date(at))}`;
  const history = request.history.slice(-HISTORY_SHOWN).map((change) => (change.from
    ? t(locale, 'request.changeLine', { time: time(change.at), name: change.by.name, from: life.label(change.from, locale), to: life.label(change.to, locale) })
      + (change.note ? ` · ${change.note}` : '')
    : t(locale, 'request.createdLine', { time: time(change.at) })));
  return requestDeskCard({
    title: t(locale, 'request.deskTitle', { number: request.number, name: request.requester.name }),
    state,
    stateStyle: !open ? 'good' : request.assignee ? 'accent' : 'attention',
    warning: open && request.late ? t(locale, 'request.lateYes') : undefined,
    facts: requestFacts(request, context),
    history: [`${t(locale, 'request.factLastChange')}:`, ...history],
    notePlaceholder: open ? t(locale, 'request.notePlaceholder') : undefined,
    note: t(locale, 'request.privacyNote'),
    buttons: open ? deskButtons(request, context) : [],
  });
}

function requestFacts(request: RenewalRequest, { policy, locale, now, cardReport }: DeskCardContext): CardFact[] {
  return [
    { label: t(locale, 'request.factWho'), value: [request.requester.name, request.requester.upn].filter(Boolean).join(' · ') },
    ...(request.requester.unit ? [{ label: t(locale, 'request.factUnit'), value: request.requester.unit }] : []),
    { label: t(locale, 'request.factReason'), value: labelOf(policy.reasons, request.reason, locale) },
    ...(request.role ? [{ label: t(locale, 'request.factRole'), value: labelOf(policy.roles, request.role, locale) }] : []),
    { label: t(locale, 'request.factPayer'), value: `${payerText(request, locale)} (${request.feeSource})` },
    { label: t(locale, 'request.factLate'), value: t(locale, request.late ? 'request.lateYes' : 'request.lateNo') },
    { label: t(locale, 'request.factExpiry'), value: expiryText(request, istanbulDate(now), locale) },
    ...(request.serial ? [{ label: t(locale, 'request.factSerial'), value: request.serial }] : []),
    ...(request.suspensionCheck ? [{ label: t(locale, 'lostCard.checkTitle'), value: suspensionCheckText(request.suspensionCheck, locale) }] : []),
    ...(cardReport ? [{ label: t(locale, 'request.factCardReport'), value: cardReport }] : []),
  ];
}

/** "askıya alma kontrolü: ASKIDA (kontrol: 21.11.2026 14:02)": Kamu SM's answer after a lost card. */
export function suspensionCheckText(check: SuspensionCheck, locale: Locale): string {
  return t(locale, 'lostCard.ticketCheck', { state: t(locale, `agent.state.${check.status}`), date: formatDate(dayOf(check.checkedAt)), time: istanbulTime(check.checkedAt) });
}

export function expiryText(request: RenewalRequest, today: string, locale: Locale): string {
  if (!request.expiry) return t(locale, 'request.noExpiry');
  const days = daysBetween(today, request.expiry);
  const left = days > 0 ? t(locale, 'request.daysLeft', { count: days }) : days < 0 ? t(locale, 'request.daysOver', { count: -days }) : t(locale, 'request.expiresToday');
  return t(locale, 'request.expiryValue', { date: formatDate(request.expiry), left, source: expirySourceText(request, locale) });
}

/** Who pays, as the desk reads it (the CSV and the form too). */
export function payerText(request: RenewalRequest, locale: Locale): string {
  return t(locale, request.payer === 'person' ? 'request.payerPerson' : 'request.payerInstitution');
}

/** Where the expiry date came from: the paired agent, the imported roster, or typed by the person. */
export function expirySourceText(request: RenewalRequest, locale: Locale): string {
  return t(locale, request.expirySource === 'agent' ? 'request.sourceAgent' : request.expirySource === 'import' ? 'request.sourceImport' : 'request.sourceTyped');
}

function deskButtons(request: RenewalRequest, { life, locale }: DeskCardContext): CardButton[] {
  const claim: CardButton[] = request.assignee ? [] : [{ label: t(locale, 'request.claim'), data: { verb: Verb.requestClaim, number: request.number } }];
  const moves = (life.status(request.status)?.next ?? []).map((status) => ({
    label: t(locale, 'request.moveTo', { status: life.label(status, locale) }),
    data: { verb: Verb.requestMove, number: request.number, from: request.status, status },
  }));
  return [...claim, ...moves];
}

/** "talepler": the open requests, newest first. */
export function listCard(title: string, rows: string[], footer: string[], locale: Locale): Attachment {
  return messageCard({ title, paragraphs: rows.length ? rows : [t(locale, 'request.listNone')], note: footer.join(' ') || undefined });
}

/** "csv": the link to the open requests as CSV. */
export function csvReadyCard(count: number, url: string, locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'request.csvReady', { count }), paragraphs: [t(locale, 'request.csvLink', { url })] });
}
