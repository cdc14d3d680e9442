import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { StorageUnavailableError } from './errors';

/**
 * Runs the turns of one conversation one after the other, so a double press or a Teams retry
 * never runs two turns on the same state at once. The second turn then loads what the
 * first saved: its button is stale and is refused politely, instead of acting twice.
 */
export interface ConversationLock {
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T>;
}

/** One instance: turns of a conversation queue behind each other in this process. */
export class LocalConversationLock implements ConversationLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(work);
    const tail = mine.catch(() => undefined);
    this.tails.set(conversationId, tail);
    try {
      return await mine;
    } finally {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    }
  }
}

const RELEASE_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface RedisConversationLockOptions {
  prefix: string;
  /** A holder that died frees the conversation after this long. */
  leaseMs?: number;
  /** How long a turn waits for the one before it; after that it fails as "storage unavailable". */
  waitMs?: number;
}

/**
 * Several instances on one Redis: the local queue first (no Redis traffic for turns of this
 * process), then a lease in Redis (SET NX PX, released only by its holder).
 */
export class RedisConversationLock implements ConversationLock {
  private readonly local = new LocalConversationLock();

  constructor(private readonly redis: Redis, private readonly options: RedisConversationLockOptions) {
    if (!('eimzaReleaseLock' in redis)) redis.defineCommand('eimzaReleaseLock', { numberOfKeys: 1, lua: RELEASE_IF_OURS });
  }

  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(conversationId, async () => {
      const key = `${this.options.prefix}${conversationId}`;
      const token = randomUUID();
      await this.acquire(key, token);
      try {
        return await work();
      } finally {
        await (this.redis as unknown as { eimzaReleaseLock(key: string, token: string): Promise<number> }).eimzaReleaseLock(key, token).catch(() => undefined);
      }
    });
  }

  private async acquire(key: string, token: string): Promise<void> {
    const { leaseMs = 30_000, waitMs = 10_000 } = this.options;
    const deadline = Date.now() + waitMs;
    for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
      let taken: string | null;
      try {
        taken = await this.redis.set(key, token, 'PX', leaseMs, 'NX');
      } catch (error) {
        throw new StorageUnavailableError(`Redis lock failed: ${(error as Error).message}`, { cause: error });
      }
      if (taken === 'OK') return;
      if (Date.now() + pause > deadline) throw new StorageUnavailableError(`conversation busy for ${waitMs} ms: ${key}`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
