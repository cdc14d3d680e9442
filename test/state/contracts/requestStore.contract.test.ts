import assert from 'node:assert/strict';
import { MemoryRequestStore } from '../../../state/memoryRequestStore';
import { RedisRequestStore } from '../../../state/redisRequestStore';
import { NUMBER_PLACEHOLDER, type RenewalRequest, type RequestStore } from '../../../state/requestStore';
import { raceCount, twins } from './twins';

const NOW = new Date('2026-03-10T10:00:00+03:00');
const DAY = 86_400_000;

function draft(userId: string, overrides: Partial<RenewalRequest> = {}): RenewalRequest {
  const at = NOW.toISOString();
  return {
    number: NUMBER_PLACEHOLDER,
    requester: { userId, teamsId: `29:${userId}`, name: `Kişi ${userId}`, conversationId: `a:${userId}`, ref: {}, locale: 'tr' },
    reason: 'normalExpiry', payer: 'institution', feeSource: 'F2', late: false, expiry: '2026-03-20', status: 'received',
    history: [{ at, by: { kind: 'user', name: userId }, to: 'received' }], createdAt: at, updatedAt: at, statusSince: at, version: 1,
    dueAt: new Date(NOW.getTime() + DAY).toISOString(), ...overrides,
  };
}

/** A draft created `minutes` after NOW (the lists are newest first by creation time). */
function draftAt(userId: string, minutes: number, overrides: Partial<RenewalRequest> = {}): RenewalRequest {
  const at = new Date(NOW.getTime() + minutes * 60_000).toISOString();
  return draft(userId, { createdAt: at, updatedAt: at, statusSince: at, ...overrides });
}

/*
 * Known twin difference, not pinned here (reported in issue 12, not fixed: the fix needs a new
 * Redis index and a migration): while takeDue's lease holds (60 s in the sweep), the Redis twin
 * leaves that request out of listOpen({ dueBefore }) ("geciken"), because the lease is written
 * into the `due` index itself; the memory twin keeps listing it.
 */

/** The same table for both stores: what the indexes must say after each change (moved from test/state/requestStore.test.ts). */
twins<RequestStore>('request store', {
  memory: () => new MemoryRequestStore(),
  redis: (client, prefix) => new RedisRequestStore(client, `${prefix}requests:`),
}, (twin) => {
  it('numbers requests per year; twenty creates at once for one person make exactly one', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => twin.store.create(draft('ayse'), 'EI', 2026)));
    assert.equal(results.filter((result) => result.created).length, 1);
    assert.deepEqual([...new Set(results.map((result) => result.request.number))], ['EI-2026-0001']);
    const other = await twin.store.create(draft('mehmet'), 'EI', 2026);
    assert.equal(other.request.number, 'EI-2026-0002');
    assert.equal((await twin.store.create(draft('zeynep'), 'EI', 2027)).request.number, 'EI-2027-0001');
  });

  it('a change is written only on the version it was made from; a stale one is refused and changes nothing', async () => {
    const { request } = await twin.store.create(draft('ayse'), 'EI', 2026);
    const first = { ...request, status: 'appliedKamuSm', version: 2 };
    const second = { ...request, status: 'cancelled', version: 2 };
    const written = await Promise.all([twin.store.replace(first, true), twin.store.replace(second, false)]);
    assert.deepEqual(written.sort(), [false, true]);
    const stored = (await twin.store.get(request.number))!;
    assert.equal(stored.version, 2);
    const open = await twin.store.listOpen({});
    assert.equal(open.total, stored.status === 'appliedKamuSm' ? 1 : 0, 'the open index agrees with the winner');
  });

  it('indexes follow each change: status, open-per-person, due, expiry; closing frees the person for a new request', async () => {
    const { request } = await twin.store.create(draft('ayse'), 'EI', 2026);
    await twin.store.create(draft('mehmet', { expiry: '2026-05-01', dueAt: undefined }), 'EI', 2026);
    assert.equal((await twin.store.listOpen({ status: 'received' })).total, 2);
    assert.deepEqual((await twin.store.listOpen({ dueBefore: new Date(NOW.getTime() + 2 * 86_400_000) })).requests.map((item) => item.requester.userId), ['ayse']);
    assert.deepEqual((await twin.store.listOpen({ expiryFrom: '2026-03-01', expiryTo: '2026-03-31' })).requests.map((item) => item.requester.userId), ['ayse']);
    assert.equal((await twin.store.listOpen({}, 1)).requests.length, 1);

    assert.ok(await twin.store.replace({ ...request, status: 'appliedKamuSm', version: 2, dueAt: undefined }, true));
    assert.equal((await twin.store.listOpen({ status: 'received' })).total, 1);
    assert.equal((await twin.store.listOpen({ status: 'appliedKamuSm' })).total, 1);
    assert.equal((await twin.store.listOpen({ dueBefore: new Date(NOW.getTime() + 2 * 86_400_000) })).total, 0);
    assert.ok(await twin.store.replace({ ...request, status: 'delivered', version: 3 }, false));
    assert.equal(await twin.store.openFor('ayse'), undefined);
    assert.equal((await twin.store.listOpen({})).total, 1);
    assert.equal((await twin.store.listOpen({ status: 'appliedKamuSm' })).total, 0);
    const again = await twin.store.create(draft('ayse'), 'EI', 2026);
    assert.ok(again.created);
    assert.deepEqual((await twin.store.forUser('ayse', 10)).map((item) => item.number), [again.request.number, request.number]);
  });

  it('takeDue leases each due request to one caller; tokens open until their time', async () => {
    const { request } = await twin.store.create(draft('ayse'), 'EI', 2026);
    const later = new Date(NOW.getTime() + 2 * 86_400_000);
    const [a, b] = await Promise.all([twin.store.takeDue(later, 60_000, 10), twin.store.takeDue(later, 60_000, 10)]);
    assert.deepEqual([...a, ...b], [request.number]);
    assert.deepEqual(await twin.store.takeDue(new Date(later.getTime() + 61_000), 60_000, 10), [request.number], 'taken again once the lease ran out');
    await twin.store.saveToken('tok', request.number, new Date(NOW.getTime() + 1000), 60);
    assert.equal(await twin.store.numberForToken('tok', NOW), request.number);
    assert.equal(await twin.store.numberForToken('tok', new Date(NOW.getTime() + 1000)), undefined);
    assert.equal(await twin.store.numberForToken('other', NOW), undefined);
  });

  it('absent numbers, people and tokens: undefined or empty; replacing an absent request writes nothing', async () => {
    const s = twin.store;
    assert.equal(await s.get('EI-2026-0001'), undefined);
    assert.equal(await s.openFor('ayse'), undefined);
    assert.deepEqual(await s.forUser('ayse', 10), []);
    assert.deepEqual(await s.listOpen({}), { total: 0, requests: [] });
    assert.deepEqual(await s.takeDue(new Date(NOW.getTime() + 365 * DAY), 1000, 10), []);
    assert.equal(await s.numberForToken('tok', NOW), undefined);
    assert.equal(await s.replace({ ...draft('ayse'), number: 'EI-2026-0001', version: 2 }, true), false);
    assert.equal(await s.get('EI-2026-0001'), undefined);
    assert.equal(await s.openFor('ayse'), undefined);
  });

  it('create fills the number into the draft (wherever the placeholder is) and get returns what was stored', async () => {
    const { request, created } = await twin.store.create(draft('ayse', { history: [{ at: NOW.toISOString(), by: { kind: 'user', name: 'ayse' }, to: 'received', note: `talep ${NUMBER_PLACEHOLDER}` }] }), 'EI', 2026);
    assert.equal(created, true);
    assert.equal(request.number, 'EI-2026-0001');
    assert.equal(request.history[0].note, 'talep EI-2026-0001');
    assert.deepEqual(await twin.store.get('EI-2026-0001'), request);
    assert.deepEqual(await twin.store.openFor('ayse'), request);
  });

  it('creates for one person on two instances at once: exactly one request, both told its number', async () => {
    const stores = [twin.store, twin.sibling];
    const { winners, results } = await raceCount(6, (i) => stores[i % 2].create(draft('ayse'), 'EI', 2026), (r) => r.created);
    assert.equal(winners, 1);
    assert.deepEqual([...new Set(results.map((r) => r.request.number))], ['EI-2026-0001']);
    assert.equal((await twin.store.listOpen({})).total, 1);
  });

  it('lists are newest first by creation time: listOpen (with limit and total) and forUser (with limit)', async () => {
    const s = twin.store;
    const a = (await s.create(draftAt('ayse', 0), 'EI', 2026)).request;
    const b = (await s.create(draftAt('mehmet', 1), 'EI', 2026)).request;
    const c = (await s.create(draftAt('zeynep', 2), 'EI', 2026)).request;
    assert.deepEqual((await s.listOpen({})).requests.map((r) => r.number), [c.number, b.number, a.number]);
    const page = await s.listOpen({}, 2);
    assert.equal(page.total, 3);
    assert.deepEqual(page.requests.map((r) => r.number), [c.number, b.number]);
    assert.ok(await s.replace({ ...a, status: 'cancelled', version: 2 }, false));
    const again = (await s.create(draftAt('ayse', 3), 'EI', 2026)).request;
    assert.deepEqual((await s.forUser('ayse', 1)).map((r) => r.number), [again.number]);
    assert.deepEqual((await s.forUser('ayse', 5)).map((r) => r.number), [again.number, a.number]);
    assert.deepEqual((await s.listOpen({ status: 'received' })).requests.map((r) => r.number), [again.number, c.number, b.number]);
  });

  it('listOpen filters combine (status, due, expiry range inclusive) and only open requests count', async () => {
    const s = twin.store;
    await s.create(draftAt('ayse', 0, { expiry: '2026-03-01' }), 'EI', 2026);
    const m = (await s.create(draftAt('mehmet', 1, { expiry: '2026-03-31', dueAt: new Date(NOW.getTime() + 3 * DAY).toISOString() }), 'EI', 2026)).request;
    const z = (await s.create(draftAt('zeynep', 2, { expiry: undefined }), 'EI', 2026)).request;
    assert.deepEqual((await s.listOpen({ expiryFrom: '2026-03-01', expiryTo: '2026-03-31' })).requests.map((r) => r.requester.userId), ['mehmet', 'ayse']);
    assert.deepEqual((await s.listOpen({ expiryFrom: '2026-03-02' })).requests.map((r) => r.requester.userId), ['mehmet']);
    assert.deepEqual((await s.listOpen({ expiryTo: '2026-03-30' })).requests.map((r) => r.requester.userId), ['ayse']);
    assert.deepEqual((await s.listOpen({ dueBefore: new Date(NOW.getTime() + 2 * DAY), expiryFrom: '2026-03-01' })).requests.map((r) => r.requester.userId), ['ayse']);
    assert.ok(await s.replace({ ...m, status: 'appliedKamuSm', version: 2 }, true));
    assert.deepEqual((await s.listOpen({ status: 'appliedKamuSm', expiryTo: '2026-12-31' })).requests.map((r) => r.number), [m.number]);
    assert.ok(await s.replace({ ...z, status: 'delivered', version: 2 }, false));
    assert.equal((await s.listOpen({ status: 'delivered' })).total, 0, 'a closed request is in no open list');
    assert.equal((await s.listOpen({})).total, 2);
  });

  it('takeDue hands out the earliest reminders first, up to the batch; a change re-arms the reminder', async () => {
    const s = twin.store;
    // Created in the opposite order of their reminders, so creation order cannot pass for due order.
    const late = (await s.create(draftAt('ayse', 0, { dueAt: new Date(NOW.getTime() + 3 * DAY).toISOString() }), 'EI', 2026)).request;
    const early = (await s.create(draftAt('mehmet', 1, { dueAt: new Date(NOW.getTime() + 1 * DAY).toISOString() }), 'EI', 2026)).request;
    const middle = (await s.create(draftAt('zeynep', 2, { dueAt: new Date(NOW.getTime() + 2 * DAY).toISOString() }), 'EI', 2026)).request;
    const when = new Date(NOW.getTime() + 4 * DAY);
    assert.deepEqual(await s.takeDue(when, 60_000, 2), [early.number, middle.number]);
    assert.deepEqual(await s.takeDue(when, 60_000, 2), [late.number]);
    assert.deepEqual(await s.takeDue(when, 60_000, 2), []);
    assert.ok(await s.replace({ ...early, status: 'appliedKamuSm', version: 2, dueAt: new Date(NOW.getTime() + DAY).toISOString() }, true));
    assert.deepEqual(await s.takeDue(when, 60_000, 5), [early.number], 'written again: its lease is gone');
    assert.ok(await s.replace({ ...middle, status: 'delivered', version: 2 }, false));
    // Both leases ran out at the same moment: their order is not part of the contract.
    assert.deepEqual((await s.takeDue(new Date(when.getTime() + 61_000), 60_000, 5)).sort(), [late.number, early.number].sort(), 'a closed request is never due');
  });

  it('takeDue from two instances at once: each due request goes to exactly one', async () => {
    for (let i = 0; i < 12; i++) await twin.store.create(draftAt(`u${i}`, i), 'EI', 2026);
    const later = new Date(NOW.getTime() + 2 * DAY);
    const [a, b] = await Promise.all([twin.store.takeDue(later, 60_000, 8), twin.sibling.takeDue(later, 60_000, 8)]);
    assert.equal(a.length + b.length, 12);
    assert.equal(new Set([...a, ...b]).size, 12);
  });
});
