import type { Redis } from 'ioredis';
import type { RosterBackend } from './rosterBackend';
import { dayNumber, type RosterRecord } from './rosterRecord';

/**
 * Compare-and-set of one record plus its two date indexes, atomically. KEYS: record, byExpiry,
 * bySnooze. ARGV: expected ('' = absent), next, userId, expiry score, snooze score ('' = none).
 */
const CAS = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if current then return 0 end
elseif current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
if ARGV[5] == '' then redis.call('ZREM', KEYS[3], ARGV[3]) else redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3]) end
return 1`;

type RedisWithCas = Redis & {
  eimzaRosterCas(record: string, byExpiry: string, bySnooze: string, expected: string, next: string, userId: string, expiryScore: number, snoozeScore: string): Promise<number>;
};

/**
 * The roster in Redis: one JSON string per user, a sorted set of users by expiry day and one by
 * snooze end, so the daily scan reads a few date ranges instead of the whole roster.
 *
 * Keys: `<prefix>roster:u:<userId>`, `<prefix>roster:byExpiry`, `<prefix>roster:bySnooze`.
 */
export class RedisRosterBackend implements RosterBackend {
  private readonly redis: RedisWithCas;

  constructor(redis: Redis, private readonly prefix: string) {
    if (!('eimzaRosterCas' in redis)) redis.defineCommand('eimzaRosterCas', { numberOfKeys: 3, lua: CAS });
    this.redis = redis as RedisWithCas;
  }

  private recordKey(userId: string): string {
    return `${this.prefix}roster:u:${userId}`;
  }

  private get byExpiry(): string {
    return `${this.prefix}roster:byExpiry`;
  }

  private get bySnooze(): string {
    return `${this.prefix}roster:bySnooze`;
  }

  async read(userId: string): Promise<{ record: RosterRecord; raw: string } | undefined> {
    const raw = await this.redis.get(this.recordKey(userId));
    return raw === null ? undefined : { record: JSON.parse(raw) as RosterRecord, raw };
  }

  async readMany(userIds: string[]): Promise<(RosterRecord | undefined)[]> {
    const found: (RosterRecord | undefined)[] = [];
    for (let start = 0; start < userIds.length; start += 1000) {
      const values = await this.redis.mget(...userIds.slice(start, start + 1000).map((userId) => this.recordKey(userId)));
      for (const value of values) found.push(value === null ? undefined : (JSON.parse(value) as RosterRecord));
    }
    return found;
  }

  async compareAndSet(expectedRaw: string | undefined, next: RosterRecord): Promise<boolean> {
    const written = await this.redis.eimzaRosterCas(
      this.recordKey(next.userId), this.byExpiry, this.bySnooze,
      expectedRaw ?? '', JSON.stringify(next), next.userId, dayNumber(next.expiry), next.snoozeUntil ? String(dayNumber(next.snoozeUntil)) : '',
    );
    return written === 1;
  }

  async expiringBetween(fromDay: string, toDay: string): Promise<string[]> {
    return this.redis.zrangebyscore(this.byExpiry, dayNumber(fromDay), dayNumber(toDay));
  }

  async snoozeEndingBetween(fromDay: string, toDay: string): Promise<string[]> {
    return this.redis.zrangebyscore(this.bySnooze, dayNumber(fromDay), dayNumber(toDay));
  }

  async allUserIds(): Promise<string[]> {
    const found: string[] = [];
    const stream = this.redis.scanStream({ match: this.recordKey('*'), count: 1000 });
    const cut = this.recordKey('').length;
    for await (const keys of stream as AsyncIterable<string[]>) for (const key of keys) found.push(key.slice(cut));
    return found;
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.byExpiry);
  }
}
