import type { Redis } from 'ioredis';
import type { ConversationReference } from 'botbuilder';
import { StorageUnavailableError } from './errors';
import type {
  ClaimResult, ClosedBy, Deadline, HandoffStore, Person, Ticket, TicketOutcome, TranscriptLine,
} from './handoffStore';

/**
 * Keys, under `<prefix>` (e.g. `eimza:handoff:`):
 * - `ticket:<id>` hash, one field per Ticket property, each JSON-encoded;
 * - `ticket:<id>:lines` list of transcript lines (JSON);
 * - `waiting` zset (id -> created ms, the queue), `open` zset (waiting and claimed), `closed` zset (id -> closed ms);
 * - `byConversation` / `byThread` hashes (user conversation / thread conversation -> open ticket id);
 * - `deadlines` zset ("reannounce:<id>", "idle:<id>" -> due ms);
 * - `desk` (the help desk channel's conversation reference).
 * The user's lines before a ticket opens are kept in their conversation state, not here.
 */

const CREATE = `
local existing = redis.call('HGET', KEYS[1], ARGV[1])
if existing then
  local status = redis.call('HGET', KEYS[7] .. existing, 'status')
  if status == '"waiting"' or status == '"claimed"' then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local fieldCount = tonumber(ARGV[5])
for i = 0, fieldCount - 1 do
  redis.call('HSET', KEYS[2], ARGV[6 + i * 2], ARGV[7 + i * 2])
end
for i = 6 + fieldCount * 2, #ARGV do redis.call('RPUSH', KEYS[3], ARGV[i]) end
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[6], ARGV[4], 'reannounce:' .. ARGV[2])
return 1`;

const CLAIM = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= '"waiting"' then return 0 end
redis.call('HSET', KEYS[1], 'status', '"claimed"', 'claimedBy', ARGV[2], 'claimedAt', ARGV[3], 'lastActivityAt', ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], 'reannounce:' .. ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], 'idle:' .. ARGV[1])
return 1`;

const CLOSE = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= '"waiting"' and status ~= '"claimed"' then return 0 end
redis.call('HSET', KEYS[1], 'status', '"closed"', 'closedAt', ARGV[2], 'closedBy', ARGV[3], 'outcome', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], 'reannounce:' .. ARGV[1], 'idle:' .. ARGV[1])
local conversation = cjson.decode(redis.call('HGET', KEYS[1], 'userConversationId'))
if redis.call('HGET', KEYS[5], conversation) == ARGV[1] then redis.call('HDEL', KEYS[5], conversation) end
local thread = redis.call('HGET', KEYS[1], 'threadId')
if thread then
  thread = cjson.decode(thread)
  if redis.call('HGET', KEYS[6], thread) == ARGV[1] then redis.call('HDEL', KEYS[6], thread) end
end
redis.call('ZADD', KEYS[7], ARGV[6], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[8], ARGV[5])
return 1`;

const RATE = `
if redis.call('HGET', KEYS[1], 'status') ~= '"closed"' then return 0 end
return redis.call('HSETNX', KEYS[1], 'rating', ARGV[1])`;

/** Like MemoryHandoffStore: a line for a ticket that does not exist (never created, or expired) is dropped, not kept forever. */
const ADD_LINE = `
if redis.call('HEXISTS', KEYS[1], 'id') == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[2])
return 1`;

const TAKE_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due`;

type Scripts = {
  eimzaHandoffCreate(...args: (string | number)[]): Promise<number>;
  eimzaHandoffClaim(...args: (string | number)[]): Promise<number>;
  eimzaHandoffClose(...args: (string | number)[]): Promise<number>;
  eimzaHandoffRate(...args: (string | number)[]): Promise<number>;
  eimzaHandoffAddLine(...args: (string | number)[]): Promise<number>;
  eimzaHandoffTakeDue(...args: (string | number)[]): Promise<string[]>;
};

const SCRIPTS: [keyof Scripts, number, string][] = [
  ['eimzaHandoffCreate', 7, CREATE],
  ['eimzaHandoffClaim', 3, CLAIM],
  ['eimzaHandoffClose', 8, CLOSE],
  ['eimzaHandoffRate', 1, RATE],
  ['eimzaHandoffAddLine', 2, ADD_LINE],
  ['eimzaHandoffTakeDue', 1, TAKE_DUE],
];

/** The help desk's tickets in Redis, shared by every bot instance (see HandoffStore). */
export class RedisHandoffStore implements HandoffStore {
  private readonly redis: Redis & Scripts;

  /** `redis` is the app's client (it already has its error listener); `prefix` e.g. `eimza:handoff:`. */
  constructor(redis: Redis, private readonly prefix: string) {
    for (const [name, numberOfKeys, lua] of SCRIPTS) {
      if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
    }
    this.redis = redis as Redis & Scripts;
  }

  async create(ticket: Ticket, lines: TranscriptLine[], reannounceAt: number): Promise<boolean> {
    const fields = encodeFields(ticket);
    const created = await this.call(() => this.redis.eimzaHandoffCreate(
      this.key('byConversation'), this.ticketKey(ticket.id), this.linesKey(ticket.id), this.key('waiting'), this.key('open'),
      this.key('deadlines'), this.key('ticket:'),
      ticket.userConversationId, ticket.id, Date.parse(ticket.createdAt), reannounceAt, fields.length / 2, ...fields,
      ...lines.map((line) => JSON.stringify(line)),
    ));
    return created === 1;
  }

  async get(id: string): Promise<Ticket | undefined> {
    const hash = await this.call(() => this.redis.hgetall(this.ticketKey(id)));
    return decodeFields(hash);
  }

  async attachThread(id: string, threadId: string, threadRef: Partial<ConversationReference>, cardActivityId: string): Promise<void> {
    await this.call(() => this.redis.multi()
      .hset(this.ticketKey(id), ...encodeFields({ threadId, threadRef, cardActivityId }))
      .hset(this.key('byThread'), threadId, id)
      .exec());
  }

  async openTicketFor(conversationId: string): Promise<Ticket | undefined> {
    return this.openByMapping('byConversation', conversationId);
  }

  async ticketForThread(threadId: string): Promise<Ticket | undefined> {
    return this.openByMapping('byThread', threadId);
  }

  async queuePosition(id: string): Promise<number | undefined> {
    const rank = await this.call(() => this.redis.zrank(this.key('waiting'), id));
    return rank === null ? undefined : rank + 1;
  }

  async claim(id: string, by: Person, at: Date, idleDueAt: number): Promise<ClaimResult> {
    const won = await this.call(() => this.redis.eimzaHandoffClaim(
      this.ticketKey(id), this.key('waiting'), this.key('deadlines'),
      id, JSON.stringify(by), JSON.stringify(at.toISOString()), idleDueAt,
    ));
    const ticket = await this.get(id);
    return won === 1 && ticket ? { won: true, ticket } : { won: false, ticket };
  }

  async close(id: string, closedBy: ClosedBy, outcome: TicketOutcome, at: Date, retentionSeconds: number): Promise<Ticket | undefined> {
    const closed = await this.call(() => this.redis.eimzaHandoffClose(
      this.ticketKey(id), this.key('waiting'), this.key('open'), this.key('deadlines'), this.key('byConversation'),
      this.key('byThread'), this.key('closed'), this.linesKey(id),
      id, JSON.stringify(at.toISOString()), JSON.stringify(closedBy), JSON.stringify(outcome), retentionSeconds, at.getTime(),
    ));
    return closed === 1 ? this.get(id) : undefined;
  }

  async addLine(id: string, line: TranscriptLine, at: Date): Promise<void> {
    await this.call(() => this.redis.eimzaHandoffAddLine(this.ticketKey(id), this.linesKey(id), JSON.stringify(line), JSON.stringify(at.toISOString())));
  }

  async lines(id: string): Promise<TranscriptLine[]> {
    const raw = await this.call(() => this.redis.lrange(this.linesKey(id), 0, -1));
    return raw.map((line) => JSON.parse(line) as TranscriptLine);
  }

  async rate(id: string, score: number): Promise<boolean> {
    return (await this.call(() => this.redis.eimzaHandoffRate(this.ticketKey(id), JSON.stringify(score)))) === 1;
  }

  async bumpReannounced(id: string): Promise<void> {
    const ticket = await this.get(id);
    if (ticket) await this.call(() => this.redis.hset(this.ticketKey(id), 'reannounced', JSON.stringify((ticket.reannounced ?? 0) + 1)));
  }

  async openTickets(): Promise<Ticket[]> {
    const ids = await this.call(() => this.redis.zrange(this.key('open'), '0', '-1'));
    const tickets = await Promise.all(ids.map((id) => this.get(id)));
    return tickets.filter((ticket): ticket is Ticket => Boolean(ticket && ticket.status !== 'closed'));
  }

  async schedule(deadline: Deadline, dueAt: number): Promise<void> {
    await this.call(() => this.redis.zadd(this.key('deadlines'), dueAt, member(deadline)));
  }

  async unschedule(deadline: Deadline): Promise<void> {
    await this.call(() => this.redis.zrem(this.key('deadlines'), member(deadline)));
  }

  async takeDue(now: number, leaseMs: number, limit: number): Promise<Deadline[]> {
    const taken = await this.call(() => this.redis.eimzaHandoffTakeDue(this.key('deadlines'), now, now + leaseMs, limit));
    return taken.map(parseMember).filter((deadline): deadline is Deadline => Boolean(deadline));
  }

  async prune(closedBefore: number): Promise<void> {
    await this.call(() => this.redis.zremrangebyscore(this.key('closed'), '-inf', closedBefore));
  }

  async setDesk(ref: Partial<ConversationReference>): Promise<void> {
    await this.call(() => this.redis.set(this.key('desk'), JSON.stringify(ref)));
  }

  async desk(): Promise<Partial<ConversationReference> | undefined> {
    const raw = await this.call(() => this.redis.get(this.key('desk')));
    return raw ? (JSON.parse(raw) as Partial<ConversationReference>) : undefined;
  }

  private async openByMapping(mapping: 'byConversation' | 'byThread', field: string): Promise<Ticket | undefined> {
    const id = await this.call(() => this.redis.hget(this.key(mapping), field));
    if (!id) return undefined;
    const ticket = await this.get(id);
    return ticket && ticket.status !== 'closed' ? ticket : undefined;
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private ticketKey(id: string): string {
    return this.key(`ticket:${id}`);
  }

  private linesKey(id: string): string {
    return this.key(`ticket:${id}:lines`);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageUnavailableError(`Redis (help desk tickets) failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

function encodeFields(fields: object): string[] {
  return Object.entries(fields).filter(([, value]) => value !== undefined).flatMap(([name, value]) => [name, JSON.stringify(value)]);
}

function decodeFields(hash: Record<string, string>): Ticket | undefined {
  if (!hash || !hash.id) return undefined;
  return Object.fromEntries(Object.entries(hash).map(([name, value]) => [name, JSON.parse(value)])) as Ticket;
}

function member(deadline: Deadline): string {
  return `${deadline.kind}:${deadline.ticketId}`;
}

function parseMember(raw: string): Deadline | undefined {
  const separator = raw.indexOf(':');
  const kind = raw.slice(0, separator);
  if (kind !== 'reannounce' && kind !== 'idle') return undefined;
  return { kind, ticketId: raw.slice(separator + 1) };
}
