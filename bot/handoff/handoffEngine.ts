import { randomInt } from 'node:crypto';
import {
  EventFactory, MessageFactory, TurnContext, type Activity, type ChannelAccount, type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogTurn } from '../router/registry';
import { menuCard, secretWarningCard } from '../../cards/common';
import { localeOf, t, type Locale } from '../../cards/i18n';
import { Verb } from '../../cards/verbs';
import { cardPress } from '../router/input';
import type { Policy } from '../../domain/policy';
import type { ClosedBy, HandoffMemo, HandoffStore, Person, Ticket, TicketOutcome, TranscriptLine } from '../../state/handoffStore';
import { scanForSecrets } from '../secrets';
import { originalText, secretsFoundThisTurn } from '../secretGuardMiddleware';
import type { Logger } from '../logger';
import type { ProactiveMessenger } from '../proactive';
import {
  claimedCard, deskClaimedCard, lineText, noDeskCard, openTicketsCard, queuedCard, reannounceCard, satisfactionCard, ticketCard,
} from '../../cards/handoffCards';
import type { WorkingHours } from './workingHours';

/** Where the user stood when they asked for a person, in words for the help desk. */
export interface DialogPosition {
  path?: string;
  step?: string;
}

export interface HandoffEngineOptions {
  store: HandoffStore;
  /** The handoff's part of the user's conversation state (open ticket marker, last lines). */
  memo: StatePropertyAccessor<HandoffMemo>;
  messenger: ProactiveMessenger;
  hours: WorkingHours;
  /** The person's open renewal request in words ("EI-2026-0042 · Kamu SM'ye başvuruldu · ..."), for the ticket card. */
  requestSummary?: (userId: string) => Promise<string | undefined>;
  policy: Policy;
  now: () => Date;
  log: Logger;
  /** The help desk's language (the bot's default). */
  deskLocale: Locale;
  /** Azure AD object ids of the help desk staff (lower case). They alone set the channel, claim and list. */
  memberIds: readonly string[];
  /** An unclaimed ticket is announced again after this long (counted from the desk's opening when asked outside hours). */
  reannounceSeconds: number;
  /** A claimed conversation with no message for this long is closed. */
  idleCloseSeconds: number;
  /** How long a closed ticket and its transcript are kept. */
  retentionSeconds: number;
  /**
   * Hook: what the user's paired card agent last reported (e.g. "PIN kilitli, PUK denemesi yok"),
   * in words for the help desk. Unset until the agent's reports are stored.
   */
  cardState?: (user: Person) => Promise<string | undefined>;
}

/** How many of the conversation's last messages the ticket card shows, and how long they are kept. */
const RECENT_KEEP = 6;
/** A sweep item is this instance's for this long; if it dies meanwhile another instance retries. */
const SWEEP_LEASE_MS = 60_000;
const SWEEP_BATCH = 20;

const TICKET_ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * The help desk handoff, end to end: a user's request becomes a ticket card in the help desk
 * channel; one member claims it (atomically, whichever instance handles the press); messages are
 * relayed between the user's chat and the ticket's thread; either side closes it; timers
 * re-announce and close. All state is in the HandoffStore, so any instance can handle any turn.
 */
export class HandoffEngine {
  private readonly members: Set<string>;
  private readonly deskSetListeners: (() => Promise<unknown>)[] = [];

  constructor(private readonly options: HandoffEngineOptions) {
    this.members = new Set(options.memberIds.map((id) => id.toLowerCase()));
  }

  get store(): HandoffStore {
    return this.options.store;
  }

  /** Runs after the help desk channel is set (the renewal requests post what waited for a desk). */
  onDeskSet(listener: () => Promise<unknown>): void {
    this.deskSetListeners.push(listener);
  }

  get deskLocale(): Locale {
    return this.options.deskLocale;
  }

  /** Silence for team chatter, the desk commands for an @mention of the bot. */
  private async channelHint(context: TurnContext): Promise<void> {
    const recipient = context.activity.recipient?.id;
    const mentioned = (context.activity.entities ?? []).some((entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === recipient);
    if (mentioned && !cardPress(context)) await context.sendActivity(t(this.options.deskLocale, 'handoff.channelHint'));
  }

  /** True when `account` is help desk staff (by Azure AD object id). */
  isMember(account: ChannelAccount): boolean {
    return Boolean(account.aadObjectId && this.members.has(account.aadObjectId.toLowerCase()));
  }

  /** "Yetkiliye bağlan": notes where the user stood (in the desk's words), leaves the path, opens a ticket. */
  async requestFromDialog(turn: DialogTurn): Promise<void> {
    const { path, step } = turn.standing();
    await turn.inner.cancelAllDialogs();
    await this.request(turn.context, { path: path && t(this.options.deskLocale, path), step });
  }

  /** Opens a ticket for this conversation and tells the user what happens next. */
  async request(context: TurnContext, position: DialogPosition = {}): Promise<void> {
    const { store, hours, messenger, log } = this.options;
    const locale = localeOf(context);
    const conversationId = context.activity.conversation.id;
    if (await store.openTicketFor(conversationId)) return void (await context.sendActivity(t(locale, 'handoff.userAlreadyOpen')));
    const desk = await store.desk();
    if (!desk?.conversation) return void (await context.sendActivity(MessageFactory.attachment(noDeskCard(locale, this.options.policy))));

    const now = this.options.now();
    const user = personOf(context.activity.from);
    const memo = await this.memoOf(context);
    const recent = memo.recent;
    const [renewal, cardState] = await Promise.all([
      this.latestRenewal(user),
      this.options.cardState?.(user).catch(() => undefined),
    ]);
    const opening = hours.nextOpening(now);
    const outsideHours = !hours.isOpen(now);
    const ticket: Ticket = {
      id: newTicketId(), status: 'waiting', user, userConversationId: conversationId,
      userRef: TurnContext.getConversationReference(context.activity), locale, ...position, cardState, renewal,
      createdAt: now.toISOString(), lastActivityAt: now.toISOString(), outsideHours,
    };
    const reannounceFrom = outsideHours && opening ? opening.getTime() : now.getTime();
    if (!(await store.create(ticket, recent, reannounceFrom + this.options.reannounceSeconds * 1000))) {
      return void (await context.sendActivity(t(locale, 'handoff.userAlreadyOpen')));
    }
    memo.ticketId = ticket.id;
    memo.recent = [];
    const position1 = (await store.queuePosition(ticket.id)) ?? 1;
    try {
      const [cardId] = await messenger.send(desk, MessageFactory.attachment(this.ticketCard(ticket, recent, position1)));
      if (!cardId) throw new Error('the channel returned no id for the ticket card');
      const threadId = `${desk.conversation.id};messageid=${cardId}`;
      await store.attachThread(ticket.id, threadId, { ...desk, conversation: { ...desk.conversation, id: threadId } }, cardId);
    } catch (error) {
      log.error({ ticketId: ticket.id, err: { message: (error as Error).message } }, 'could not post the ticket card to the help desk channel');
      await store.close(ticket.id, 'timeout', 'withdrawn', now, this.options.retentionSeconds);
      await context.sendActivity(MessageFactory.attachment(noDeskCard(locale, this.options.policy)));
      return;
    }
    await context.sendActivity(MessageFactory.attachment(queuedCard(
      locale, position1, hours.describe(locale), outsideHours && opening ? hours.formatMoment(opening, locale) : undefined,
    )));
    await this.emit(context, EventFactory.createHandoffInitiation(
      context, { ticketId: ticket.id, skill: 'bilgi-islem', queuePosition: position1, outsideHours },
      { activities: recent.map((line) => transcriptActivity(line, context.activity.conversation)) },
    ));
    log.info({ ticketId: ticket.id, outsideHours, queuePosition: position1 }, 'help desk ticket opened');
  }

  /** 'handoff' while this personal chat has an open ticket (the desk owns the conversation). */
  async whereOf(context: TurnContext): Promise<'personal' | 'handoff'> {
    const memo = await this.memoOf(context);
    if (!memo.ticketId) return 'personal';
    if (await this.options.store.openTicketFor(context.activity.conversation.id)) return 'handoff';
    delete memo.ticketId; // closed from the help desk's side since the user last wrote
    return 'personal';
  }

  /** "Bitir", "iptal" or "Kapat" from the user: ends the open ticket (an old "Kapat" hears it has already ended). */
  async endFromUser(context: TurnContext): Promise<void> {
    const ticket = await this.options.store.openTicketFor(context.activity.conversation.id);
    if (!ticket) return void (await context.sendActivity(t(localeOf(context), 'handoff.userAlreadyEnded')));
    await this.close(ticket.id, 'user', ticket.status === 'waiting' ? 'withdrawn' : 'resolved');
  }

  /** Anything else the user sends while a ticket is open: typed words go to the desk, a press gets a notice. */
  async duringHandoff(context: TurnContext): Promise<void> {
    const ticket = await this.options.store.openTicketFor(context.activity.conversation.id);
    if (!ticket) return;
    const locale = localeOf(context);
    const press = cardPress(context);
    if (press) {
      const notice = ticket.status === 'claimed' && ticket.claimedBy
        ? t(locale, 'handoff.userInRelay', { name: ticket.claimedBy.name })
        : press.verb === Verb.human ? t(locale, 'handoff.userAlreadyOpen') : t(locale, 'handoff.userWaitingButton');
      await context.sendActivity(notice);
      return;
    }
    const line = await this.incomingLine(context, 'user', { warn: true });
    await this.relay(ticket, line, 'toDesk');
    // The warning said it was hidden; the user should also know the rest of the message still went to the desk.
    if (line.text !== stripMentions(context.activity.text ?? '') || secretsFoundThisTurn(context).length) await context.sendActivity(t(locale, 'handoff.userMaskedRelayed'));
    if (ticket.status === 'waiting') {
      const position = (await this.options.store.queuePosition(ticket.id)) ?? 1;
      await context.sendActivity(t(locale, 'handoff.userStillWaiting', { position }));
    }
  }

  /**
   * A channel message no desk entry took, or the desk's "bitir" (`ending`): in a ticket's thread
   * only the member who took it speaks to the user (or ends it); elsewhere, team chatter stays
   * unanswered and an @mention of the bot gets the desk commands.
   */
  async inChannel(context: TurnContext, { ending = false } = {}): Promise<void> {
    const ticket = await this.options.store.ticketForThread(context.activity.conversation.id);
    if (!ticket) return this.channelHint(context);
    if (cardPress(context) || ticket.status !== 'claimed' || !sameAccount(ticket.claimedBy, context.activity.from)) return;
    if (ending) {
      await this.close(ticket.id, 'desk', 'resolved', personOf(context.activity.from));
      return;
    }
    // The user reads the desk's words as written; the transcript keeps them masked like every line.
    const shown = stripMentions(originalText(context) ?? context.activity.text ?? '');
    await this.relay(ticket, await this.incomingLine(context, 'desk'), 'toUser', shown);
  }

  /** "Üstlen": exactly one member wins; the card changes in place and the user hears who took over. */
  async claim(context: TurnContext, ticketId: string): Promise<void> {
    const { store, messenger, log, deskLocale } = this.options;
    const from = context.activity.from;
    const name = from.name ?? '';
    if (!this.isMember(from)) {
      log.info({ ticketId }, 'refused a claim from someone outside the help desk');
      await context.sendActivity(t(deskLocale, 'handoff.notMember', { name }));
      return;
    }
    const now = this.options.now();
    const result = await store.claim(ticketId, personOf(from), now, now.getTime() + this.options.idleCloseSeconds * 1000);
    if (!result.won) {
      const winner = result.ticket?.claimedBy?.name;
      await context.sendActivity(winner && result.ticket?.status === 'claimed'
        ? t(deskLocale, 'handoff.alreadyClaimed', { name, winner })
        : t(deskLocale, 'handoff.alreadyClosed', { name }));
      return;
    }
    const ticket = result.ticket;
    log.info({ ticketId, waitedMs: now.getTime() - Date.parse(ticket.createdAt) }, 'help desk ticket claimed');
    await this.refreshCard(ticket);
    if (ticket.threadRef) await messenger.send(ticket.threadRef, MessageFactory.attachment(deskClaimedCard(ticket, name, context.activity.recipient?.name || 'eimza-bot', deskLocale)));
    await messenger.within(ticket.userRef, async (userContext) => {
      await userContext.sendActivity(MessageFactory.attachment(claimedCard(ticket, name, ticket.locale)));
      await this.emit(userContext, EventFactory.createHandoffStatus(userContext.activity.conversation, 'accepted'));
    });
  }

  /**
   * Closes a ticket once, whoever asks first (user, member or timer): updates the card, tells the
   * thread, and gives the user the satisfaction question (or the menu) back with the bot.
   * Returns false when it was already closed.
   */
  async close(ticketId: string, closedBy: ClosedBy, outcome: TicketOutcome, closer?: Person): Promise<boolean> {
    const { store, messenger, log, deskLocale } = this.options;
    const now = this.options.now();
    const ticket = await store.close(ticketId, closedBy, outcome, now, this.options.retentionSeconds);
    if (!ticket) return false;
    const waitedMs = Date.parse(ticket.claimedAt ?? ticket.closedAt ?? now.toISOString()) - Date.parse(ticket.createdAt);
    const handledMs = ticket.claimedAt ? now.getTime() - Date.parse(ticket.claimedAt) : 0;
    log.info({ ticketId, outcome, closedBy, waitedMs, handledMs }, 'help desk ticket closed');
    const deskNote = outcome === 'withdrawn' ? t(deskLocale, 'handoff.deskWithdrawn', { name: ticket.user.name })
      : outcome === 'idle' ? t(deskLocale, 'handoff.deskIdleClosed', { minutes: Math.round(this.options.idleCloseSeconds / 60) })
        : closedBy === 'user' ? t(deskLocale, 'handoff.deskClosedByUser', { name: ticket.user.name })
          : t(deskLocale, 'handoff.deskClosedByDesk', { name: closer?.name ?? ticket.claimedBy?.name ?? '' });
    await this.bestEffort(ticketId, 'desk side of close', async () => {
      await this.refreshCard(ticket);
      if (ticket.threadRef) await messenger.send(ticket.threadRef, MessageFactory.text(deskNote));
    });
    await this.bestEffort(ticketId, 'user side of close', () => messenger.within(ticket.userRef, async (userContext) => {
      const locale = ticket.locale;
      const userNote = outcome === 'withdrawn' ? t(locale, 'handoff.userWithdrawn') : outcome === 'idle' ? t(locale, 'handoff.userIdleClosed')
        : closedBy === 'desk' ? t(locale, 'handoff.userClosedByDesk', { name: closer?.name ?? ticket.claimedBy?.name ?? '' }) : t(locale, 'handoff.userClosed');
      await userContext.sendActivity(userNote);
      await userContext.sendActivity(MessageFactory.attachment(ticket.claimedBy ? satisfactionCard(ticket, locale) : menuCard(locale)));
      await this.emit(userContext, EventFactory.createHandoffStatus(
        userContext.activity.conversation, outcome === 'withdrawn' ? 'failed' : 'completed', outcome,
      ));
    }));
    return true;
  }

  /** The timers: re-announce waiting tickets, close idle conversations, forget expired records. */
  async sweep(): Promise<number> {
    const now = this.options.now().getTime();
    const due = await this.options.store.takeDue(now, SWEEP_LEASE_MS, SWEEP_BATCH);
    for (const deadline of due) {
      await this.bestEffort(deadline.ticketId, `${deadline.kind} timer`, async () => {
        const ticket = await this.options.store.get(deadline.ticketId);
        const next = ticket ? await this.onDeadline(ticket, deadline.kind, now) : undefined;
        if (next === undefined) await this.options.store.unschedule(deadline);
        else await this.options.store.schedule(deadline, next);
      });
    }
    await this.options.store.prune(now - this.options.retentionSeconds * 1000);
    return due.length;
  }

  /** Before the request: remembers the conversation's last lines (masked) for the ticket card, in its state. */
  async record(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const memo = await this.memoOf(context);
    // What the user read and wrote: not button verbs, and nothing once a ticket is open (it starts the next card empty).
    const keep = (line: TranscriptLine) => {
      if (line.text && !memo.ticketId) memo.recent = [...memo.recent, { ...line, text: shortened(line.text) }].slice(-RECENT_KEEP);
    };
    if (!cardPress(context)) keep(await this.incomingLine(context, 'user'));
    // Bot lines are kept as they are sent, before the turn's state is saved.
    context.onSendActivities(async (_turn, activities, sendNext) => {
      for (const activity of activities) keep({ at: this.options.now().toISOString(), from: 'bot', text: botTextOf(activity) ?? '' });
      return sendNext();
    });
    await next();
  }

  private async memoOf(context: TurnContext): Promise<HandoffMemo> {
    return this.options.memo.get(context, { recent: [] });
  }

  /** Returns when to look again, or undefined when this deadline is done. */
  private async onDeadline(ticket: Ticket, kind: 'reannounce' | 'idle', now: number): Promise<number | undefined> {
    const { hours, messenger, deskLocale, store } = this.options;
    if (kind === 'reannounce') {
      if (ticket.status !== 'waiting') return undefined;
      if (!hours.isOpen(new Date(now))) return hours.nextOpening(new Date(now))?.getTime();
      if (ticket.threadRef) {
        const minutes = Math.round((now - Date.parse(ticket.createdAt)) / 60_000);
        await messenger.send(ticket.threadRef, MessageFactory.attachment(reannounceCard(ticket, minutes, deskLocale)));
        await store.bumpReannounced(ticket.id);
      }
      return now + this.options.reannounceSeconds * 1000;
    }
    if (ticket.status !== 'claimed') return undefined;
    const idleUntil = Date.parse(ticket.lastActivityAt) + this.options.idleCloseSeconds * 1000;
    if (idleUntil > now) return idleUntil;
    await this.close(ticket.id, 'timeout', 'idle');
    return undefined;
  }

  private async relay(ticket: Ticket, line: TranscriptLine, direction: 'toDesk' | 'toUser', shown = line.text): Promise<void> {
    const { store, messenger } = this.options;
    await store.addLine(ticket.id, line, this.options.now());
    const target = direction === 'toDesk' ? ticket.threadRef : ticket.userRef;
    const locale = direction === 'toDesk' ? this.options.deskLocale : ticket.locale;
    if (target) await messenger.send(target, MessageFactory.text(lineText({ ...line, text: shown }, locale)));
    // The desk sees on the card that the line reached the user (a reply that never reaches the bot leaves it unchanged).
    if (direction === 'toUser') await this.bestEffort(ticket.id, 'card after a delivered line', () => this.refreshCard(ticket));
  }

  /** "Kapat" on a ticket card in the channel: members only. */
  async closeFromDesk(context: TurnContext, ticketId: string): Promise<void> {
    const from = context.activity.from;
    if (!this.isMember(from)) return void (await context.sendActivity(t(this.options.deskLocale, 'handoff.notMember', { name: from.name ?? '' })));
    const closed = await this.close(ticketId, 'desk', 'resolved', personOf(from));
    if (!closed) await context.sendActivity(t(this.options.deskLocale, 'handoff.alreadyClosed', { name: from.name ?? '' }));
  }

  /** The satisfaction answer after a help desk conversation (1-5; anything else is thanked and not stored). */
  async rate(context: TurnContext, ticketId: string, score: number): Promise<void> {
    const locale = localeOf(context);
    const ticket = await this.options.store.get(ticketId);
    if (ticket && ticket.userConversationId === context.activity.conversation.id && Number.isInteger(score) && score >= 1 && score <= 5) {
      if (await this.options.store.rate(ticketId, score)) this.options.log.info({ ticketId, rating: score }, 'help desk ticket rated');
    }
    await context.sendActivity(t(locale, 'handoff.ratingThanks'));
    await context.sendActivity(MessageFactory.attachment(menuCard(locale)));
  }

  /** "Yardım masası burası": this channel becomes the help desk (members only). */
  async setDesk(context: TurnContext): Promise<void> {
    const { deskLocale, store, log } = this.options;
    const from = context.activity.from;
    if (!this.isMember(from)) return void (await context.sendActivity(t(deskLocale, 'handoff.deskSetRefused', { name: from.name ?? '' })));
    const reference = TurnContext.getConversationReference(context.activity);
    const channelId = channelIdOf(context.activity);
    await store.setDesk({ ...reference, activityId: undefined, conversation: { ...reference.conversation!, id: channelId } });
    log.info('help desk channel set');
    await context.sendActivity(t(deskLocale, 'handoff.deskSet'));
    for (const listener of this.deskSetListeners) await listener().catch((error: Error) => log.error({ err: { message: error.message } }, 'help desk: after setting the channel'));
  }

  /** "Açık talepler": the open tickets, waiting ones with a claim button (members only). */
  async listOpen(context: TurnContext): Promise<void> {
    const { deskLocale, store } = this.options;
    const from = context.activity.from;
    if (!this.isMember(from)) return void (await context.sendActivity(t(deskLocale, 'handoff.listRefused', { name: from.name ?? '' })));
    const now = this.options.now().getTime();
    const open = await store.openTickets();
    const rows = open.map((ticket) => ticket.status === 'claimed'
      ? t(deskLocale, 'handoff.openClaimed', { id: ticket.id, name: ticket.user.name, claimer: ticket.claimedBy?.name ?? '' })
      : waitingRow(ticket, Math.round((now - Date.parse(ticket.createdAt)) / 60_000), deskLocale));
    const waiting = open.filter((ticket) => ticket.status === 'waiting');
    await context.sendActivity(MessageFactory.attachment(openTicketsCard(rows, deskLocale, waiting)));
  }

  /** Redraws the ticket's card in the channel (in place) for its current status. */
  private async refreshCard(ticket: Ticket): Promise<void> {
    if (!ticket.threadRef || !ticket.cardActivityId) return;
    const lines = await this.options.store.lines(ticket.id);
    const recent = lines.filter((line) => line.at <= ticket.createdAt).slice(-RECENT_KEEP);
    const delivered = lines.filter((line) => line.from === 'desk').pop();
    await this.options.messenger.update(ticket.threadRef, ticket.cardActivityId, MessageFactory.attachment(this.ticketCard(ticket, recent, undefined, delivered?.at)));
  }

  private ticketCard(ticket: Ticket, recent: TranscriptLine[], queuePosition?: number, lastDeliveredAt?: string) {
    const { hours, deskLocale } = this.options;
    const minutes = (from?: string, to?: string) => durationText(from, to, deskLocale);
    return ticketCard({
      ticket, recent: recent.slice(-RECENT_KEEP).map((line) => ({ ...line, text: shortened(line.text) })), queuePosition,
      lastDeliveredAt: lastDeliveredAt && hours.formatTime(new Date(lastDeliveredAt)),
      askedAt: hours.formatTime(new Date(ticket.createdAt)),
      claimedAt: ticket.claimedAt && hours.formatTime(new Date(ticket.claimedAt)),
      closed: ticket.status === 'closed'
        ? { waited: minutes(ticket.createdAt, ticket.claimedAt ?? ticket.closedAt), handled: minutes(ticket.claimedAt ?? ticket.closedAt, ticket.closedAt) }
        : undefined,
    }, deskLocale);
  }

  /**
   * The message as a transcript line, masked again with the strictest rules (a lone number counts
   * as a PIN here). `warn`: a line relayed to the desk owes the user the warning if the guard did not give it.
   */
  private async incomingLine(context: TurnContext, from: 'user' | 'desk', { warn = false } = {}): Promise<TranscriptLine> {
    const activity = context.activity;
    const press = cardPress(context);
    const raw = press ? `[${[press.verb, press.data.choice].filter(Boolean).join(': ')}]` : stripMentions(activity.text ?? '');
    const scan = scanForSecrets(raw, true);
    if (scan.kinds.length && warn && secretsFoundThisTurn(context).length === 0 && !press) {
      // The guard did not see it (it was not talking about PINs); the warning is still owed.
      this.options.log.warn({ kinds: scan.kinds }, 'masked a secret in a message to the help desk');
      await context.sendActivity(MessageFactory.attachment(secretWarningCard(localeOf(context))));
    }
    return { at: this.options.now().toISOString(), from, name: activity.from.name ?? '', text: scan.masked };
  }

  private async latestRenewal(user: Person): Promise<string | undefined> {
    return this.options.requestSummary?.(user.aadObjectId ?? user.id).catch(() => undefined);
  }

  /** Sends a handoff event into the activity stream; a channel that refuses events must not break the turn. */
  private async emit(context: TurnContext, event: Partial<Activity>): Promise<void> {
    try {
      await context.sendActivity(event);
    } catch (error) {
      this.options.log.debug({ err: { message: (error as Error).message }, name: event.name }, 'the channel did not take a handoff event');
    }
  }

  private async bestEffort(ticketId: string, what: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.options.log.error({ ticketId, err: { name: (error as Error).name, message: (error as Error).message } }, `help desk: ${what} failed`);
    }
  }
}

function waitingRow(ticket: Ticket, minutes: number, locale: Locale): string {
  return minutes < 1 ? t(locale, 'handoff.openWaitingNew', { id: ticket.id, name: ticket.user.name }) : t(locale, 'handoff.openWaiting', { id: ticket.id, name: ticket.user.name, minutes });
}

function personOf(account: ChannelAccount): Person {
  return { id: account.id, aadObjectId: account.aadObjectId, name: account.name ?? '' };
}

function sameAccount(person: Person | undefined, account: ChannelAccount): boolean {
  if (!person) return false;
  return person.aadObjectId && account.aadObjectId ? person.aadObjectId.toLowerCase() === account.aadObjectId.toLowerCase() : person.id === account.id;
}

function stripMentions(text: string): string {
  return text.replace(/<at>.*?<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
}


/** The channel of a channel message ("19:...@thread.tacv2"), without the thread's ";messageid=". */
function channelIdOf(activity: Activity): string {
  const channelData = activity.channelData as { channel?: { id?: string } } | undefined;
  return channelData?.channel?.id ?? activity.conversation.id.split(';messageid=')[0];
}

function botTextOf(activity: Partial<Activity>): string | undefined {
  if (activity.type !== 'message') return undefined;
  const card = activity.attachments?.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive');
  const text = (card?.content as { fallbackText?: string } | undefined)?.fallbackText ?? activity.text;
  if (!text) return undefined;
  return shortened(text.split('\n').filter((line) => !line.startsWith('[')).slice(0, 2).join(' · '));
}

/** Lines kept for the ticket card and the memo: 200 characters at most, so no card outgrows Teams' 28 KB. */
function shortened(text: string): string {
  return text.length > LINE_KEEP ? `${text.slice(0, LINE_KEEP - 1)}…` : text;
}
const LINE_KEEP = 200;

function transcriptActivity(line: TranscriptLine, conversation: Activity['conversation']): Activity {
  return {
    type: 'message', text: line.text, timestamp: new Date(line.at), conversation,
    from: { id: line.from, name: line.name ?? line.from, role: line.from === 'bot' ? 'bot' : 'user' },
  } as Activity;
}

function durationText(from: string | undefined, to: string | undefined, locale: Locale): string {
  const ms = from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : 0;
  return t(locale, 'handoff.minutes', { count: ms < 60_000 ? '<1' : Math.round(ms / 60_000) });
}

function newTicketId(): string {
  return `T-${Array.from({ length: 6 }, () => TICKET_ID_ALPHABET[randomInt(TICKET_ID_ALPHABET.length)]).join('')}`;
}

