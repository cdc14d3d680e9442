import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { TestRedisServer } from '../support/redisServer';
import { MemoryRequestStore } from '../../state/memoryRequestStore';
import { RedisRequestStore } from '../../state/redisRequestStore';
import { NUMBER_PLACEHOLDER, type RenewalRequest, type RequestStore } from '../../state/requestStore';
import { loadPolicy, validatePolicy } from '../../domain/policy';

const NOW = new Date('2026-03-10T10:00:00+03:00');

function draft(userId: string, overrides: Partial<RenewalRequest> = {}): RenewalRequest {
  const at = NOW.toISOString();
  return {
    number: NUMBER_PLACEHOLDER,
    requester: { userId, teamsId: `29:${userId}`, name: `Kişi ${userId}`, conversationId: `a:${userId}`, ref: {}, locale: 'tr' },
    reason: 'normalExpiry', payer: 'institution', feeSource: 'F2', late: false, expiry: '2026-03-20', status: 'received',
    history: [{ at, by: { kind: 'user', name: userId }, to: 'received' }], createdAt: at, updatedAt: at, statusSince: at, version: 1,
    dueAt: new Date(NOW.getTime() + 86_400_000).toISOString(), ...overrides,
  };
}

/** The same table for both stores: what the indexes must say after each change. */
for (const kind of ['redis', 'memory'] as const) {
  describe(`request store (${kind})`, function () {
    this.timeout(15_000);
    let server: TestRedisServer | undefined;
    let redis: Redis | undefined;
    let store: RequestStore;
    let prefixCounter = 0;

    before(async () => {
      if (kind === 'redis') {
        server = await new TestRedisServer().start();
        redis = new Redis(server.url);
      }
    });
    after(async () => {
      redis?.disconnect();
      await server?.destroy();
    });
    beforeEach(() => {
      store = redis ? new RedisRequestStore(redis, `t${++prefixCounter}:requests:`) : new MemoryRequestStore();
    });

    it('numbers requests per year; twenty creates at once for one person make exactly one', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.create(draft('ayse'), 'EI', 2026)));
      assert.equal(results.filter((result) => result.created).length, 1);
      assert.deepEqual([...new Set(results.map((result) => result.request.number))], ['EI-2026-0001']);
      const other = await store.create(draft('mehmet'), 'EI', 2026);
      assert.equal(other.request.number, 'EI-2026-0002');
      assert.equal((await store.create(draft('zeynep'), 'EI', 2027)).request.number, 'EI-2027-0001');
    });

    it('a change is written only on the version it was made from; a stale one is refused and changes nothing', async () => {
      const { request } = await store.create(draft('ayse'), 'EI', 2026);
      const first = { ...request, status: 'appliedKamuSm', version: 2 };
      const second = { ...request, status: 'cancelled', version: 2 };
      const written = await Promise.all([store.replace(first, true), store.replace(second, false)]);
      assert.deepEqual(written.sort(), [false, true]);
      const stored = (await store.get(request.number))!;
      assert.equal(stored.version, 2);
      const open = await store.listOpen({});
      assert.equal(open.total, stored.status === 'appliedKamuSm' ? 1 : 0, 'the open index agrees with the winner');
    });

    it('indexes follow each change: status, open-per-person, due, expiry; closing frees the person for a new request', async () => {
      const { request } = await store.create(draft('ayse'), 'EI', 2026);
      await store.create(draft('mehmet', { expiry: '2026-05-01', dueAt: undefined }), 'EI', 2026);
      assert.equal((await store.listOpen({ status: 'received' })).total, 2);
      assert.deepEqual((await store.listOpen({ dueBefore: new Date(NOW.getTime() + 2 * 86_400_000) })).requests.map((item) => item.requester.userId), ['ayse']);
      assert.deepEqual((await store.listOpen({ expiryFrom: '2026-03-01', expiryTo: '2026-03-31' })).requests.map((item) => item.requester.userId), ['ayse']);
      assert.equal((await store.listOpen({}, 1)).requests.length, 1);

      assert.ok(await store.replace({ ...request, status: 'appliedKamuSm', version: 2, dueAt: undefined }, true));
      assert.equal((await store.listOpen({ status: 'received' })).total, 1);
      assert.equal((await store.listOpen({ status: 'appliedKamuSm' })).total, 1);
      assert.equal((await store.listOpen({ dueBefore: new Date(NOW.getTime() + 2 * 86_400_000) })).total, 0);
      assert.ok(await store.replace({ ...request, status: 'delivered', version: 3 }, false));
      assert.equal(await store.openFor('ayse'), undefined);
      assert.equal((await store.listOpen({})).total, 1);
      assert.equal((await store.listOpen({ status: 'appliedKamuSm' })).total, 0);
      const again = await store.create(draft('ayse'), 'EI', 2026);
      assert.ok(again.created);
      assert.deepEqual((await store.forUser('ayse', 10)).map((item) => item.number), [again.request.number, request.number]);
    });

    it('takeDue leases each due request to one caller; tokens open until their time', async () => {
      const { request } = await store.create(draft('ayse'), 'EI', 2026);
      const later = new Date(NOW.getTime() + 2 * 86_400_000);
      const [a, b] = await Promise.all([store.takeDue(later, 60_000, 10), store.takeDue(later, 60_000, 10)]);
      assert.deepEqual([...a, ...b], [request.number]);
      assert.deepEqual(await store.takeDue(new Date(later.getTime() + 61_000), 60_000, 10), [request.number], 'taken again once the lease ran out');
      await store.saveToken('tok', request.number, new Date(NOW.getTime() + 1000), 60);
      assert.equal(await store.numberForToken('tok', NOW), request.number);
      assert.equal(await store.numberForToken('tok', new Date(NOW.getTime() + 1000)), undefined);
      assert.equal(await store.numberForToken('other', NOW), undefined);
    });
  });
}

describe('policy: request statuses', () => {
  const policy = loadPolicy();
  const cases: [string, (life: typeof policy.requestStatuses) => void, RegExp][] = [
    ['a next status that does not exist', (life) => { life.statuses[0].next.push('lost'); }, /unknown status "lost"/],
    ['an initial status that does not exist', (life) => { life.initial.late = 'nope'; }, /unknown status "nope"/],
    ['a closed status with next statuses', (life) => { life.statuses.find((status) => status.closed)!.next.push('received'); }, /closed status .* cannot have next/],
    ['two statuses with one id', (life) => { life.statuses[1].id = life.statuses[0].id; }, /distinct/],
    ['a status without its user notice', (life) => { delete (life.statuses[0] as Partial<typeof life.statuses[0]>).userNotice; }, /userNotice/],
  ];
  for (const [name, spoil, error] of cases) {
    it(`refuses ${name}`, () => {
      const copy = structuredClone(policy);
      spoil(copy.requestStatuses);
      assert.throws(() => validatePolicy(copy), error);
    });
  }
  it('accepts the shipped life cycle: alındı → Kamu SM → kart geldi → teslim edildi, with the side states', () => {
    const ids = policy.requestStatuses.statuses.map((status) => status.id);
    assert.deepEqual(ids, ['received', 'waitingForm', 'waitingPayment', 'appliedKamuSm', 'cardArrived', 'delivered', 'cancelled']);
  });
});
