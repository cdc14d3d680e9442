/**
 * bench:reminders — the daily scan over a 200,000-person roster in a real Redis (time, memory,
 * Redis reads) against a naive full scan of the same roster, and the pacing of a wave of pings
 * through BullMQ against the configured rate. Prints a table; figures go in bench/README.md.
 *   npm run bench:reminders [-- --people 200000 --wave 300 --rate 30]
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Redis } from 'ioredis';
import { createLogger } from '../bot/logger';
import { loadPolicy } from '../domain/policy';
import { addDays, istanbulDate } from '../domain/dates';
import { BullReminderEngine } from '../bot/reminders/bullReminderEngine';
import { PingDelivery } from '../bot/reminders/pingDelivery';
import { ProactiveMessenger } from '../bot/proactive';
import { ReminderCounters } from '../bot/reminders/reminderCounters';
import { ReminderScan } from '../bot/reminders/reminderScan';
import { SendWindow } from '../bot/reminders/sendWindow';
import { ConversationReferenceStore } from '../state/conversationReferences';
import { ExpiryRoster } from '../state/expiryRoster';
import { RedisPingLedger } from '../state/redisPingLedger';
import { RedisRosterBackend } from '../state/redisRosterBackend';
import { dayNumber, type RosterRecord } from '../state/rosterRecord';
import { TestRedisServer } from '../test/support/redisServer';
import { logSink } from '../test/support/logs';
import { FakeConnector } from '../test/support/fakeConnector';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const PEOPLE = argument('people', 200_000);
const WAVE = argument('wave', 300);
const RATE = argument('rate', 30);
const NOW = new Date('2027-03-02T09:00:00+03:00');
const policy = loadPolicy();

async function load(redis: Redis, prefix: string, people: number): Promise<void> {
  const today = istanbulDate(NOW);
  for (let start = 0; start < people; start += 5000) {
    const pipeline = redis.pipeline();
    for (let index = start; index < Math.min(people, start + 5000); index++) {
      const record: RosterRecord = { userId: `user-${index}`, expiry: addDays(today, -30 + (index * 7919) % (3 * 365)), source: 'import', name: `Kişi ${index}`, remind: false, updatedAt: NOW.toISOString() };
      pipeline.set(`${prefix}roster:u:${record.userId}`, JSON.stringify(record));
      pipeline.zadd(`${prefix}roster:byExpiry`, dayNumber(record.expiry), record.userId);
    }
    await pipeline.exec();
  }
}

async function measure<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; heapMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 5);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { result, ms, heapMb: (peak - heapBefore) / 1048576 };
}

async function main(): Promise<void> {
  const server = await new TestRedisServer().start();
  const redis = server.client();
  const log = createLogger('silent', logSink().stream);
  try {
    const prefix = 'bench:';
    const loadStarted = performance.now();
    await load(redis, prefix, PEOPLE);
    const loadMs = performance.now() - loadStarted;
    const roster = new ExpiryRoster(new RedisRosterBackend(redis, prefix));
    const ledger = new RedisPingLedger(redis, prefix);
    const scan = new ReminderScan(roster.backend, ledger, policy.reminders);
    const indexed = await measure(() => scan.run(NOW));
    const full = await measure(() => scan.runFullScan(NOW));
    const same = JSON.stringify(indexed.result.plans.map((plan) => plan.userId + plan.pingKey).sort()) === JSON.stringify(full.result.plans.map((plan) => plan.userId + plan.pingKey).sort());

    console.log(`roster: ${PEOPLE} people loaded in ${(loadMs / 1000).toFixed(1)} s; Redis used ${(await redis.info('memory')).match(/used_memory_human:(\S+)/)?.[1]}`);
    console.log('| scan | people read | pings planned | time | heap growth |');
    console.log('|---|---|---|---|---|');
    console.log(`| date index (ours) | ${indexed.result.candidates} | ${indexed.result.plans.length} | ${indexed.ms.toFixed(0)} ms | ${indexed.heapMb.toFixed(1)} MB |`);
    console.log(`| full scan (baseline) | ${full.result.candidates} | ${full.result.plans.length} | ${full.ms.toFixed(0)} ms | ${full.heapMb.toFixed(1)} MB |`);
    console.log(`ratio: ${(full.ms / indexed.ms).toFixed(1)}x faster, ${(full.result.candidates / Math.max(1, indexed.result.candidates)).toFixed(0)}x fewer records read; same plans: ${same}`);

    await pacing(server.url, log);
  } finally {
    await redis.quit();
    await server.destroy();
  }
}

/** A wave of WAVE due users through BullMQ at RATE/s into the fake connector: achieved rate and the busiest second. */
async function pacing(url: string, log: ReturnType<typeof createLogger>): Promise<void> {
  const prefix = 'pace:';
  const redis = new Redis(url);
  const connector = await new FakeConnector().start();
  const roster = new ExpiryRoster(new RedisRosterBackend(redis, prefix));
  const references = new ConversationReferenceStore(redis, prefix);
  const ledger = new RedisPingLedger(redis, prefix);
  const today = istanbulDate(NOW);
  for (let index = 0; index < WAVE; index++) {
    const userId = `wave-${index}`;
    await roster.record({ userId, expiry: addDays(today, 30), source: 'import' }, NOW);
    await references.save({ userId, reference: { channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: `a:${userId}`, isGroup: false, conversationType: 'personal', name: '' }, bot: { id: '28:b', name: 'b' }, user: { id: `29:${userId}`, name: userId } }, savedAt: NOW.toISOString() });
  }
  const arrivals: number[] = [];
  connector.respond = () => {
    arrivals.push(performance.now());
    return undefined;
  };
  const counters = new ReminderCounters();
  const delivery = new PingDelivery({
    roster, ledger, references, policy, counters, log, now: () => NOW, sender: new ProactiveMessenger(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    conversationIntervalMs: 1000, leaseMs: 30_000, defaultLocale: 'tr-TR',
  });
  const engines = [0, 1].map(() => new BullReminderEngine({
    redisUrl: url, prefix: `${prefix}bull`, delivery, scan: new ReminderScan(roster.backend, ledger, policy.reminders), window: new SendWindow(policy.reminders.window),
    counters, log, now: () => NOW, ratePerSecond: RATE, concurrency: 10, schedule: false,
  }));
  for (const engine of engines) await engine.start();
  await engines[0].scanNow();
  await connector.waitFor((received) => received.length >= WAVE, WAVE * 1000);
  const first = arrivals[0];
  const span = (arrivals[arrivals.length - 1] - first) / 1000;
  let busiest = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while (arrivals[i] - arrivals[j] >= 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  const achieved = (arrivals.length - 1) / span;
  console.log(`pacing: ${arrivals.length} pings by two instances in ${span.toFixed(2)} s = ${achieved.toFixed(1)}/s against ${RATE}/s configured (${((achieved / RATE - 1) * 100).toFixed(1)} %); busiest 1 s window: ${busiest}; duplicates: ${arrivals.length - new Set(connector.received.map((activity) => activity.conversationId)).size}`);
  for (const engine of engines) await engine.close();
  await connector.stop();
  await redis.quit();
}

main().then(() => process.exit(0), (error: Error) => {
  console.error(error);
  process.exit(1);
});
