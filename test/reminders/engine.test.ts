import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { TestRedisServer } from '../support/redisServer';
import { TSX_LOADER } from '../support/tsx';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { ReminderInstance, clearPrefix, randomPrefix, reference } from './engineKit';

/** Monday 1 March 2027, 09:05 in Istanbul: inside the window. */
const MONDAY = new Date('2027-03-01T09:05:00+03:00');

describe('reminders engine (BullMQ, real Redis, fake connector)', function () {
  this.timeout(40_000);
  let redis: TestRedisServer;
  let connector: FakeConnector;
  let prefix: string;
  const instances: ReminderInstance[] = [];
  let now = MONDAY;
  const clock = () => now;

  before(async () => {
    redis = await new TestRedisServer().start();
  });
  after(async () => {
    await redis.destroy();
  });
  beforeEach(async () => {
    prefix = randomPrefix();
    now = MONDAY;
    connector = await new FakeConnector().start();
  });
  afterEach(async () => {
    await Promise.allSettled(instances.splice(0).map((instance) => instance.close()));
    await connector.stop();
    await clearPrefix(redis.url, prefix);
  });

  function instance(options: ConstructorParameters<typeof ReminderInstance>[3] = {}): ReminderInstance {
    const created = new ReminderInstance(redis.url, prefix, clock, options);
    instances.push(created);
    return created;
  }

  async function enrol(bot: ReminderInstance, userId: string, expiry: string, reachable = true): Promise<void> {
    await bot.roster.record({ userId, expiry, source: 'import', name: userId }, now);
    if (reachable) await bot.references.save({ userId, tenantId: 'tenant', locale: 'tr-TR', reference: reference(connector, userId), savedAt: now.toISOString() });
  }

  async function settle(ms = 600): Promise<void> {
    await new Promise((done) => setTimeout(done, ms));
  }

  async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
      await settle(20);
    }
  }

  it('pings each due user once, skips the unreachable, and a restart the same day sends nothing again', async () => {
    const first = instance();
    await enrol(first, 'due-30', '2027-03-31');
    await enrol(first, 'due-late', '2027-02-28');
    await enrol(first, 'not-due', '2027-05-01');
    await enrol(first, 'no-chat', '2027-03-08', false);
    await first.engine.start();
    const scan = await first.engine.scanNow();
    assert.deepEqual(scan.plans.map((plan) => `${plan.userId}:${plan.pingKey}`).sort(), ['due-30:m30', 'due-late:m-1', 'no-chat:m7']);
    await connector.waitFor((received) => received.length === 2);
    await settle();
    assert.match(visibleText(connector.in('a:due-30')[0]), /30 gün sonra doluyor/);
    assert.match(visibleText(connector.in('a:due-late')[0]), /ıslak imzalı form/);
    assert.equal(first.counters.sent, 2);
    assert.equal(first.counters.skipped.noReference, 1);
    await first.close();

    const restarted = instance();
    await restarted.engine.start();
    const again = await restarted.engine.scanNow();
    assert.deepEqual(again.plans.map((plan) => plan.userId), ['no-chat'], 'sent milestones are not planned again');
    await settle(1000);
    assert.equal(connector.received.length, 2);
  });

  it('429 with Retry-After: waits as told and the ping arrives exactly once', async () => {
    const bot = instance();
    await enrol(bot, 'busy', '2027-03-31');
    const refusals: number[] = [];
    connector.respond = () => {
      if (refusals.length >= 5) return undefined;
      refusals.push(Date.now());
      return { status: 429, headers: { 'retry-after': '1' } };
    };
    await bot.engine.start();
    await bot.engine.scanNow();
    const [sent] = await connector.waitFor((received) => received.length === 1, 20_000);
    await settle(1500);
    assert.equal(connector.received.length, 1);
    assert.equal(refusals.length, 5);
    const waits = refusals.slice(1).map((at, index) => at - refusals[index]);
    assert.ok(waits.every((wait) => wait >= 950), `each retry waited Retry-After (1 s): ${waits.join(', ')}`);
    assert.ok(sent);
    assert.equal(bot.counters.sent, 1);
  });

  for (const status of [403, 404]) {
    it(`${status}: the reference is dropped and the ping counted as failed, not retried`, async () => {
      const bot = instance();
      await enrol(bot, 'gone', '2027-03-31');
      let calls = 0;
      connector.respond = () => {
        calls++;
        return { status };
      };
      await bot.engine.start();
      await bot.engine.scanNow();
      const deadline = Date.now() + 5000;
      while (bot.counters.failed === 0 && Date.now() < deadline) await settle(50);
      assert.equal(bot.counters.failed, 1);
      assert.equal(await bot.references.has('gone'), false);
      await settle(800);
      assert.equal(calls, 1);
    });
  }

  it('"Başvurdum" stops the pings; snooze moves them a week; a new certificate starts over', async () => {
    const bot = instance();
    await enrol(bot, 'applied', '2027-03-08');
    await enrol(bot, 'snoozer', '2027-03-08');
    await bot.roster.markApplied('applied', '2027-03-08', now);
    await bot.roster.snooze('snoozer', '2027-03-08', '2027-03-08', now);
    await bot.engine.start();
    const monday = await bot.engine.scanNow();
    assert.deepEqual(monday.plans, []);
    assert.deepEqual(monday.skipped, { optedOut: ['applied'], snoozed: ['snoozer'] });

    now = new Date('2027-03-08T09:05:00+03:00');
    const nextMonday = await bot.engine.scanNow();
    assert.deepEqual(nextMonday.plans.map((plan) => `${plan.userId}:${plan.pingKey}`), ['snoozer:s2027-03-08']);
    await connector.waitFor((received) => received.length === 1);
    assert.match(visibleText(connector.received[0]), /bugün doluyor/);

    await bot.roster.record({ userId: 'applied', expiry: '2030-04-07', source: 'agent' }, now);
    assert.equal((await bot.roster.get('applied'))?.appliedAt, undefined);
    const renewed = await bot.engine.scanNow();
    assert.deepEqual(renewed.plans.map((plan) => `${plan.userId}:${plan.pingKey}`), []);
    now = new Date('2030-03-08T09:05:00+03:00');
    const later = await bot.engine.scanNow();
    assert.deepEqual(later.plans.map((plan) => `${plan.userId}:${plan.expiry}:${plan.pingKey}`), ['applied:2030-04-07:m30']);
  });

  it('two instances, one SIGKILLed mid-wave in its own process: every due user gets exactly one ping', async () => {
    const users = Array.from({ length: 40 }, (_, index) => `wave-${String(index).padStart(2, '0')}`);
    const survivor = instance({ ratePerSecond: 20, lockDurationMs: 1500 });
    for (const user of users) await enrol(survivor, user, '2027-03-31');
    const doomed = spawn(process.execPath, ['--import', TSX_LOADER, resolve(__dirname, 'doomedInstance.ts'), redis.url, prefix, now.toISOString(), '12'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => doomed.once('exit', (_code, signal) => done(signal)));
    let output = '';
    doomed.stdout!.on('data', (chunk) => (output += String(chunk)));
    try {
      await until(() => output.includes('scanned'), 20_000, 'the doomed instance scans');
      await survivor.engine.start();
      await until(() => output.includes('hung'), 15_000, 'the doomed instance dies with a ping in flight');
    } finally {
      doomed.kill('SIGKILL');
    }
    assert.equal(await exited, 'SIGKILL');
    assert.ok(connector.received.length >= 12, 'the doomed instance sent its share before dying');
    await connector.waitFor((received) => new Set(received.map((activity) => activity.conversationId)).size === users.length, 25_000);
    await settle(2500);
    const perUser = new Map<string, number>();
    for (const activity of connector.received) perUser.set(activity.conversationId, (perUser.get(activity.conversationId) ?? 0) + 1);
    assert.deepEqual([...perUser.values()].filter((count) => count !== 1), [], 'nobody pinged twice');
    assert.equal(perUser.size, users.length, 'nobody missed');
    assert.ok(survivor.counters.sent > 0, 'the survivor took over');
    const rescan = await survivor.engine.scanNow();
    assert.deepEqual(rescan.plans, [], 'a later scan the same day finds everything sent');
  });
});
