import assert from 'node:assert/strict';
import { loadPolicy, validatePolicy } from '../../domain/policy';

// The request store's own cases are in test/state/contracts/requestStore.contract.test.ts (memory and Redis).
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
