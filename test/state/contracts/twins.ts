import type { Redis } from 'ioredis';
import { clearPrefix, randomPrefix } from '../../support/keys';
import { TestRedisServer } from '../../support/redisServer';

export type TwinKind = 'memory' | 'redis';

/** How to build each twin: the memory one from nothing, the Redis one on a client and a fresh key prefix. */
export interface TwinMakers<T> {
  memory: () => T;
  redis: (client: Redis, prefix: string) => T;
}

/** What a contract case sees: the store under test (new for every `it`) and which twin it is. */
export interface Twin<T> {
  readonly store: T;
  readonly kind: TwinKind;
  /**
   * The same data seen as a second bot instance would see it: for Redis a store on another client
   * (another connection) with the same prefix; for memory, which is one instance by design, the same store.
   */
  readonly sibling: T;
}

/**
 * Runs one contract (the same `it`s) against the memory twin and the Redis twin of an interface:
 * one redis-server for the file, a random key prefix per test, its keys deleted in afterEach.
 * A case that passes for one twin and fails for the other is a bug in a store, not in the case.
 */
export function twins<T>(title: string, makers: TwinMakers<T>, cases: (twin: Twin<T>) => void): void {
  describe(`${title} (contract: memory and Redis twins)`, function () {
    this.timeout(15_000);
    const server = new TestRedisServer();
    let client: Redis;
    let otherClient: Redis;
    before(async () => {
      await server.start();
      client = server.client();
      otherClient = server.client();
    });
    after(async () => {
      client?.disconnect();
      otherClient?.disconnect();
      await server.destroy();
    });

    for (const kind of ['memory', 'redis'] as const) {
      describe(kind, () => {
        let prefix = '';
        let store: T | undefined;
        let sibling: T | undefined;
        const twin: Twin<T> = {
          kind,
          get store(): T {
            if (!store) throw new Error('no store outside a test');
            return store;
          },
          get sibling(): T {
            if (!sibling) throw new Error('no store outside a test');
            return sibling;
          },
        };
        beforeEach(() => {
          prefix = randomPrefix();
          store = kind === 'memory' ? makers.memory() : makers.redis(client, prefix);
          sibling = kind === 'memory' ? store : makers.redis(otherClient, prefix);
        });
        afterEach(async () => {
          store = undefined;
          sibling = undefined;
          if (kind === 'redis') await clearPrefix(client, prefix);
        });
        cases(twin);
      });
    }
  });
}

/** `n` calls at once; how many of their results satisfy `won`. */
export async function raceCount<R>(n: number, call: (index: number) => Promise<R>, won: (result: R) => boolean): Promise<{ winners: number; results: R[] }> {
  const results = await Promise.all(Array.from({ length: n }, (_, index) => call(index)));
  return { winners: results.filter(won).length, results };
}

/** A value as JSON would carry it (drops `undefined` properties), so twins compare by content. */
export function plain<V>(value: V): V {
  return JSON.parse(JSON.stringify(value)) as V;
}
