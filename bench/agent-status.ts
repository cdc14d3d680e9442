/**
 * Benchmark of the paired agent: `npm run --silent bench:agent`.
 * Start-up time and peak memory of `eimza-agent --help` and `eimza-agent status --json`
 * (a real read: private pcscd + vpcd virtual AKIS card + SoftHSM2 token), against bare
 * `node -e 0` and `node -r tsx/cjs -e 0` in the same run, and the same for the single executable
 * (`npm run agent:build`, built when its sources changed) with its size; plus warm in-process reads
 * (what a probe costs once `run` is up) and the signed probe round trip over a loopback
 * WebSocket against the test bot server. Prints markdown tables (pasted into
 * paired-agent/README.md). Needs root for the private pcscd (unshare -m), like the tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureAgentBuilt } from '../scripts/agent-build';
import { loadConfig } from '../paired-agent/config';
import { readCardReport } from '../paired-agent/status';
import { AgentLink } from '../paired-agent/link';
import { loadDevice, pairDevice } from '../paired-agent/pairing';
import { TestBotServer } from '../test/agent/helpers/test-bot-server';
import { sharedPcscd, waitForReaders } from '../test/agent/helpers/private-pcscd';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken } from '../test/agent/helpers/softhsm-token';
import { VirtualCard } from '../test/agent/helpers/vpcd-card';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_READS = Number(process.env.BENCH_WARM_READS ?? 50);
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'paired-agent', 'bin', 'eimza-agent.js');

interface Sample {
  ms: number;
  rssMb: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `command args` once; peak RSS comes from a preload (NODE_OPTIONS, which the single executable honours too) that records maxRSS at exit. */
function runOnce(command: string, args: string[], env: NodeJS.ProcessEnv, probe: string, rssFile: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    execFile(
      command,
      args,
      { env: { ...env, NODE_OPTIONS: `--require ${probe}`, BENCH_RSS_FILE: rssFile }, cwd: ROOT },
      (err) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (err) return reject(err);
        resolve({ ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
      },
    );
  });
}

async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, probe: string, rssFile: string): Promise<Sample[]> {
  await runOnce(command, args, env, probe, rssFile); // warm the file cache
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await runOnce(command, args, env, probe, rssFile));
  return samples;
}

/** The single executable's very first start on a PC: a new cache folder each run, so the addons are written and checked. */
async function measureFirstStart(command: string, args: string[], env: NodeJS.ProcessEnv, probe: string, rssFile: string, work: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cache = join(work, `first-start-${i}`);
    samples.push(await runOnce(command, args, { ...env, XDG_CACHE_HOME: cache }, probe, rssFile));
    rmSync(cache, { recursive: true, force: true });
  }
  return samples;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'eimza-bench-'));
  const probe = join(work, 'rss-probe.js');
  const rssFile = join(work, 'rss');
  writeFileSync(
    probe,
    "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  const pcscd = await sharedPcscd();
  const port = await pcscd.setVpcdReader('Bench Reader');
  await pcscd.restartDaemon();
  const token = SoftHsmToken.create('AKIS_BE0C4BE0C4BE0C4B', KAMU_SM_TEST_CA, [
    AYSE_SIGNING_CERT,
  ]);
  const card = VirtualCard.fromHex(port, '3BBA11008131FE4D55454B41452056312E30AE');
  try {
    await card.insert();
    await waitForReaders((readers) => readers.some((r) => r.cardPresent), 'the bench card');
    const env = { ...token.env, EIMZA_PKCS11_LIB: SOFTHSM_LIB, XDG_CONFIG_HOME: work };

    const node = process.execPath;
    const single = (await ensureAgentBuilt()).executable;
    const seaEnv = { ...env, XDG_CACHE_HOME: join(work, 'cache') };
    const rows: Array<[string, Sample[]]> = [
      ['`node -e 0` (baseline)', await measure(node, ['-e', '0'], env, probe, rssFile)],
      ['`node -r tsx/cjs -e 0` (tsx baseline)', await measure(node, ['-r', 'tsx/cjs', '-e', '0'], env, probe, rssFile)],
      ['`eimza-agent --help` (in-repo, tsx)', await measure(node, [BIN, '--help'], env, probe, rssFile)],
      ['`eimza-agent status --json` (in-repo, tsx; card + token)', await measure(node, [BIN, 'status', '--json'], env, probe, rssFile)],
      ['single executable `--help`', await measure(single, ['--help'], seaEnv, probe, rssFile)],
      ['single executable `status --json` (card + token)', await measure(single, ['status', '--json'], seaEnv, probe, rssFile)],
      ['single executable `status --json`, first start (addons written + checked)', await measureFirstStart(single, ['status', '--json'], env, probe, rssFile, work)],
    ];
    const built = await ensureAgentBuilt();
    const sizes = [built.executable, built.deb].filter((file): file is string => Boolean(file)).map((file) => `${basename(file)} ${(statSync(file).size / 1e6).toFixed(1)} MB`);

    const config = { ...loadConfig({ XDG_CONFIG_HOME: work, EIMZA_PKCS11_LIB: SOFTHSM_LIB }), lang: 'tr' as const };
    const warm: number[] = [];
    await readCardReport({ config });
    for (let i = 0; i < WARM_READS; i++) {
      const t0 = process.hrtime.bigint();
      await readCardReport({ config });
      warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }

    // Probe round trip on loopback: test bot server -> WebSocket -> agent read -> signed answer.
    const server = await TestBotServer.start();
    const probeMs: number[] = [];
    let link: AgentLink | null = null;
    try {
      await pairDevice({ config, code: server.issueCode(), server: server.url });
      const device = loadDevice(config)!;
      link = new AgentLink({ device, monitor: null, readReport: () => readCardReport({ config }) });
      const welcomed = new Promise<void>((r) => link!.once('welcome', () => r()));
      link.start();
      await welcomed;
      await server.probe(device.record.deviceId);
      for (let i = 0; i < WARM_READS; i++) {
        const t0 = process.hrtime.bigint();
        const answer = await server.probe(device.record.deviceId);
        if (!answer.ok) throw new Error(answer.error.code);
        probeMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    } finally {
      await link?.close();
      await server.stop();
    }

    const f = (n: number): string => n.toFixed(1);
    console.log(`Node ${process.version}, ${RUNS} runs each (after one warm-up), ${new Date().toISOString().slice(0, 10)}\n`);
    console.log('| command | wall p50 (ms) | wall p95 (ms) | peak RSS p50 (MB) |');
    console.log('|---|---:|---:|---:|');
    for (const [name, samples] of rows) {
      const ms = samples.map((s) => s.ms);
      const rss = samples.map((s) => s.rssMb);
      console.log(`| ${name} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 95))} | ${f(percentile(rss, 50))} |`);
    }
    console.log(`\nSizes: ${sizes.join(', ')}`);
    console.log(`\nWarm in-process read (PC/SC list + PKCS#11 open/read/close + report), ${WARM_READS} reads:`);
    console.log(`p50 ${f(percentile(warm, 50))} ms, p99 ${f(percentile(warm, 99))} ms; bench process RSS ${f(process.memoryUsage().rss / 1048576)} MB`);
    console.log(`\nProbe round trip bot -> agent -> bot on loopback (signed, includes the card read), ${WARM_READS} probes:`);
    console.log(`p50 ${f(percentile(probeMs, 50))} ms, p99 ${f(percentile(probeMs, 99))} ms`);
  } finally {
    card.remove();
    token.destroy();
    await pcscd.stopDaemon();
    pcscd.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
