import assert from 'node:assert/strict';
import { PairingLimiter } from '../../bot/agentLink/pairingLimiter';

describe('PairingLimiter', () => {
  const limits = { perSource: 3, perSourceWindowMs: 60_000, overall: 5, overallWindowMs: 10_000 };

  it('stops a source after its failures until its window ends', () => {
    let now = 0;
    const limiter = new PairingLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) limiter.failed('a');
    assert.equal(limiter.retryAfterMs('a'), 60_000);
    assert.equal(limiter.retryAfterMs('b'), 0);
    now = 60_000;
    assert.equal(limiter.retryAfterMs('a'), 0);
  });

  it('stops everyone once failures from many sources pass the overall limit', () => {
    let now = 0;
    const limiter = new PairingLimiter(limits, () => now);
    for (let i = 0; i < 5; i++) limiter.failed(`source-${i}`);
    assert.equal(limiter.retryAfterMs('fresh'), 10_000);
    now = 10_000;
    assert.equal(limiter.retryAfterMs('fresh'), 0);
  });
});
