import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { RedisStorage } from '../../state/redisStorage';
import { ETagConflictError, StorageUnavailableError } from '../../state/errors';
import { TestRedisServer } from '../support/redisServer';
import { clearPrefix, randomPrefix } from '../support/keys';

describe('RedisStorage (against a real redis-server)', () => {
  const server = new TestRedisServer();
  let redis: Redis;
  let prefix: string;
  let storage: RedisStorage;
  let roundTrips: string[];

  before(async () => {
    await server.start();
    redis = server.client();
  });
  after(async () => {
    redis.disconnect();
    await server.destroy();
  });
  beforeEach(() => {
    prefix = randomPrefix();
    roundTrips = [];
    storage = new RedisStorage(redis, { prefix, onRoundTrip: (operation) => roundTrips.push(operation) });
  });

  afterEach(async () => clearPrefix(redis, prefix));

  it('gives each of two concurrent readers of one key its own copy (one round trip)', async () => {
    await storage.write({ a: { steps: [1] } });
    roundTrips = [];
    const [first, second] = await Promise.all([storage.read(['a']), storage.read(['a'])]);
    assert.deepEqual(roundTrips, ['read']);
    assert.notEqual(first.a, second.a);
    (first.a.steps as number[]).push(2);
    assert.deepEqual(second.a.steps, [1]);
  });

  it('a conversation state saved with the eTag it loaded refuses to overwrite a newer save', async () => {
    await storage.write({ c: { step: 1 } });
    const [turnA, turnB] = await Promise.all([storage.read(['c']), storage.read(['c'])]);
    await storage.write({ c: { ...turnA.c, step: 2 } });
    await assert.rejects(storage.write({ c: { ...turnB.c, step: 3 } }), ETagConflictError);
    assert.equal((await storage.read(['c'])).c.step, 2);
  });

  it('reads back what it wrote, with a fresh eTag', async () => {
    await storage.write({ a: { name: 'Ayşe', steps: [1, 2] } });
    const items = await storage.read(['a']);
    assert.equal(items.a.name, 'Ayşe');
    assert.deepEqual(items.a.steps, [1, 2]);
    assert.match(items.a.eTag, /^\S{8,}$/);
  });

  it('leaves missing keys out of a read', async () => {
    await storage.write({ present: { n: 1 } });
    const items = await storage.read(['present', 'missing']);
    assert.deepEqual(Object.keys(items), ['present']);
  });

  it('deletes keys', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });

  it('keeps every key under its one prefix', async () => {
    await storage.write({ 'msteams/conversations/c1': { n: 1 } });
    const keys = await redis.keys(`${prefix}*`);
    assert.deepEqual(keys, [`${prefix}msteams/conversations/c1`]);
  });

  it('rejects a write with a stale eTag and keeps the newer value', async () => {
    await storage.write({ a: { n: 1 } });
    const first = (await storage.read(['a'])).a;
    await storage.write({ a: { ...first, n: 2 } });
    await assert.rejects(storage.write({ a: { ...first, n: 3 } }), ETagConflictError);
    assert.equal((await storage.read(['a'])).a.n, 2);
  });

  it("overwrites with eTag '*' or with no eTag", async () => {
    await storage.write({ a: { n: 1 } });
    await storage.write({ a: { n: 2, eTag: '*' } });
    assert.equal((await storage.read(['a'])).a.n, 2);
    await storage.write({ a: { n: 3 } });
    assert.equal((await storage.read(['a'])).a.n, 3);
  });

  it('lets exactly one of two concurrent writers with the same eTag win', async () => {
    await storage.write({ a: { n: 0 } });
    const base = (await storage.read(['a'])).a;
    const other = new RedisStorage(server.client(), { prefix });
    const outcomes = await Promise.allSettled([
      storage.write({ a: { ...base, writer: 'one' } }),
      other.write({ a: { ...base, writer: 'two' } }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    assert.equal(won.length, 1);
    assert.ok(lost[0].reason instanceof ETagConflictError);
    const stored = (await storage.read(['a'])).a.writer;
    assert.equal(stored, outcomes[0].status === 'fulfilled' ? 'one' : 'two');
  });

  it('expires items that were not written for the idle time', async () => {
    const expiring = new RedisStorage(redis, { prefix, idleTtlSeconds: 1 });
    await expiring.write({ a: { n: 1 } });
    const ttl = await redis.pttl(`${prefix}a`);
    assert.ok(ttl > 0 && ttl <= 1000, `ttl ${ttl}`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.deepEqual(await expiring.read(['a']), {});
  });

  it('merges reads made in the same tick into one round trip, and writes likewise', async () => {
    await storage.write({ conversation: { n: 1 }, user: { n: 2 } });
    roundTrips = [];
    const [conversation, user] = await Promise.all([storage.read(['conversation']), storage.read(['user'])]);
    assert.equal(conversation.conversation.n, 1);
    assert.equal(user.user.n, 2);
    await Promise.all([storage.write({ conversation: { n: 3 } }), storage.write({ user: { n: 4 } })]);
    assert.deepEqual(roundTrips, ['read', 'write']);
  });

  it('merges the reads and writes of turns running in the same event-loop iteration (as under load)', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    roundTrips = [];
    // Two callbacks of one loop phase, as two turns whose requests arrived together: each runs its
    // own ticks and microtasks to the end before the other starts.
    const inOnePhase = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), 0));
    const [a, b] = await Promise.all([inOnePhase(() => storage.read(['a'])), inOnePhase(() => storage.read(['b']))]);
    assert.deepEqual([a.a.n, b.b.n], [1, 2]);
    await Promise.all([inOnePhase(() => storage.write({ a: { n: 3 } })), inOnePhase(() => storage.write({ b: { n: 4 } }))]);
    assert.deepEqual(roundTrips, ['read', 'write']);
    assert.deepEqual(Object.values(await storage.read(['a', 'b'])).map((item) => item.n), [3, 4]);
  });

  it('reports an unreachable Redis as StorageUnavailableError', async () => {
    const { Redis: RedisClient } = await import('ioredis');
    const dead = new RedisClient('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
    dead.on('error', () => {});
    const unreachable = new RedisStorage(dead, { prefix });
    await assert.rejects(unreachable.read(['a']), StorageUnavailableError);
    await assert.rejects(unreachable.write({ a: { n: 1 } }), StorageUnavailableError);
    dead.disconnect();
  });
});
