import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Storage, StoreItems, StoreItem } from 'botbuilder';
import { ETagConflictError, StorageUnavailableError } from './errors';
import { TickBatcher } from './tickBatcher';

export interface RedisStorageOptions {
  /** Prepended to every key, e.g. `eimza:conv:`; one prefix per storage keeps state easy to find and clear. */
  prefix: string;
  /** Items not written for this long disappear (idle conversations). Unset: they are kept. */
  idleTtlSeconds?: number;
  /** Called after each round trip with its duration in milliseconds (for metrics). */
  onRoundTrip?: (operation: 'read' | 'write' | 'delete', milliseconds: number) => void;
}

/**
 * Compare-and-set in one atomic step. The stored value is `<eTag>\n<json>`, so the eTag can be
 * checked without decoding the JSON. A missing key, an empty expected eTag or '*' always writes
 * (botbuilder's MemoryStorage semantics).
 */
const WRITE_IF_ETAG_MATCHES = `
if ARGV[1] ~= '' and ARGV[1] ~= '*' then
  local current = redis.call('GET', KEYS[1])
  if current then
    local sep = string.find(current, '\\n', 1, true)
    if string.sub(current, 1, sep - 1) ~= ARGV[1] then return 0 end
  end
end
local ttl = tonumber(ARGV[3])
if ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'EX', ttl) else redis.call('SET', KEYS[1], ARGV[2]) end
return 1`;

interface WriteRequest { key: string; item: StoreItem }

type RedisWithScript = Redis & {
  eimzaWriteIfETag(key: string, expectedETag: string, value: string, ttlSeconds: number): Promise<number>;
};

/**
 * botbuilder `Storage` on ioredis with optimistic concurrency (eTags). Reads (MGET) and writes
 * (a pipeline of scripted compare-and-sets) issued in the same event-loop iteration share one round trip each.
 */
export class RedisStorage implements Storage {
  private readonly redis: RedisWithScript;
  private readonly reads = new TickBatcher<string[], StoreItems>((batch) => this.readBatch(batch));
  private readonly writes = new TickBatcher<WriteRequest, void>((batch) => this.writeBatch(batch));

  constructor(redis: Redis, private readonly options: RedisStorageOptions) {
    if (!('eimzaWriteIfETag' in redis)) {
      redis.defineCommand('eimzaWriteIfETag', { numberOfKeys: 1, lua: WRITE_IF_ETAG_MATCHES });
    }
    this.redis = redis as RedisWithScript;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    return this.reads.add(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const requests = Object.entries(changes).map(([key, item]) => this.writes.add({ key, item: item as StoreItem }));
    const outcomes = await Promise.allSettled(requests);
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.timed('delete', () => this.redis.del(...keys.map((key) => this.options.prefix + key)));
  }

  private async readBatch(batch: string[][]): Promise<StoreItems[]> {
    const uniqueKeys = [...new Set(batch.flat())];
    const values = await this.timed('read', () => this.redis.mget(...uniqueKeys.map((key) => this.options.prefix + key)));
    const found = new Map<string, string>();
    uniqueKeys.forEach((key, index) => {
      const value = values[index];
      if (value !== null && value !== undefined) found.set(key, value);
    });
    // Each reader decodes its own copy: two turns of one conversation must never share an object.
    return batch.map((keys) => Object.fromEntries(keys.filter((key) => found.has(key)).map((key) => [key, decode(found.get(key)!)])));
  }

  private async writeBatch(batch: WriteRequest[]): Promise<(void | Error)[]> {
    const ttl = this.options.idleTtlSeconds ?? 0;
    const pipeline = this.redis.pipeline() as unknown as { eimzaWriteIfETag: RedisWithScript['eimzaWriteIfETag']; exec(): Promise<[Error | null, unknown][] | null> };
    for (const { key, item } of batch) {
      pipeline.eimzaWriteIfETag(this.options.prefix + key, item.eTag ?? '', encode(item), ttl);
    }
    const results = await this.timed('write', () => pipeline.exec());
    return batch.map(({ key }, index) => {
      const [error, written] = results?.[index] ?? [new Error('no reply'), 0];
      if (error) return new StorageUnavailableError(`Redis write failed: ${error.message}`, { cause: error });
      return written === 1 ? undefined : new ETagConflictError(key);
    });
  }

  private async timed<T>(operation: 'read' | 'write' | 'delete', call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } catch (error) {
      throw new StorageUnavailableError(`Redis ${operation} failed: ${(error as Error).message}`, { cause: error });
    } finally {
      this.options.onRoundTrip?.(operation, performance.now() - started);
    }
  }
}

function encode(item: StoreItem): string {
  const eTag = randomUUID();
  const { eTag: _previous, ...data } = item;
  return `${eTag}\n${JSON.stringify(data)}`;
}

function decode(value: string): StoreItem {
  const separator = value.indexOf('\n');
  return { ...JSON.parse(value.slice(separator + 1)), eTag: value.slice(0, separator) };
}
