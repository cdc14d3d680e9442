/**
 * Turn benchmark: `npm run --silent bench:turns [-- --conversations 50 --turns 40 --rounds 3]`.
 *
 * N concurrent Teams conversations (closed loop: each posts its next message as soon as the bot has
 * answered the last) drive, over real HTTP, in turn:
 *   - a bare botbuilder echo bot (CloudAdapter + MemoryStorage + ConversationState, restify, no dialogs),
 *   - eimza-bot (`bot/index.ts`, as `npm start` runs it) with memory state,
 *   - eimza-bot with Redis state (a redis-server of its own, spawned here).
 * Each bot runs in its own child process; this process is the load generator and the fake Bot
 * Connector that receives the replies. Every conversation walks the new-card PIN path: "merhaba",
 * the menu button, then "Tamam, sonraki adım" on each step card, and again. The echo bot gets the
 * same activities.
 *
 * Latency is one turn as Teams sees it: from the POST to /api/messages until its response. The
 * CloudAdapter answers the POST only after the turn has finished, and the turn awaits its replies
 * to the connector, so this includes sending the replies (and, for eimza-bot, the state round
 * trips to Redis).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Agent, request } from 'node:http';
import { FakeConnector, type ReceivedActivity } from '../test/support/fakeConnector';
import { freePort, TestRedisServer } from '../test/support/redisServer';
import { newConversationId, teamsMessage, type TeamsUser } from '../test/support/teams';
import { TSX_LOADER } from '../test/support/tsx';

const REPO = resolve(__dirname, '..');

export type Workload = 'path' | 'text';

export interface Options {
  workload: Workload;
  conversations: number;
  turns: number;
  warmupTurns: number;
  rounds: number;
}

export function readOptions(argv: string[]): Options {
  const flag = (name: string, envName: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    const raw = index >= 0 ? argv[index + 1] : process.env[envName];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} (${envName}) must be a positive integer, got ${raw}`);
    return value;
  };
  const workloadAt = argv.indexOf('--workload');
  const workload = (workloadAt >= 0 ? argv[workloadAt + 1] : process.env.BENCH_WORKLOAD) ?? 'path';
  if (workload !== 'path' && workload !== 'text') throw new Error(`--workload must be path or text, got ${workload}`);
  return {
    workload,
    conversations: flag('conversations', 'BENCH_CONVERSATIONS', 50),
    turns: flag('turns', 'BENCH_TURNS', 40),
    warmupTurns: flag('warmup', 'BENCH_WARMUP_TURNS', 10),
    rounds: flag('rounds', 'BENCH_ROUNDS', 5),
  };
}

// ---------------------------------------------------------------------------------------------
// The baseline: a bare botbuilder echo bot, run as `tsx bench/turns.ts --serve-echo <port>`.

async function serveEcho(port: number): Promise<void> {
  const restify = await import('restify');
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } = await import('botbuilder');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const conversationState = new ConversationState(new MemoryStorage());
  const turns = conversationState.createProperty<number>('turns');
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') {
        const count = (await turns.get(context, 0)) + 1;
        await turns.set(context, count);
        await context.sendActivity(`echo ${count}: ${context.activity.text ?? JSON.stringify(context.activity.value ?? {})}`);
      }
      await conversationState.saveChanges(context);
    });
  });
  server.get('/healthz', async (_req, res) => void res.send(200, { status: 'ok' }));
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------
// Targets.

export interface Target {
  name: string;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
  /** The Authorization header every POST carries (none: the bot checks no token). */
  authorization?: string;
}

function spawnServer(args: string[], env: Record<string, string>): ChildProcess {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bots under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, '--import', TSX_LOADER, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function startChild(args: string[], env: Record<string, string>, port: number) {
  const child = spawnServer(args, env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not start`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const echoTarget: Target = {
  name: 'baseline: botbuilder echo (memory)',
  async start() {
    const port = await freePort();
    return startChild([resolve(__filename), '--serve-echo', String(port)], {}, port);
  },
};

function eimzaTarget(name: string, redis?: TestRedisServer): Target {
  return {
    name,
    async start() {
      const port = await freePort();
      const env: Record<string, string> = { PORT: String(port), LOG_LEVEL: 'info' };
      if (redis) Object.assign(env, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `bench${Date.now()}:` });
      return startChild([resolve(REPO, 'bot/index.ts')], env, port);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The load.

interface ConversationScript {
  id: string;
  /** A personal chat belongs to one person: each conversation has its own user. */
  user: TeamsUser;
  /** What the bot's last card offers as "next step", if anything. */
  next?: Record<string, unknown>;
  stage: 'greet' | 'open' | 'walk';
}

export interface Measurement {
  turns: number;
  seconds: number;
  latencies: number[];
  errors: number;
}

const TEXT_QUESTIONS = [
  'yeni kartımın pinini nasıl öğrenirim',
  'e-imzamın süresi doluyor ne yapmalıyım',
  'pinimi 3 kere yanlış girdim kilitlendi',
  'kartımı kaybettim',
];

const STORAGE_APOLOGY = 'Kısa bir teknik sorun var';
const GENERIC_APOLOGY = 'Üzgünüm, bir şeyler ters gitti';

export class LoadDriver {
  private readonly scripts = new Map<string, ConversationScript>();
  private apologies = 0;
  private textTurn = 0;

  /** `authorization`: the Bot Connector's token, sent with every POST (as Teams reuses one for an hour). */
  constructor(private readonly connector: FakeConnector, private readonly workload: Workload, private readonly authorization?: string) {
    connector.respond = (activity) => {
      this.observe(activity);
      return undefined;
    };
  }

  /** Runs `turnsPerConversation` turns in each of `conversations` conversations at once. */
  async run(url: string, conversations: ConversationScript[], turnsPerConversation: number): Promise<Measurement> {
    const latencies: number[] = [];
    let errors = 0;
    this.apologies = 0;
    const started = performance.now();
    await Promise.all(conversations.map(async (script) => {
      for (let turn = 0; turn < turnsPerConversation; turn++) {
        const body = JSON.stringify(this.nextActivity(script));
        const sent = performance.now();
        try {
          if ((await post(`${url}/api/messages`, body, this.authorization)) !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - sent);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    this.connector.clear();
    return { turns: latencies.length, seconds, latencies, errors: errors + this.apologies };
  }

  newConversations(count: number): ConversationScript[] {
    return Array.from({ length: count }, () => {
      const id = newConversationId();
      const user: TeamsUser = { id: `29:bench-${id}`, aadObjectId: randomUUID(), name: 'Bench Kullanıcı' };
      const script: ConversationScript = { id, user, stage: 'greet' };
      this.scripts.set(script.id, script);
      return script;
    });
  }

  private nextActivity(script: ConversationScript) {
    const base = { serviceUrl: this.connector.serviceUrl, conversationId: script.id, user: script.user };
    if (this.workload === 'text') {
      // Typed messages only: "menü" (a command: the menu card), then a question the recognizer routes to a path.
      script.stage = script.stage === 'greet' ? 'open' : 'greet';
      return teamsMessage({ ...base, text: script.stage === 'open' ? 'menü' : TEXT_QUESTIONS[(this.textTurn++) % TEXT_QUESTIONS.length] });
    }
    switch (script.stage) {
      case 'greet':
        script.stage = 'open';
        return teamsMessage({ ...base, text: 'merhaba' });
      case 'open':
        script.stage = 'walk';
        script.next = undefined;
        return teamsMessage({ ...base, value: { verb: 'path.newCardPin' } });
      case 'walk': {
        const next = script.next;
        script.next = undefined;
        if (!next) {
          script.stage = 'open';
          return teamsMessage({ ...base, text: 'menü' });
        }
        return teamsMessage({ ...base, value: next });
      }
    }
  }

  /** Called by the fake connector for every reply: remembers each conversation's "next step" button. */
  private observe(activity: ReceivedActivity): void {
    if (activity.operation !== 'send') return;
    const script = this.scripts.get(activity.conversationId);
    const card = activity.attachments?.[0]?.content as { actions?: { data?: Record<string, unknown> }[]; body?: unknown } | undefined;
    if (!script || !card) return;
    const next = card.actions?.find((action) => action.data?.verb === 'answer' && action.data?.choice === 'next')?.data;
    if (next) script.next = next;
    const title = JSON.stringify(card.body ?? '');
    if (title.includes(STORAGE_APOLOGY) || title.includes(GENERIC_APOLOGY)) this.apologies++;
  }
}

/** One keep-alive connection per conversation, as the Bot Connector keeps its connections open. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 1000 });

function post(url: string, body: string, authorization?: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', agent: keepAlive, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(authorization ? { authorization } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// Report.

export interface Result {
  target: string;
  rounds: Measurement[];
  best: Measurement;
  median: Measurement;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function throughput(measurement: Measurement): number {
  return measurement.turns / measurement.seconds;
}

export function summarise(target: string, rounds: Measurement[]): Result {
  const byThroughput = [...rounds].sort((a, b) => throughput(a) - throughput(b));
  return { target, rounds, best: byThroughput[byThroughput.length - 1], median: byThroughput[Math.floor(byThroughput.length / 2)] };
}

/** Median over rounds of (target / baseline in the same round): robust to a machine whose load drifts. */
export function pairedRatio(result: Result, baseline: Result): number {
  const ratios = result.rounds.map((round, index) => throughput(round) / throughput(baseline.rounds[index])).sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)];
}

export function printTable(results: Result[], options: Options): void {
  const rows = results.map((result) => {
    const sorted = [...result.median.latencies].sort((a, b) => a - b);
    return [
      result.target,
      String(result.median.turns),
      throughput(result.median).toFixed(0),
      `${result.rounds.map((round) => throughput(round).toFixed(0)).join(' / ')}`,
      percentile(sorted, 50).toFixed(1),
      percentile(sorted, 95).toFixed(1),
      percentile(sorted, 99).toFixed(1),
      String(result.median.errors),
      pairedRatio(result, results[0]).toFixed(2),
    ];
  });
  const header = ['target', 'turns', 'turns/s (median round)', 'turns/s per round', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'vs baseline (median of per-round ratios)'];
  console.log(`\nworkload "${options.workload}": ${options.conversations} concurrent conversations × ${options.turns} turns (after ${options.warmupTurns} warm-up turns each), ${options.rounds} rounds; latency = POST until its response (includes sending the replies)\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const redis = results.find((result) => result.target.includes('Redis'));
  if (redis) {
    const ratio = pairedRatio(redis, results[0]);
    console.log(`\neimza-bot (Redis) / baseline throughput: ${ratio.toFixed(2)} — target ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'MISSED'}`);
  }
}

/**
 * Round-robin: in each round every target is started fresh, warmed up and measured under the same
 * load, so a busy moment of the machine hits every target alike. One result per target.
 */
export async function measureRounds(targets: readonly Target[], connector: FakeConnector, options: Options): Promise<Result[]> {
  const measurements = new Map<string, Measurement[]>(targets.map((target) => [target.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of targets) {
      const server = await target.start();
      try {
        const driver = new LoadDriver(connector, options.workload, target.authorization);
        const conversations = driver.newConversations(options.conversations);
        await driver.run(server.url, conversations, options.warmupTurns);
        const measurement = await driver.run(server.url, conversations, options.turns);
        measurements.get(target.name)!.push(measurement);
        process.stderr.write(`round ${round}: ${target.name}: ${throughput(measurement).toFixed(0)} turns/s, ${measurement.errors} errors\n`);
      } finally {
        await server.stop();
      }
    }
  }
  return targets.map((target) => summarise(target.name, measurements.get(target.name)!));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const serveEchoAt = process.argv.indexOf('--serve-echo');
  if (serveEchoAt >= 0) return serveEcho(Number(process.argv[serveEchoAt + 1]));

  const options = readOptions(process.argv.slice(2));
  const connector = await new FakeConnector().start();
  const redis = await new TestRedisServer().start();
  const targets = [echoTarget, eimzaTarget('eimza-bot, memory state'), eimzaTarget('eimza-bot, Redis state', redis)];
  try {
    printTable(await measureRounds(targets, connector, options), options);
  } finally {
    keepAlive.destroy();
    await connector.stop();
    await redis.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
