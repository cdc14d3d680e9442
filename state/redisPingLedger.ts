import type { Redis } from 'ioredis';
import type { Claim, PingLedger } from './pingLedger';

/** KEYS: sent hash, lease. ARGV: ping key, owner, lease ms. Returns {'done'}, {'busy', ms} or {'go'}. */
const CLAIM = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return {'done', 0} end
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= ARGV[2] then return {'busy', redis.call('PTTL', KEYS[2])} end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return {'go', 0}`;

/** KEYS: sent hash, lease. ARGV: ping key, owner, sent-at, keep-until (unix seconds). */
const CONFIRM = `
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3])
redis.call('EXPIREAT', KEYS[1], tonumber(ARGV[4]))
if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
return 1`;

/** KEYS: lease. ARGV: owner. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

type LedgerRedis = Redis & {
  eimzaPingClaim(sent: string, lease: string, pingKey: string, owner: string, leaseMs: number): Promise<[string, number]>;
  eimzaPingConfirm(sent: string, lease: string, pingKey: string, owner: string, at: string, keepUntil: number): Promise<number>;
  eimzaPingRelease(lease: string, owner: string): Promise<number>;
};

/**
 * The sent-ping ledger in Redis, every step one Lua script. Keys:
 * `<prefix>reminders:sent:<userId>|<expiry>` (hash ping key → sent at),
 * `<prefix>reminders:lease:<userId>|<expiry>|<pingKey>`, `<prefix>reminders:pace:<conversationId>`.
 */
export class RedisPingLedger implements PingLedger {
  private readonly redis: LedgerRedis;

  constructor(redis: Redis, private readonly prefix: string) {
    if (!('eimzaPingClaim' in redis)) {
      redis.defineCommand('eimzaPingClaim', { numberOfKeys: 2, lua: CLAIM });
      redis.defineCommand('eimzaPingConfirm', { numberOfKeys: 2, lua: CONFIRM });
      redis.defineCommand('eimzaPingRelease', { numberOfKeys: 1, lua: RELEASE });
    }
    this.redis = redis as LedgerRedis;
  }

  async claim(userId: string, expiry: string, pingKey: string, owner: string, leaseMs: number): Promise<Claim> {
    const [status, ms] = await this.redis.eimzaPingClaim(this.sentKey(userId, expiry), this.leaseKey(userId, expiry, pingKey), pingKey, owner, leaseMs);
    if (status === 'done') return { status: 'done' };
    if (status === 'busy') return { status: 'busy', retryInMs: Math.max(1, Number(ms)) };
    return { status: 'go' };
  }

  async confirm(userId: string, expiry: string, pingKey: string, owner: string, at: Date, keepUntil: Date): Promise<void> {
    await this.redis.eimzaPingConfirm(this.sentKey(userId, expiry), this.leaseKey(userId, expiry, pingKey), pingKey, owner, at.toISOString(), Math.ceil(keepUntil.getTime() / 1000));
  }

  async release(userId: string, expiry: string, pingKey: string, owner: string): Promise<void> {
    await this.redis.eimzaPingRelease(this.leaseKey(userId, expiry, pingKey), owner);
  }

  async sent(userId: string, expiry: string): Promise<string[]> {
    return this.redis.hkeys(this.sentKey(userId, expiry));
  }

  async sentMany(certificates: { userId: string; expiry: string }[]): Promise<string[][]> {
    const found: string[][] = [];
    for (let start = 0; start < certificates.length; start += 1000) {
      const pipeline = this.redis.pipeline();
      for (const { userId, expiry } of certificates.slice(start, start + 1000)) pipeline.hkeys(this.sentKey(userId, expiry));
      const results = (await pipeline.exec()) ?? [];
      for (const [error, keys] of results) {
        if (error) throw error;
        found.push(keys as string[]);
      }
    }
    return found;
  }

  async takeConversationSlot(conversationId: string, intervalMs: number): Promise<number> {
    if (intervalMs <= 0) return 0;
    const key = `${this.prefix}reminders:pace:${conversationId}`;
    const taken = await this.redis.set(key, '1', 'PX', intervalMs, 'NX');
    if (taken === 'OK') return 0;
    return Math.max(1, await this.redis.pttl(key));
  }

  private sentKey(userId: string, expiry: string): string {
    return `${this.prefix}reminders:sent:${userId}|${expiry}`;
  }

  private leaseKey(userId: string, expiry: string, pingKey: string): string {
    return `${this.prefix}reminders:lease:${userId}|${expiry}|${pingKey}`;
  }
}
