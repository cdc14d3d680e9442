/**
 * bench:requests — "talepler" (the desk's list, with its filters) and "talepler csv" over 10,000
 * open renewal requests (and 20,000 closed ones) in a real Redis, reading the indexes, against a
 * baseline in the same script that SCANs every request key and filters (what the indexes avoid).
 * Prints a table; figures go in bench/README.md.
 *   npm run bench:requests [-- --open 10000 --closed 20000 --rounds 5]
 */
import { Redis } from 'ioredis';
import { createLogger } from '../bot/logger';
import { ProactiveMessenger } from '../bot/proactive';
import { TurnOutbox } from '../bot/turnOutbox';
import { WorkingHours } from '../bot/handoff/workingHours';
import { RequestService } from '../bot/requests';
import { loadPolicy } from '../domain/policy';
import { addDays, istanbulDate } from '../domain/dates';
import { ExpiryRoster } from '../state/expiryRoster';
import { RedisRequestStore } from '../state/redisRequestStore';
import { NUMBER_PLACEHOLDER, type RenewalRequest } from '../state/requestStore';
import { TestRedisServer } from '../test/support/redisServer';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const OPEN = argument('open', 10_000);
const CLOSED = argument('closed', 20_000);
const ROUNDS = argument('rounds', 5);
const NOW = new Date('2026-03-10T10:00:00+03:00');
const policy = loadPolicy();
const OPEN_STATUSES = policy.requestStatuses.statuses.filter((status) => !status.closed).map((status) => status.id);

function draft(index: number): RenewalRequest {
  const at = new Date(NOW.getTime() - (index % 500) * 3_600_000).toISOString();
  const status = OPEN_STATUSES[index % OPEN_STATUSES.length];
  return {
    number: NUMBER_PLACEHOLDER,
    requester: { userId: `user-${index}`, teamsId: `29:${index}`, name: `Kişi Çağrı ${index}`, upn: `kisi${index}@kurum.gov.tr`, unit: 'Strateji Geliştirme', conversationId: `a:${index}`, ref: { conversation: { id: `a:${index}` } as never }, locale: 'tr' },
    reason: index % 3 ? 'normalExpiry' : 'lostOrStolen', role: 'administrative', payer: 'institution', feeSource: 'F2', late: index % 7 === 0,
    expiry: addDays(istanbulDate(NOW), -20 + (index % 90)), expirySource: 'import', status,
    history: [{ at, by: { kind: 'user', name: `Kişi ${index}` }, to: status }],
    createdAt: at, updatedAt: at, statusSince: at, dueAt: new Date(NOW.getTime() + ((index % 20) - 10) * 86_400_000).toISOString(), version: 1,
  };
}

async function load(store: RedisRequestStore): Promise<void> {
  const cancelled = policy.requestStatuses.withdrawTo;
  for (let start = 0; start < OPEN + CLOSED; start += 200) {
    await Promise.all(Array.from({ length: Math.min(200, OPEN + CLOSED - start) }, async (_, offset) => {
      const index = start + offset;
      const { request } = await store.create(draft(index), 'EI', 2026);
      if (index >= OPEN) await store.replace({ ...request, status: cancelled, version: 2 }, false);
    }));
  }
}

/** The baseline: every request key by SCAN, each read, the open ones kept (what "talepler" would cost without indexes). */
async function scanAll(redis: Redis, prefix: string): Promise<RenewalRequest[]> {
  const open: RenewalRequest[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}r:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) {
      for (const json of await redis.mget(...keys)) {
        const request = json ? (JSON.parse(json) as RenewalRequest) : undefined;
        if (request && OPEN_STATUSES.includes(request.status)) open.push(request);
      }
    }
  } while (cursor !== '0');
  return open.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function best(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return Math.min(...times);
}

async function main(): Promise<void> {
  const server = await new TestRedisServer().start();
  const redis = new Redis(server.url);
  try {
    const prefix = 'bench:requests:';
    const store = new RedisRequestStore(redis, prefix);
    const started = performance.now();
    await load(store);
    console.log(`${OPEN} open + ${CLOSED} closed requests created through the store in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const service = new RequestService({
      store, policy, roster: new ExpiryRoster(), messenger: new ProactiveMessenger(undefined as never, ''), outbox: new TurnOutbox(),
      hours: new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' }), log: createLogger('silent'), now: () => NOW,
      deskLocale: 'tr', desk: async () => undefined, isMember: () => true, publicUrl: () => 'http://localhost', linkTtlSeconds: 3600, numberPrefix: 'EI',
    });
    const csv = await service.csv();
    const baseline = await scanAll(redis, prefix);
    if (csv.count !== OPEN || baseline.length !== OPEN) throw new Error(`expected ${OPEN} open, csv ${csv.count}, scan ${baseline.length}`);

    const rows: [string, number][] = [
      ['"talepler" (newest 15 of all open)', await best(() => service.listCard(''))],
      ['"talepler geciken"', await best(() => service.listCard('geciken'))],
      ['"talepler bu ay"', await best(() => service.listCard('bu ay'))],
      ['"talepler kart geldi" (one status)', await best(() => service.listCard('kart geldi'))],
      ['"talepler csv" (all open, CSV built)', await best(() => service.csv())],
      ['baseline: SCAN every request key + filter', await best(() => scanAll(redis, prefix))],
    ];
    console.log(`best of ${ROUNDS} rounds; CSV ${(Buffer.byteLength(csv.text) / 1024).toFixed(0)} KiB, ${csv.count} rows`);
    console.log('| operation | time (ms) |');
    console.log('|---|---:|');
    for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} |`);
    const scan = rows[rows.length - 1][1];
    console.log(`ratio to the scan baseline: "talepler" x${(scan / rows[0][1]).toFixed(1)} faster, CSV x${(scan / rows[4][1]).toFixed(2)}`);
  } finally {
    redis.disconnect();
    await server.destroy();
  }
}

void main();
