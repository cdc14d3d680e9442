import type { ConversationReference } from 'botbuilder';
import type {
  ClaimResult, ClosedBy, Deadline, HandoffStore, Person, Ticket, TicketOutcome, TranscriptLine,
} from './handoffStore';

/**
 * The help desk's tickets in this process's memory, for a single bot instance without Redis. Same
 * semantics as RedisHandoffStore (each method runs without an await in between, so it is atomic
 * within the process); everything is lost on restart.
 */
export class MemoryHandoffStore implements HandoffStore {
  private readonly tickets = new Map<string, Ticket>();
  private readonly transcript = new Map<string, TranscriptLine[]>();
  private readonly byConversation = new Map<string, string>();
  private readonly byThread = new Map<string, string>();
  private readonly deadlines = new Map<string, { deadline: Deadline; dueAt: number }>();
  private readonly closedAt = new Map<string, number>();
  private deskRef?: Partial<ConversationReference>;

  async create(ticket: Ticket, lines: TranscriptLine[], reannounceAt: number): Promise<boolean> {
    if (this.openById(this.byConversation.get(ticket.userConversationId))) return false;
    this.tickets.set(ticket.id, clone(ticket));
    this.transcript.set(ticket.id, lines.map(clone));
    this.byConversation.set(ticket.userConversationId, ticket.id);
    this.deadlines.set(memberOf({ kind: 'reannounce', ticketId: ticket.id }), { deadline: { kind: 'reannounce', ticketId: ticket.id }, dueAt: reannounceAt });
    return true;
  }

  async get(id: string): Promise<Ticket | undefined> {
    const ticket = this.tickets.get(id);
    return ticket && clone(ticket);
  }

  async attachThread(id: string, threadId: string, threadRef: Partial<ConversationReference>, cardActivityId: string): Promise<void> {
    const ticket = this.tickets.get(id);
    if (!ticket) return;
    Object.assign(ticket, { threadId, threadRef: clone(threadRef), cardActivityId });
    this.byThread.set(threadId, id);
  }

  async openTicketFor(conversationId: string): Promise<Ticket | undefined> {
    const ticket = this.openById(this.byConversation.get(conversationId));
    return ticket && clone(ticket);
  }

  async ticketForThread(threadId: string): Promise<Ticket | undefined> {
    const ticket = this.openById(this.byThread.get(threadId));
    return ticket && clone(ticket);
  }

  async queuePosition(id: string): Promise<number | undefined> {
    const waiting = this.sortedOpen().filter((ticket) => ticket.status === 'waiting');
    const index = waiting.findIndex((ticket) => ticket.id === id);
    return index < 0 ? undefined : index + 1;
  }

  async claim(id: string, by: Person, at: Date, idleDueAt: number): Promise<ClaimResult> {
    const ticket = this.tickets.get(id);
    if (!ticket || ticket.status !== 'waiting') return { won: false, ticket: ticket && clone(ticket) };
    Object.assign(ticket, { status: 'claimed', claimedBy: clone(by), claimedAt: at.toISOString(), lastActivityAt: at.toISOString() });
    this.deadlines.delete(memberOf({ kind: 'reannounce', ticketId: id }));
    this.deadlines.set(memberOf({ kind: 'idle', ticketId: id }), { deadline: { kind: 'idle', ticketId: id }, dueAt: idleDueAt });
    return { won: true, ticket: clone(ticket) };
  }

  async close(id: string, closedBy: ClosedBy, outcome: TicketOutcome, at: Date, _retentionSeconds: number): Promise<Ticket | undefined> {
    const ticket = this.openById(id);
    if (!ticket) return undefined;
    Object.assign(ticket, { status: 'closed', closedAt: at.toISOString(), closedBy, outcome });
    this.deadlines.delete(memberOf({ kind: 'reannounce', ticketId: id }));
    this.deadlines.delete(memberOf({ kind: 'idle', ticketId: id }));
    if (this.byConversation.get(ticket.userConversationId) === id) this.byConversation.delete(ticket.userConversationId);
    if (ticket.threadId && this.byThread.get(ticket.threadId) === id) this.byThread.delete(ticket.threadId);
    // Forgotten by prune() once the retention period (counted by the caller) is over.
    this.closedAt.set(id, at.getTime());
    return clone(ticket);
  }

  async addLine(id: string, line: TranscriptLine, at: Date): Promise<void> {
    const ticket = this.tickets.get(id);
    if (!ticket) return;
    this.transcript.get(id)?.push(clone(line));
    ticket.lastActivityAt = at.toISOString();
  }

  async lines(id: string): Promise<TranscriptLine[]> {
    return (this.transcript.get(id) ?? []).map(clone);
  }

  async rate(id: string, score: number): Promise<boolean> {
    const ticket = this.tickets.get(id);
    if (!ticket || ticket.status !== 'closed' || ticket.rating !== undefined) return false;
    ticket.rating = score;
    return true;
  }

  async bumpReannounced(id: string): Promise<void> {
    const ticket = this.tickets.get(id);
    if (ticket) ticket.reannounced = (ticket.reannounced ?? 0) + 1;
  }

  async openTickets(): Promise<Ticket[]> {
    return this.sortedOpen().map(clone);
  }

  async schedule(deadline: Deadline, dueAt: number): Promise<void> {
    this.deadlines.set(memberOf(deadline), { deadline: { ...deadline }, dueAt });
  }

  async unschedule(deadline: Deadline): Promise<void> {
    this.deadlines.delete(memberOf(deadline));
  }

  async takeDue(now: number, leaseMs: number, limit: number): Promise<Deadline[]> {
    const due = [...this.deadlines.values()].filter((entry) => entry.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
    for (const entry of due) entry.dueAt = now + leaseMs;
    return due.map((entry) => ({ ...entry.deadline }));
  }

  async prune(closedBefore: number): Promise<void> {
    for (const [id, closedAt] of this.closedAt) if (closedAt < closedBefore) this.forget(id);
  }

  async setDesk(ref: Partial<ConversationReference>): Promise<void> {
    this.deskRef = clone(ref);
  }

  async desk(): Promise<Partial<ConversationReference> | undefined> {
    return this.deskRef && clone(this.deskRef);
  }

  private openById(id: string | undefined): Ticket | undefined {
    const ticket = id ? this.tickets.get(id) : undefined;
    return ticket && ticket.status !== 'closed' ? ticket : undefined;
  }

  private sortedOpen(): Ticket[] {
    return [...this.tickets.values()].filter((ticket) => ticket.status !== 'closed').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private forget(id: string): void {
    this.tickets.delete(id);
    this.transcript.delete(id);
    this.closedAt.delete(id);
  }
}

function memberOf(deadline: Deadline): string {
  return `${deadline.kind}:${deadline.ticketId}`;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
