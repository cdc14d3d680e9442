import assert from 'node:assert/strict';
import { MemoryPingLedger } from '../../../state/memoryPingLedger';
import { RedisPingLedger } from '../../../state/redisPingLedger';
import type { PingLedger } from '../../../state/pingLedger';
import { sleep } from '../../support/wait';
import { raceCount, twins } from './twins';

const SENT_AT = new Date('2026-10-22T07:00:00Z');
/** Kept a year: long enough that nothing expires during a test. */
const keepUntil = (): Date => new Date(Date.now() + 365 * 86_400_000);

/*
 * Not pinned: the Redis twin forgets sent pings at `keepUntil` (EXPIREAT); the memory twin keeps
 * them until the process ends (it has no restart to survive, so nothing is sent twice either way).
 */
twins<PingLedger>('ping ledger', {
  memory: () => new MemoryPingLedger(),
  redis: (client, prefix) => new RedisPingLedger(client, prefix),
}, (twin) => {
  it('claim: go for the first owner, busy (with the time left) for another while the lease holds, go again for the holder', async () => {
    const l = twin.store;
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd30', 'A', 60_000), { status: 'go' });
    const busy = await l.claim('u1', '2026-11-21', 'd30', 'B', 60_000);
    assert.equal(busy.status, 'busy');
    assert.ok(busy.status === 'busy' && busy.retryInMs > 0 && busy.retryInMs <= 60_000, JSON.stringify(busy));
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd30', 'A', 60_000), { status: 'go' });
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd7', 'B', 60_000), { status: 'go' }, 'another ping key has its own lease');
    assert.deepEqual(await l.claim('u1', '2026-12-01', 'd30', 'B', 60_000), { status: 'go' }, 'another certificate too');
  });

  it('claims by ten workers at once (two instances): exactly one go', async () => {
    const stores = [twin.store, twin.sibling];
    const { winners, results } = await raceCount(10, (i) => stores[i % 2].claim('u1', '2026-11-21', 'd30', `w${i}`, 60_000), (c) => c.status === 'go');
    assert.equal(winners, 1);
    assert.ok(results.every((c) => c.status === 'go' || c.status === 'busy'));
  });

  it('a lease runs out: another owner may claim after leaseMs', async () => {
    await twin.store.claim('u1', '2026-11-21', 'd30', 'A', 400);
    assert.equal((await twin.store.claim('u1', '2026-11-21', 'd30', 'B', 400)).status, 'busy');
    await sleep(450);
    assert.deepEqual(await twin.store.claim('u1', '2026-11-21', 'd30', 'B', 400), { status: 'go' });
  });

  it('confirm marks the ping sent (done for everyone, even the holder) and frees the lease; sent lists it for that certificate only', async () => {
    const l = twin.store;
    await l.claim('u1', '2026-11-21', 'd30', 'A', 60_000);
    await l.confirm('u1', '2026-11-21', 'd30', 'A', SENT_AT, keepUntil());
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd30', 'B', 60_000), { status: 'done' });
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd30', 'A', 60_000), { status: 'done' });
    await l.confirm('u1', '2026-11-21', 'd30', 'A', new Date(SENT_AT.getTime() + 1000), keepUntil());
    await l.confirm('u1', '2026-11-21', 'd7', 'A', SENT_AT, keepUntil());
    assert.deepEqual((await l.sent('u1', '2026-11-21')).sort(), ['d30', 'd7'], 'confirmed twice, listed once');
    assert.deepEqual(await l.sent('u1', '2026-12-01'), [], 'a new certificate starts clean');
    assert.deepEqual(await l.sent('u2', '2026-11-21'), []);
  });

  it('release frees the lease only for its owner and marks nothing sent', async () => {
    const l = twin.store;
    await l.claim('u1', '2026-11-21', 'd30', 'A', 60_000);
    await l.release('u1', '2026-11-21', 'd30', 'B');
    assert.equal((await l.claim('u1', '2026-11-21', 'd30', 'B', 60_000)).status, 'busy', 'not B\'s to release');
    await l.release('u1', '2026-11-21', 'd30', 'A');
    assert.deepEqual(await l.claim('u1', '2026-11-21', 'd30', 'B', 60_000), { status: 'go' });
    assert.deepEqual(await l.sent('u1', '2026-11-21'), []);
    await l.release('u9', '2026-11-21', 'd30', 'A'); // absent lease: nothing to do
  });

  it('sentMany answers per certificate, in the order asked, absent ones empty', async () => {
    const l = twin.store;
    await l.confirm('u1', '2026-11-21', 'd30', 'A', SENT_AT, keepUntil());
    await l.confirm('u3', '2027-01-05', 'd7', 'A', SENT_AT, keepUntil());
    assert.deepEqual(await l.sentMany([
      { userId: 'u3', expiry: '2027-01-05' }, { userId: 'u2', expiry: '2026-11-21' }, { userId: 'u1', expiry: '2026-11-21' },
    ]), [['d7'], [], ['d30']]);
    assert.deepEqual(await l.sentMany([]), []);
  });

  it('conversation pacing: the first message goes (0), the next waits at most the interval, other conversations are free', async () => {
    const l = twin.store;
    assert.equal(await l.takeConversationSlot('a:1', 60_000), 0);
    const wait = await l.takeConversationSlot('a:1', 60_000);
    assert.ok(wait > 0 && wait <= 60_000, String(wait));
    assert.equal(await l.takeConversationSlot('a:2', 60_000), 0);
    assert.equal(await l.takeConversationSlot('a:3', 0), 0, 'no pacing');
    assert.equal(await l.takeConversationSlot('a:3', 0), 0);
  });

  it('conversation pacing: five senders at once (two instances), one slot; free again after the interval', async () => {
    const stores = [twin.store, twin.sibling];
    const { winners } = await raceCount(5, (i) => stores[i % 2].takeConversationSlot('a:1', 400), (ms) => ms === 0);
    assert.equal(winners, 1);
    await sleep(450);
    assert.equal(await twin.store.takeConversationSlot('a:1', 400), 0);
  });
});
