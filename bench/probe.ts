/**
 * `npm run bench:probe`: the probe round trip bot -> agent -> bot on loopback, as a dialog asks
 * it ("Kartımı kontrol et"), direct (the socket is on this instance) vs through Redis pub/sub
 * (the user's turn on instance B, the agent's socket on instance A). Real redis-server, two bot
 * instances in this process, the real agent's AgentLink (signed Ed25519 answers) with a fixed
 * report (the card read itself, ~20 ms, is measured by bench:agent). Interleaved, after warm-up.
 */
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../bot/app';
import { loadConfig } from '../bot/config';
import { TestRedisServer } from '../test/support/redisServer';
import { logSink } from '../test/support/logs';
import { TestAgent } from '../test/agentLink/support';

const ROUNDS = Number(process.env.ROUNDS ?? 500);
const WARMUP = 50;

function quietApp(redisUrl: string | undefined, prefix: string): App {
  const env: Record<string, string> = { PORT: '0', LOG_LEVEL: 'silent', REMINDERS_ENABLED: 'false', REDIS_KEY_PREFIX: prefix };
  if (redisUrl) env.REDIS_URL = redisUrl;
  return createApp(loadConfig(env), { logDestination: logSink().stream });
}

async function pairAgent(app: App, port: number): Promise<{ agent: TestAgent; deviceId: string }> {
  const issued = await app.agentLink.service.issueCode({ userId: 'bench-user', userName: 'Bench', conversationId: 'c' });
  if (issued.kind !== 'issued') throw new Error('no code');
  const agent = new TestAgent();
  const code = await agent.pair(issued.code, `http://127.0.0.1:${port}`);
  if (code !== 0) throw new Error(`pair exited ${code}: ${agent.output.join('\n')}`);
  await agent.run();
  return { agent, deviceId: agent.device.record.deviceId };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples: number[]): { p50: number; p99: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const redis = await new TestRedisServer().start();
  const prefix = `bench${randomUUID()}:`;
  const a = quietApp(redis.url, prefix);
  const b = quietApp(redis.url, prefix);
  const memory = quietApp(undefined, `mem${randomUUID()}:`);
  const agents: TestAgent[] = [];
  try {
    const portA = await a.listen();
    await b.listen();
    const portM = await memory.listen();
    const onA = await pairAgent(a, portA);
    const onM = await pairAgent(memory, portM);
    agents.push(onA.agent, onM.agent);
    const kinds = {
      'direct, memory mode (no Redis)': () => memory.agentLink.hub.probe(onM.deviceId),
      'direct, Redis mode (socket on this instance)': () => a.agentLink.hub.probe(onA.deviceId),
      'via Redis pub/sub (socket on the other instance)': () => b.agentLink.hub.probe(onA.deviceId),
      'whole read for a turn, via Redis (probe + store + roster)': () => b.agentLink.service.readCard('bench-user'),
    };
    const samples = Object.fromEntries(Object.keys(kinds).map((k) => [k, [] as number[]]));
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      for (const [name, run] of Object.entries(kinds)) {
        const ms = await time(run);
        if (i >= WARMUP) samples[name].push(ms);
      }
    }
    console.log(`probe round trip, ${ROUNDS} rounds each (interleaved, after ${WARMUP} warm-up rounds), ms`);
    console.log('| path | p50 | p99 | mean |');
    console.log('|---|---:|---:|---:|');
    const stats = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summary(s)]));
    for (const [name, s] of Object.entries(stats)) console.log(`| ${name} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.mean.toFixed(2)} |`);
    const direct = stats['direct, Redis mode (socket on this instance)'];
    const routed = stats['via Redis pub/sub (socket on the other instance)'];
    console.log(`\nvia Redis / direct: p50 x${(routed.p50 / direct.p50).toFixed(2)}, p99 x${(routed.p99 / direct.p99).toFixed(2)}`);
  } finally {
    for (const agent of agents) await agent.close();
    await a.close();
    await b.close();
    await memory.close();
    await redis.destroy();
  }
}

main().then(() => process.exit(0), (error: Error) => {
  console.error(error);
  process.exit(1);
});
