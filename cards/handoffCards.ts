import type { Attachment } from 'botbuilder';
import { messageCard, type CardButton, type CardFact } from './index';
import { backButton, menuButtons } from './common';
import type { Policy } from '../domain/policy';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import type { Ticket, TranscriptLine } from '../state/handoffStore';

/** The help desk handoff's cards; every string comes from the tr/en tables (`handoff.*`). */

/** What the ticket card in the help desk channel shows, at each stage of the ticket. */
export interface TicketCardModel {
  ticket: Ticket;
  /** When the ticket was asked, in the desk's time ("14:05"). */
  askedAt: string;
  queuePosition?: number;
  recent: TranscriptLine[];
  /** Set once claimed: "Mehmet Demir (14:07)". */
  claimedAt?: string;
  /** Set once closed: waiting and handling durations, already in words. */
  closed?: { waited: string; handled: string };
  /** When a desk line last reached the user ("14:09"), once claimed. */
  lastDeliveredAt?: string;
}

export function ticketCard(model: TicketCardModel, locale: Locale): Attachment {
  const { ticket } = model;
  const facts: CardFact[] = [
    { label: t(locale, 'handoff.factWho'), value: ticket.user.name },
    { label: t(locale, 'handoff.factPath'), value: ticket.path ?? t(locale, 'handoff.noPath') },
    ...(ticket.step ? [{ label: t(locale, 'handoff.factStep'), value: ticket.step }] : []),
    { label: t(locale, 'handoff.factCardState'), value: ticket.cardState ?? t(locale, 'handoff.noAgent') },
    { label: t(locale, 'handoff.factRenewal'), value: ticket.renewal ?? t(locale, 'handoff.noRenewal') },
    { label: t(locale, 'handoff.factAsked'), value: model.askedAt },
    ...(model.queuePosition ? [{ label: t(locale, 'handoff.factQueue'), value: String(model.queuePosition) }] : []),
    ...(ticket.status === 'claimed' ? [{ label: t(locale, 'handoff.factLastDelivered'), value: model.lastDeliveredAt ?? t(locale, 'handoff.noneDelivered') }] : []),
  ];
  const recent = model.recent.length ? model.recent.map((line) => lineText(line, locale)) : [t(locale, 'handoff.noRecent')];
  const stage = stageOf(model, locale);
  return messageCard({
    title: titleOf(ticket, locale),
    warning: ticket.outsideHours && ticket.status === 'waiting' ? t(locale, 'handoff.outsideHoursNote') : undefined,
    facts,
    paragraphs: [t(locale, 'handoff.recentTitle'), ...recent],
    note: t(locale, 'handoff.privacyNote'),
    answer: stage.answer,
    buttons: stage.buttons,
  });
}

/** The re-announcement in the ticket's thread, with its own "Üstlen". */
export function reannounceCard(ticket: Ticket, minutes: number, locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'handoff.reannounce', { minutes, name: ticket.user.name }),
    buttons: [claimButton(ticket, locale)],
  });
}

export function queuedCard(locale: Locale, position: number, hours: string, opening?: string): Attachment {
  return messageCard({
    title: t(locale, 'handoff.userQueuedTitle'),
    paragraphs: [
      t(locale, 'handoff.userQueuedBody', { position }),
      opening ? t(locale, 'handoff.userOutsideHours', { opening }) : t(locale, 'handoff.userHours', { hours }),
      t(locale, 'handoff.userWhileWaiting'),
    ],
    note: opening ? t(locale, 'handoff.userHours', { hours }) : undefined,
  });
}

/** No help desk channel: the department and, when the policy has them, its phone and e-mail. */
export function noDeskCard(locale: Locale, policy: Policy): Attachment {
  const { phone, email } = policy.institution.contacts;
  return messageCard({
    title: t(locale, 'handoff.noDeskTitle'),
    paragraphs: [
      t(locale, 'handoff.noDeskBody', { department: policy.institution.itDepartment[locale] }),
      ...(phone ? [t(locale, 'handoff.contactPhone', { phone })] : []),
      ...(email ? [t(locale, 'handoff.contactEmail', { email })] : []),
    ],
    buttons: menuButtons(locale).slice(0, 5),
  });
}

export function claimedCard(ticket: Ticket, name: string, locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'handoff.userClaimed', { name }),
    paragraphs: [t(locale, 'handoff.userClaimedHint')],
    buttons: [closeButton(ticket, locale)],
  });
}

/** The notice in the thread once claimed; says how to reach the user if plain replies do not reach the bot (no RSC consent). */
export function deskClaimedCard(ticket: Ticket, name: string, bot: string, locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'handoff.deskClaimed', { name, user: ticket.user.name, bot }), buttons: [closeButton(ticket, locale)] });
}

/** The satisfaction question after a conversation with the help desk (1-5), and the way back to the menu. */
export function satisfactionCard(ticket: Ticket, locale: Locale): Attachment {
  const scores = [1, 2, 3, 4, 5] as const;
  return messageCard({
    title: t(locale, 'handoff.ratingQuestion'),
    buttons: [
      ...scores.map((score) => ({ label: t(locale, `handoff.rating${score}`), data: { verb: Verb.handoffRate, ticketId: ticket.id, score } })),
      backButton(locale),
    ],
  });
}

/** "açık talepler": one row per open ticket, and "Üstlen" for the oldest waiting ones (Teams shows six buttons at most). */
export function openTicketsCard(rows: string[], locale: Locale, waiting: Ticket[] = []): Attachment {
  return messageCard({
    title: t(locale, 'handoff.openTitle', { count: rows.length }),
    paragraphs: rows.length ? rows : [t(locale, 'handoff.openNone')],
    buttons: waiting.slice(0, 6).map((ticket) => ({ label: t(locale, 'handoff.claimTicket', { id: ticket.id }), data: { verb: Verb.handoffClaim, ticketId: ticket.id } })),
  });
}

/** "Ayşe Yılmaz: ..." / "Asistan: ..." for the card's last messages and the thread. */
export function lineText(line: TranscriptLine, locale: Locale): string {
  const name = line.from === 'bot' ? t(locale, 'handoff.botName') : line.name ?? '';
  return t(locale, 'handoff.relayLine', { name, text: line.text });
}

/** The card's title says the ticket's state: waiting, taken by whom, or closed how. */
function titleOf(ticket: Ticket, locale: Locale): string {
  const base = { id: ticket.id, name: ticket.user.name };
  if (ticket.status === 'closed') return t(locale, 'handoff.ticketTitleClosed', { ...base, outcome: outcomeText(ticket, locale) });
  if (ticket.status === 'claimed' && ticket.claimedBy) return t(locale, 'handoff.ticketTitleClaimed', { ...base, claimer: ticket.claimedBy.name });
  return t(locale, 'handoff.ticketTitle', base);
}

function outcomeText(ticket: Ticket, locale: Locale): string {
  return t(locale, ticket.outcome === 'withdrawn' ? 'handoff.outcomeWithdrawn' : ticket.outcome === 'idle' ? 'handoff.outcomeIdle' : 'handoff.outcomeResolved');
}

function stageOf(model: TicketCardModel, locale: Locale): { answer?: string; buttons: CardButton[] } {
  const { ticket } = model;
  if (ticket.status === 'closed') {
    if (ticket.outcome === 'withdrawn' && !ticket.claimedBy) return { answer: t(locale, 'handoff.closedWithdrawnSummary', { waited: model.closed?.waited ?? '' }), buttons: [] };
    const outcome = outcomeText(ticket, locale);
    const claimed = ticket.claimedBy ? `${t(locale, 'handoff.claimedBy', { name: ticket.claimedBy.name, time: model.claimedAt ?? '' })} · ` : '';
    return { answer: `${claimed}${t(locale, 'handoff.closedSummary', { outcome, waited: model.closed?.waited ?? '', handled: model.closed?.handled ?? '' })}`, buttons: [] };
  }
  if (ticket.status === 'claimed' && ticket.claimedBy) {
    return { answer: t(locale, 'handoff.claimedBy', { name: ticket.claimedBy.name, time: model.claimedAt ?? '' }), buttons: [closeButton(ticket, locale)] };
  }
  return { buttons: [claimButton(ticket, locale)] };
}

function claimButton(ticket: Ticket, locale: Locale): CardButton {
  return { label: t(locale, 'handoff.claim'), data: { verb: Verb.handoffClaim, ticketId: ticket.id } };
}

function closeButton(ticket: Ticket, locale: Locale): CardButton {
  return { label: t(locale, 'handoff.close'), data: { verb: Verb.handoffClose, ticketId: ticket.id } };
}
