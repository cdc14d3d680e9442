import assert from 'node:assert/strict';
import { createLogger } from '../../bot/logger';
import { bounded } from '../../bot/throttledLog';
import { logSink } from '../support/logs';

/** App.close runs its steps through `bounded`: one that throws or hangs must not keep the next (the Redis quit) from running. */
describe('shutdown steps', () => {
  const { stream, lines } = logSink();
  const log = createLogger('warn', stream);
  beforeEach(() => { lines.length = 0; });

  it('a step that fails (sync or async) is logged and the next step still runs', async () => {
    const ran: string[] = [];
    await bounded(log, 'throws', 1_000, () => { throw new Error('boom'); });
    await bounded(log, 'rejects', 1_000, async () => { throw new Error('bang'); });
    await bounded(log, 'redis', 1_000, async () => { ran.push('redis'); });
    assert.deepEqual(ran, ['redis']);
    assert.equal(lines.filter((line) => line.includes('shutdown step failed')).length, 2);
  });

  it('a step that never ends is given up after its time, and the next step still runs', async () => {
    const ran: string[] = [];
    const started = Date.now();
    await bounded(log, 'hangs', 50, () => new Promise(() => undefined));
    await bounded(log, 'redis', 1_000, async () => { ran.push('redis'); });
    assert.deepEqual(ran, ['redis']);
    assert.ok(Date.now() - started < 1_000);
    assert.ok(lines.some((line) => line.includes('"step":"hangs"') && line.includes('did not finish in time')));
  });
});
