import type { Redis } from 'ioredis';
import { StorageUnavailableError } from './errors';
import {
  NUMBER_PLACEHOLDER, dayNumber, type OpenFilter, type OpenPage, type RenewalRequest, type RequestStore,
} from './requestStore';

/**
 * Keys, under `<prefix>` (e.g. `eimza:requests:`):
 * - `r:<number>` the request (JSON); `seq:<year>` the number counter;
 * - `open` zset (open number -> created ms), `status:<id>` zset (open requests in that status),
 *   `user:<userId>` zset (every request of the person), `openByUser` hash (userId -> open number);
 * - `expiry` zset (open number -> day of the old certificate's expiry), `due` zset (open number -> reminder ms);
 * - `token:<token>` a form download token (number|valid-until ms), with a TTL.
 * One script writes a request and all its indexes, so no reader ever sees half a change.
 */
const PUT = `
local p = ARGV[2]
local json = ARGV[3]
local user = ARGV[4]
local number
local oldStatus
if ARGV[1] == 'create' then
  local existing = redis.call('HGET', p .. 'openByUser', user)
  if existing then return {0, existing} end
  local counter = redis.call('INCR', p .. 'seq:' .. ARGV[12])
  number = ARGV[11] .. '-' .. ARGV[12] .. '-' .. string.format('%04d', counter)
  json = string.gsub(json, '${NUMBER_PLACEHOLDER}', number)
  redis.call('ZADD', p .. 'user:' .. user, ARGV[5], number)
else
  number = ARGV[13]
  local current = redis.call('GET', p .. 'r:' .. number)
  if not current then return {0, ''} end
  local stored = cjson.decode(current)
  if tostring(stored.version) ~= ARGV[10] then return {0, ''} end
  oldStatus = stored.status
end
redis.call('SET', p .. 'r:' .. number, json)
if oldStatus then redis.call('ZREM', p .. 'status:' .. oldStatus, number) end
if ARGV[9] == '1' then
  redis.call('ZADD', p .. 'open', ARGV[5], number)
  redis.call('ZADD', p .. 'status:' .. ARGV[8], ARGV[5], number)
  redis.call('HSET', p .. 'openByUser', user, number)
  if ARGV[6] ~= '' then redis.call('ZADD', p .. 'expiry', ARGV[6], number) else redis.call('ZREM', p .. 'expiry', number) end
  if ARGV[7] ~= '' then redis.call('ZADD', p .. 'due', ARGV[7], number) else redis.call('ZREM', p .. 'due', number) end
else
  redis.call('ZREM', p .. 'open', number)
  redis.call('ZREM', p .. 'expiry', number)
  redis.call('ZREM', p .. 'due', number)
  if redis.call('HGET', p .. 'openByUser', user) == number then redis.call('HDEL', p .. 'openByUser', user) end
end
return {1, number}`;

const TAKE_DUE = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], member) end
return due`;

type Scripts = {
  eimzaRequestPut(...args: (string | number)[]): Promise<[number, string]>;
  eimzaRequestTakeDue(...args: (string | number)[]): Promise<string[]>;
};

const READ_CHUNK = 500;

/** Renewal requests in Redis, shared by every bot instance (see RequestStore). */
export class RedisRequestStore implements RequestStore {
  private readonly redis: Redis & Scripts;

  /** `redis` is the app's client (it already has its error listener); `prefix` e.g. `eimza:requests:`. */
  constructor(redis: Redis, private readonly prefix: string) {
    if (!('eimzaRequestPut' in redis)) redis.defineCommand('eimzaRequestPut', { numberOfKeys: 0, lua: PUT });
    if (!('eimzaRequestTakeDue' in redis)) redis.defineCommand('eimzaRequestTakeDue', { numberOfKeys: 1, lua: TAKE_DUE });
    this.redis = redis as Redis & Scripts;
  }

  async create(draft: RenewalRequest, numberPrefix: string, year: number): Promise<{ request: RenewalRequest; created: boolean }> {
    const [created, number] = await this.put('create', draft, true, numberPrefix, year);
    const request = await this.get(number);
    if (!request) throw new StorageUnavailableError(`Redis (renewal requests): request ${number} vanished`);
    return { request, created: created === 1 };
  }

  async get(number: string): Promise<RenewalRequest | undefined> {
    const json = await this.call(() => this.redis.get(this.key(`r:${number}`)));
    return json ? (JSON.parse(json) as RenewalRequest) : undefined;
  }

  async replace(next: RenewalRequest, isOpen: boolean): Promise<boolean> {
    const [written] = await this.put('replace', next, isOpen, '', 0);
    return written === 1;
  }

  async openFor(userId: string): Promise<RenewalRequest | undefined> {
    const number = await this.call(() => this.redis.hget(this.key('openByUser'), userId));
    return number ? this.get(number) : undefined;
  }

  async forUser(userId: string, limit: number): Promise<RenewalRequest[]> {
    const numbers = await this.call(() => this.redis.zrevrange(this.key(`user:${userId}`), 0, limit - 1));
    return this.readAll(numbers);
  }

  async listOpen(filter: OpenFilter, limit?: number): Promise<OpenPage> {
    const base = filter.status ? `status:${filter.status}` : 'open';
    const [ordered, due, expiring] = await Promise.all([
      this.call(() => this.redis.zrevrange(this.key(base), 0, -1)),
      filter.dueBefore ? this.call(() => this.redis.zrangebyscore(this.key('due'), '-inf', filter.dueBefore!.getTime())) : undefined,
      filter.expiryFrom || filter.expiryTo
        ? this.call(() => this.redis.zrangebyscore(
          this.key('expiry'), filter.expiryFrom ? dayNumber(filter.expiryFrom) : '-inf', filter.expiryTo ? dayNumber(filter.expiryTo) : '+inf',
        ))
        : undefined,
    ]);
    const dueSet = due && new Set(due);
    const expirySet = expiring && new Set(expiring);
    const matching = ordered.filter((number) => (!dueSet || dueSet.has(number)) && (!expirySet || expirySet.has(number)));
    const wanted = limit === undefined ? matching : matching.slice(0, limit);
    return { total: matching.length, requests: await this.readAll(wanted) };
  }

  async takeDue(now: Date, leaseMs: number, batch: number): Promise<string[]> {
    return this.call(() => this.redis.eimzaRequestTakeDue(this.key('due'), now.getTime(), now.getTime() + leaseMs, batch));
  }

  async saveToken(token: string, number: string, expiresAt: Date, ttlSeconds: number): Promise<void> {
    await this.call(() => this.redis.set(this.key(`token:${token}`), `${number}|${expiresAt.getTime()}`, 'EX', Math.max(1, ttlSeconds)));
  }

  async numberForToken(token: string, now: Date): Promise<string | undefined> {
    const value = await this.call(() => this.redis.get(this.key(`token:${token}`)));
    if (!value) return undefined;
    const [number, until] = value.split('|');
    return Number(until) > now.getTime() ? number : undefined;
  }

  private async put(mode: 'create' | 'replace', request: RenewalRequest, isOpen: boolean, numberPrefix: string, year: number): Promise<[number, string]> {
    return this.call(() => this.redis.eimzaRequestPut(
      mode, this.prefix, JSON.stringify(request), request.requester.userId, Date.parse(request.createdAt),
      request.expiry ? dayNumber(request.expiry) : '', request.dueAt ? Date.parse(request.dueAt) : '', request.status, isOpen ? '1' : '0',
      request.version - 1, numberPrefix, year, request.number,
    ));
  }

  private async readAll(numbers: string[]): Promise<RenewalRequest[]> {
    const out: RenewalRequest[] = [];
    for (let start = 0; start < numbers.length; start += READ_CHUNK) {
      const keys = numbers.slice(start, start + READ_CHUNK).map((number) => this.key(`r:${number}`));
      const values = await this.call(() => this.redis.mget(...keys));
      for (const json of values) if (json) out.push(JSON.parse(json) as RenewalRequest);
    }
    return out;
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new StorageUnavailableError(`Redis (renewal requests) failed: ${(error as Error).message}`, { cause: error });
    }
  }
}
