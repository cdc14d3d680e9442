/**
 * npm run e2e: the bot in a real Teams-like client. Starts the bot and Microsoft 365 Agents
 * Playground (channel msteams), drives the Playground in headless Chromium, types
 * "kartımı kaybettim", checks the lost-card card and presses its buttons, and leaves screenshots
 * in out/e2e/ (with --update-docs, also in docs/screenshots/ for the README).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { freePort } from '../test/support/redisServer';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'out', 'e2e');
const DOCS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Check { name: string; run: (page: Page) => Promise<void> }

const checks: Check[] = [
  {
    name: 'the welcome and the Turkish menu are shown',
    run: async (page) => {
      await page.getByText('Size nasıl yardımcı olabilirim?').last().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Kayıp/Çalıntı kart' }).last().waitFor();
    },
  },
  {
    name: '"kartımı kaybettim" opens the lost-card card with the suspension path',
    run: async (page) => {
      await send(page, 'kartımı kaybettim');
      await page.getByText('Önce sertifikanızı askıya alın').last().waitFor({ timeout: 15_000 });
      await page.getByText('Sertifikamı İptal Et → Askıya Alma').last().waitFor();
      await page.getByText('444 5 576').last().waitFor();
      await page.screenshot({ path: join(OUT, '1-lost-card.png') });
    },
  },
  {
    name: '"Yapamadım" offers the phone line and a person, then asks again',
    run: async (page) => {
      await page.getByRole('button', { name: 'Yapamadım' }).last().click();
      await page.getByText('Askıya alma için başka bir yol').last().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Yetkiliye bağlan' }).last().waitFor();
    },
  },
  {
    name: '"Askıya aldım" asks the role, then records the renewal request and says who pays',
    run: async (page) => {
      await page.getByRole('button', { name: 'Askıya aldım' }).last().click();
      await page.getByText('İdari göreviniz var mı?').last().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'İdari görevim yok' }).last().click();
      await page.getByText('Yeni kart için yenileme talebinizi oluşturdum').last().waitFor({ timeout: 15_000 });
      await page.getByText('Siz ödersiniz').last().waitFor();
      await page.screenshot({ path: join(OUT, '2-request-recorded.png') });
    },
  },
];

async function send(page: Page, text: string): Promise<void> {
  // The compose box is a Lexical editor (contenteditable), not an <input>.
  const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  let bot: ChildProcess | undefined;
  let playground: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  let passed = 0;
  let failed = 0;
  try {
    bot = start('npx', ['tsx', 'bot/index.ts'], { PORT: String(botPort), LOG_LEVEL: 'warn', REDIS_URL: '' });
    await waitForHttp(`http://127.0.0.1:${botPort}/healthz`);
    playground = start('npx', ['agentsplayground', '--app-endpoint', `http://127.0.0.1:${botPort}/api/messages`, '--channel-id', 'msteams', '--disable-telemetry', '--port', String(playgroundPort)], { LANG: 'tr_TR.UTF-8', BROWSER: 'none' });
    await waitForHttp(`http://127.0.0.1:${playgroundPort}/`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'tr-TR' });
    await page.goto(`http://127.0.0.1:${playgroundPort}/`, { waitUntil: 'networkidle' });
    for (const check of checks) {
      try {
        await check.run(page);
        passed++;
        console.log(`✔ ${check.name}`);
      } catch (error) {
        failed++;
        console.log(`✘ ${check.name}: ${(error as Error).message.split('\n')[0]}`);
        await page.screenshot({ path: join(OUT, `failed-${passed + failed}.png`) });
        break;
      }
    }
  } finally {
    await browser.close();
    stop(playground);
    stop(bot);
  }
  failed += checks.length - passed - failed;
  if (failed === 0 && process.argv.includes('--update-docs')) {
    mkdirSync(DOCS, { recursive: true });
    for (const name of ['1-lost-card.png', '2-request-recorded.png']) copyFileSync(join(OUT, name), join(DOCS, name));
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(1);
});
