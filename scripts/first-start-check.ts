/**
 * CI proof of the README's first command: a copy of the repository with no
 * node_modules, in a private mount namespace where the PC/SC headers cannot be seen (an empty
 * tmpfs over /usr/include/PCSC), runs `npm start`; the bot must install itself without any native
 * build and answer "merhaba" over real HTTP with the menu card (received by the fake Bot Connector).
 * Needs root (unshare -m) and the npm registry. `npx tsx scripts/first-start-check.ts`
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FakeConnector, buttonTitles } from '../test/support/fakeConnector';
import { newConversationId, postToBot, teamsMessage } from '../test/support/teams';

const ROOT = join(__dirname, '..');
const HIDDEN = '/usr/include/PCSC';
const START_TIMEOUT_MS = 5 * 60_000;

/** The files a fresh clone holds: tracked and new, not ignored (so no node_modules). */
function freshCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'eimza-first-start-')), 'eimza-bot');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const gone = exited();
    if (gone !== null) throw new Error(`npm start exited (${gone}) before the bot answered`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet (npm ci still running)
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the bot did not answer /healthz within ${START_TIMEOUT_MS / 1000} s`);
}

async function main(): Promise<void> {
  const dir = freshCopy();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const connector = await new FakeConnector().start();
  const hide = existsSync(HIDDEN) ? `mount -t tmpfs tmpfs ${HIDDEN} && ` : '';
  const script = `${hide}test ! -e ${HIDDEN}/winscard.h && exec npm start`;
  const env = { ...process.env, PORT: String(port), REDIS_URL: '', MicrosoftAppId: '', npm_config_nodedir: '' };
  const bot = spawn('unshare', ['-m', '--propagation', 'private', 'bash', '-c', script], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  bot.stdout.on('data', (chunk) => (output += chunk));
  bot.stderr.on('data', (chunk) => (output += chunk));
  let exit: string | null = null;
  bot.on('exit', (code, signal) => (exit = `${code ?? signal}`));
  const started = Date.now();
  try {
    await waitForHealth(url, () => exit);
    const conversationId = newConversationId();
    assert.equal(await postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, text: 'merhaba' })), 200);
    const received = await connector.waitFor((all) => all.some((activity) => buttonTitles(activity).includes('Yenileme')), 15_000);
    const menu = received.find((activity) => buttonTitles(activity).includes('Yenileme'))!;
    assert.ok(buttonTitles(menu).includes('Yetkiliye bağlan'), 'the menu card lacks its buttons');
    for (const native of ['pcsclite', 'pkcs11js']) {
      assert.ok(!existsSync(join(dir, 'node_modules', native)), `npm start installed ${native} (a native build)`);
    }
    const compiled = execFileSync('find', [join(dir, 'node_modules'), '-path', '*/build/Release/*.node'], { encoding: 'utf8' }).trim();
    assert.equal(compiled, '', `npm start compiled native code:\n${compiled}`);
    console.log(`first start OK: npm start on a fresh copy without ${HIDDEN} answered with the menu card in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(output.slice(-4000));
    throw err;
  } finally {
    if (exit === null) process.kill(-bot.pid!, 'SIGTERM');
    await connector.stop();
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
