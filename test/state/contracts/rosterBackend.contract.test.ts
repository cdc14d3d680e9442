import assert from 'node:assert/strict';
import { MemoryRosterBackend } from '../../../state/memoryRosterBackend';
import { RedisRosterBackend } from '../../../state/redisRosterBackend';
import type { RosterBackend } from '../../../state/rosterBackend';
import type { RosterRecord } from '../../../state/rosterRecord';
import { raceCount, twins } from './twins';

function record(userId: string, expiry: string, extra: Partial<RosterRecord> = {}): RosterRecord {
  return { userId, expiry, source: 'import', remind: true, updatedAt: '2026-10-01T08:00:00.000Z', ...extra };
}

/** Writes `next` over whatever is stored (or into an absent slot). */
async function put(backend: RosterBackend, next: RosterRecord): Promise<void> {
  const current = await backend.read(next.userId);
  assert.equal(await backend.compareAndSet(current?.raw, next), true);
}

twins<RosterBackend>('roster backend', {
  memory: () => new MemoryRosterBackend(),
  redis: (client, prefix) => new RedisRosterBackend(client, prefix),
}, (twin) => {
  it('an empty roster: nothing to read, count 0, no ids, empty ranges', async () => {
    const b = twin.store;
    assert.equal(await b.read('u1'), undefined);
    assert.deepEqual(await b.readMany(['u1', 'u2']), [undefined, undefined]);
    assert.deepEqual(await b.readMany([]), []);
    assert.equal(await b.count(), 0);
    assert.deepEqual(await b.allUserIds(), []);
    assert.deepEqual(await b.expiringBetween('2000-01-01', '2100-01-01'), []);
    assert.deepEqual(await b.snoozeEndingBetween('2000-01-01', '2100-01-01'), []);
  });

  it('compareAndSet into an absent slot writes; read gives the record and its exact stored form', async () => {
    const b = twin.store;
    const r = record('u1', '2026-11-21', { name: 'Ayşe', serial: '5A1B' });
    assert.equal(await b.compareAndSet(undefined, r), true);
    const stored = await b.read('u1');
    assert.deepEqual(stored?.record, r);
    assert.equal(stored?.raw, JSON.stringify(r));
    assert.deepEqual(await b.readMany(['u2', 'u1']), [undefined, r]);
    assert.equal(await b.count(), 1);
  });

  it('compareAndSet refuses a stale or wrong expectation and changes nothing', async () => {
    const b = twin.store;
    await put(b, record('u1', '2026-11-21'));
    const first = (await b.read('u1'))!;
    assert.equal(await b.compareAndSet(undefined, record('u1', '2027-01-01')), false, 'expected absent, but present');
    await put(b, record('u1', '2026-11-22'));
    assert.equal(await b.compareAndSet(first.raw, record('u1', '2030-01-01')), false, 'stale');
    assert.equal((await b.read('u1'))?.record.expiry, '2026-11-22');
    assert.deepEqual(await b.expiringBetween('2030-01-01', '2030-01-01'), [], 'the index did not move either');
  });

  it('compareAndSet from the same read by two instances at once: exactly one wins', async () => {
    await put(twin.store, record('u1', '2026-11-21'));
    const { raw } = (await twin.store.read('u1'))!;
    const stores = [twin.store, twin.sibling];
    const { winners } = await raceCount(6, (i) => stores[i % 2].compareAndSet(raw, record('u1', `2027-01-0${i + 1}`)), Boolean);
    assert.equal(winners, 1);
    const absent = await raceCount(6, (i) => stores[i % 2].compareAndSet(undefined, record('u9', `2027-02-0${i + 1}`)), Boolean);
    assert.equal(absent.winners, 1, 'first write of a new user, too');
    assert.equal(await twin.store.count(), 2);
  });

  it('expiringBetween: inclusive day range over the expiry index, following changes', async () => {
    const b = twin.store;
    await put(b, record('u1', '2026-11-20'));
    await put(b, record('u2', '2026-11-21'));
    await put(b, record('u3', '2026-11-30'));
    await put(b, record('u4', '2026-12-01'));
    assert.deepEqual((await b.expiringBetween('2026-11-21', '2026-11-30')).sort(), ['u2', 'u3']);
    assert.deepEqual(await b.expiringBetween('2026-11-20', '2026-11-20'), ['u1']);
    await put(b, record('u1', '2026-11-25')); // renewed / corrected
    assert.deepEqual((await b.expiringBetween('2026-11-21', '2026-11-30')).sort(), ['u1', 'u2', 'u3']);
    assert.deepEqual(await b.expiringBetween('2026-11-20', '2026-11-20'), []);
    assert.equal(await b.count(), 4, 'a change is not a new user');
  });

  it('snoozeEndingBetween: only snoozed users, inclusive; a record without a snooze leaves the index', async () => {
    const b = twin.store;
    await put(b, record('u1', '2026-11-21', { snoozeUntil: '2026-10-29' }));
    await put(b, record('u2', '2026-11-21', { snoozeUntil: '2026-11-05' }));
    await put(b, record('u3', '2026-11-21'));
    assert.deepEqual((await b.snoozeEndingBetween('2026-10-29', '2026-11-05')).sort(), ['u1', 'u2']);
    assert.deepEqual(await b.snoozeEndingBetween('2026-10-30', '2026-11-04'), []);
    await put(b, record('u1', '2026-11-21'));
    assert.deepEqual(await b.snoozeEndingBetween('2026-10-01', '2026-12-31'), ['u2']);
  });

  it('allUserIds and count cover every user once', async () => {
    const b = twin.store;
    const ids = Array.from({ length: 25 }, (_, i) => `upn:user${i}@kurum.gov.tr`);
    for (const [i, id] of ids.entries()) await put(b, record(id, `2026-12-${String((i % 28) + 1).padStart(2, '0')}`));
    await put(b, record(ids[0], '2027-01-01'));
    assert.deepEqual((await b.allUserIds()).sort(), [...ids].sort());
    assert.equal(await b.count(), 25);
  });
});
