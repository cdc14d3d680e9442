import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, configWarnings, isAuthEnabled, loadConfig } from '../../bot/config';
import { startBot } from '../support/botHarness';
import { TSX_LOADER } from '../support/tsx';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '11111111-2222-3333-4444-555555555555';

interface BadRow {
  name: string;
  env: Record<string, string>;
  /** The variable the error message must name. */
  variable: string;
}

/** One row per way a deployment can get its configuration wrong. */
const badRows: BadRow[] = [
  { name: 'PORT that is not a number', env: { PORT: 'abc' }, variable: 'PORT' },
  { name: 'PORT above 65535', env: { PORT: '70000' }, variable: 'PORT' },
  { name: 'negative PORT', env: { PORT: '-1' }, variable: 'PORT' },
  { name: 'REDIS_URL with an http scheme', env: { REDIS_URL: 'http://x' }, variable: 'REDIS_URL' },
  { name: 'MicrosoftAppId that is not a GUID', env: { MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'p' }, variable: 'MicrosoftAppId' },
  { name: 'unsupported BOT_LOCALE', env: { BOT_LOCALE: 'de-DE' }, variable: 'BOT_LOCALE' },
  { name: 'unknown MicrosoftAppType', env: { MicrosoftAppType: 'Anonymous' }, variable: 'MicrosoftAppType' },
  {
    name: 'SingleTenant without a tenant',
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' },
    variable: 'MicrosoftAppTenantId',
  },
  { name: 'an app id without a password', env: { MicrosoftAppId: APP_ID }, variable: 'MicrosoftAppPassword' },
  { name: 'unknown LOG_LEVEL', env: { LOG_LEVEL: 'verbose' }, variable: 'LOG_LEVEL' },
  { name: 'CERT_STATUS_CA_CERTS that does not exist', env: { CERT_STATUS_CA_CERTS: '/nonexistent/kamusm-ca.pem' }, variable: 'CERT_STATUS_CA_CERTS' },
  { name: 'HELPDESK_TIMEZONE other than the institution\'s one time zone', env: { HELPDESK_TIMEZONE: 'Europe/Berlin' }, variable: 'HELPDESK_TIMEZONE' },
  { name: 'CERT_STATUS_TIMEOUT_MS below 100', env: { CERT_STATUS_TIMEOUT_MS: '5' }, variable: 'CERT_STATUS_TIMEOUT_MS' },
];

describe('configuration', () => {
  describe('when a variable is bad', () => {
    for (const row of badRows) {
      it(`rejects ${row.name}, naming ${row.variable}`, () => {
        assert.throws(
          () => loadConfig(row.env),
          (error: unknown) => {
            assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
            assert.match(error.message, new RegExp(`\\b${row.variable}\\b`));
            return true;
          },
        );
      });
    }

    it('names every bad variable at once', () => {
      assert.throws(() => loadConfig({ PORT: 'abc', BOT_LOCALE: 'de-DE' }), (error: Error) => {
        assert.match(error.message, /\bPORT\b/);
        assert.match(error.message, /\bBOT_LOCALE\b/);
        return true;
      });
    });
  });

  describe('when variables are unset', () => {
    it('uses PORT 3978, BOT_LOCALE tr-TR, memory state and no auth', () => {
      const config = loadConfig({});
      assert.equal(config.PORT, 3978);
      assert.equal(config.BOT_LOCALE, 'tr-TR');
      assert.equal(config.REDIS_URL, undefined);
      assert.equal(isAuthEnabled(config), false);
    });

    it('treats empty strings as unset (a blank line in .env)', () => {
      const config = loadConfig({ PORT: '', BOT_LOCALE: '', REDIS_URL: '', MicrosoftAppId: '' });
      assert.equal(config.PORT, 3978);
      assert.equal(config.BOT_LOCALE, 'tr-TR');
      assert.equal(isAuthEnabled(config), false);
    });
  });

  describe('when variables are good', () => {
    const goodRows: { name: string; env: Record<string, string>; check: (config: ReturnType<typeof loadConfig>) => void }[] = [
      { name: 'a numeric PORT', env: { PORT: '8080' }, check: (config) => assert.equal(config.PORT, 8080) },
      { name: 'a redis:// URL', env: { REDIS_URL: 'redis://cache:6379' }, check: (config) => assert.equal(config.REDIS_URL, 'redis://cache:6379') },
      { name: 'a rediss:// URL', env: { REDIS_URL: 'rediss://cache:6380' }, check: (config) => assert.equal(config.REDIS_URL, 'rediss://cache:6380') },
      { name: 'en-US', env: { BOT_LOCALE: 'en-US' }, check: (config) => assert.equal(config.BOT_LOCALE, 'en-US') },
      {
        name: 'a complete SingleTenant registration',
        env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT },
        check: (config) => assert.equal(isAuthEnabled(config), true),
      },
      {
        name: 'a managed identity without a password',
        env: { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT },
        check: (config) => assert.equal(config.MicrosoftAppPassword, undefined),
      },
    ];
    for (const row of goodRows) {
      it(`accepts ${row.name}`, () => row.check(loadConfig(row.env)));
    }
  });

  describe('warnings at start (PUBLIC_URL for the paired agents)', () => {
    const withApp = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' };
    const rows: { name: string; env: Record<string, string>; warns: RegExp | null }[] = [
      { name: 'an app id and no PUBLIC_URL', env: withApp, warns: /PUBLIC_URL is unset while MicrosoftAppId is configured/ },
      { name: 'an app id and PUBLIC_URL on localhost', env: { ...withApp, PUBLIC_URL: 'http://localhost:3978' }, warns: /PUBLIC_URL points at this machine/ },
      { name: 'an app id and PUBLIC_URL on 127.0.0.1', env: { ...withApp, PUBLIC_URL: 'https://127.0.0.1' }, warns: /PUBLIC_URL points at this machine/ },
      { name: 'an app id and a public PUBLIC_URL', env: { ...withApp, PUBLIC_URL: 'https://eimza.kurum.gov.tr' }, warns: null },
      { name: 'no app id (local clients) and no PUBLIC_URL', env: {}, warns: null },
    ];
    for (const row of rows) {
      it(`${row.warns ? 'warns' : 'stays quiet'} with ${row.name}`, () => {
        const warnings = configWarnings(loadConfig(row.env));
        if (row.warns) assert.match(warnings.join('\n'), row.warns);
        else assert.deepEqual(warnings, []);
      });
    }

    it('logs the warning when the bot starts', async () => {
      const bot = await startBot({ ...withApp, PUBLIC_URL: 'http://localhost:3978' });
      try {
        const warning = bot.logs.map((line) => JSON.parse(line) as { level: number; msg: string }).find((line) => /PUBLIC_URL/.test(line.msg));
        assert.ok(warning, bot.logs.join(''));
        assert.equal(warning.level, 40);
      } finally {
        await bot.close();
      }
    });
  });

  describe('when the bot process starts with a bad variable', () => {
    const startRows: { env: Record<string, string>; variable: string }[] = [
      { env: { PORT: 'abc' }, variable: 'PORT' },
      { env: { MicrosoftAppId: APP_ID }, variable: 'MicrosoftAppPassword' },
    ];
    for (const row of startRows) {
      it(`exits non-zero and prints ${row.variable}`, async function () {
        this.timeout(30_000);
        const { code, output } = await runBot(row.env);
        assert.notEqual(code, 0);
        assert.match(output, new RegExp(`\\b${row.variable}\\b`));
      });
    }
  });
});

const REPO = resolve(__dirname, '../..');

/**
 * Runs `tsx bot/index.ts` (node with tsx's loader, so the child is the bot itself) with only `env`
 * set (plus PATH/HOME), from a temporary directory so a developer's `.env` cannot fill the gaps,
 * and collects its output.
 */
function runBot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, resolve(REPO, 'bot/index.ts')], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`bot did not exit; output:\n${output}`)); }, 25_000);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', (code) => { clearTimeout(timer); done({ code, output }); });
  });
}
