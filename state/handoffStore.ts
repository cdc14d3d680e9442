import type { ConversationReference } from 'botbuilder';

/**
 * The help desk's tickets: what a handoff from the bot to a person is, and what the engine
 * (bot/handoff) needs from storage. Two implementations: RedisHandoffStore (several bot instances,
 * survives restarts; every state change that two people can race on is one Lua script) and
 * MemoryHandoffStore (one instance, no Redis). Nothing here ever holds a PIN, PUK or T.C. Kimlik
 * No: the engine masks every line before it reaches the store.
 */

export type TicketStatus = 'waiting' | 'claimed' | 'closed';
/** How a ticket ended: the conversation finished, the user withdrew before anyone took it, or it went idle. */
export type TicketOutcome = 'resolved' | 'withdrawn' | 'idle';
export type ClosedBy = 'user' | 'desk' | 'timeout';

export interface Person {
  /** Teams channel account id (29:...). */
  id: string;
  /** Azure AD object id, when Teams sends it (always for signed-in staff). */
  aadObjectId?: string;
  name: string;
}

export interface TranscriptLine {
  /** ISO time. */
  at: string;
  from: 'user' | 'bot' | 'desk';
  name?: string;
  /** Already masked. */
  text: string;
}

export interface Ticket {
  /** Short and readable, e.g. "T-7K3F9Q". */
  id: string;
  status: TicketStatus;
  user: Person;
  userConversationId: string;
  /** Where to reach the user (their personal chat with the bot). */
  userRef: Partial<ConversationReference>;
  /** The user's language, for everything the bot tells them about this ticket. */
  locale: 'tr' | 'en';
  /** The guided path and step the user was on (already in words), if any. */
  path?: string;
  step?: string;
  /** What the user's paired agent last reported about the card, in words (hook; unset without an agent). */
  cardState?: string;
  /** The user's latest renewal request, in words. */
  renewal?: string;
  createdAt: string;
  /** Asked outside working hours. */
  outsideHours: boolean;
  /** The ticket's thread in the help desk channel: its conversation id, reference and root card. */
  threadId?: string;
  threadRef?: Partial<ConversationReference>;
  cardActivityId?: string;
  claimedBy?: Person;
  claimedAt?: string;
  lastActivityAt: string;
  closedAt?: string;
  closedBy?: ClosedBy;
  outcome?: TicketOutcome;
  /** Satisfaction, 1-5. */
  rating?: number;
  /** How many times the ticket was announced again while waiting. */
  reannounced?: number;
}

export type DeadlineKind = 'reannounce' | 'idle';

export interface Deadline {
  kind: DeadlineKind;
  ticketId: string;
}

export type ClaimResult = { won: true; ticket: Ticket } | { won: false; ticket?: Ticket };

/**
 * What the handoff keeps in the conversation's own (botbuilder) state, read and saved with it, so an
 * ordinary turn costs no Redis round trip of its own: whether a ticket may be open, and the last
 * (masked) lines for a future ticket card.
 */
export interface HandoffMemo {
  ticketId?: string;
  recent: TranscriptLine[];
}

export interface HandoffStore {
  /**
   * Saves a new waiting ticket with its first transcript lines, maps the user's conversation to
   * it, puts it in the queue and sets its re-announce deadline. Returns false (and saves nothing)
   * when that conversation already has an open ticket.
   */
  create(ticket: Ticket, lines: TranscriptLine[], reannounceAt: number): Promise<boolean>;
  get(id: string): Promise<Ticket | undefined>;
  /** Records where the ticket's card was posted; from then on, replies in that thread belong to it. */
  attachThread(id: string, threadId: string, threadRef: Partial<ConversationReference>, cardActivityId: string): Promise<void>;
  /** The open (waiting or claimed) ticket of a user's conversation. */
  openTicketFor(conversationId: string): Promise<Ticket | undefined>;
  /** The open ticket whose thread this is. */
  ticketForThread(threadId: string): Promise<Ticket | undefined>;
  /** 1 for the oldest waiting ticket; undefined once it is not waiting. */
  queuePosition(id: string): Promise<number | undefined>;
  /** Atomically: only a waiting ticket can be claimed, and only once. Sets the idle deadline. */
  claim(id: string, by: Person, at: Date, idleDueAt: number): Promise<ClaimResult>;
  /**
   * Atomically closes an open ticket (drops its mappings, queue entry and deadlines, starts the
   * retention period). Returns the closed ticket when this call closed it; undefined when it was
   * already closed (so "close" is safe to call twice, from both sides at once).
   */
  close(id: string, closedBy: ClosedBy, outcome: TicketOutcome, at: Date, retentionSeconds: number): Promise<Ticket | undefined>;
  addLine(id: string, line: TranscriptLine, at: Date): Promise<void>;
  lines(id: string): Promise<TranscriptLine[]>;
  /** Records the rating once; false when the ticket is unknown, still open or already rated. */
  rate(id: string, score: number): Promise<boolean>;
  bumpReannounced(id: string): Promise<void>;
  /** Open tickets, oldest first. */
  openTickets(): Promise<Ticket[]>;
  schedule(deadline: Deadline, dueAt: number): Promise<void>;
  unschedule(deadline: Deadline): Promise<void>;
  /**
   * Takes the deadlines due at `now` for this instance alone: each is leased (pushed to
   * `now + leaseMs`) atomically, so another instance's sweep skips it; if this instance dies before
   * dealing with it, the lease runs out and another one does.
   */
  takeDue(now: number, leaseMs: number, limit: number): Promise<Deadline[]>;
  /** Forgets closed tickets older than the retention period from the index of closed tickets. */
  prune(closedBefore: number): Promise<void>;
  /** The help desk channel (where ticket cards go). */
  setDesk(ref: Partial<ConversationReference>): Promise<void>;
  desk(): Promise<Partial<ConversationReference> | undefined>;
}
