import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAgentBuilt } from '../../scripts/agent-build';
import { sharedPcscd, waitForReaders, type PrivatePcscd } from './helpers/private-pcscd';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken, TEST_TCKN } from './helpers/softhsm-token';
import { VirtualCard } from './helpers/vpcd-card';

const IN_REPO_BIN = join(__dirname, '..', '..', 'paired-agent', 'bin', 'eimza-agent.js');
const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';
const AGENT_VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'paired-agent', 'package.json'), 'utf8')) as { version: string }).version;
const ADDON_SOURCES: Record<string, string> = {
  'pcsclite.node': require.resolve('pcsclite/build/Release/pcsclite.node'),
  'pkcs11.node': require.resolve('pkcs11js/build/Release/pkcs11.node'),
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { env, cwd, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The report without the moment it was read (the only field two reads may differ in). */
function withoutReadAt(stdout: string): Record<string, unknown> {
  const { readAt, ...rest } = JSON.parse(stdout) as Record<string, unknown>;
  assert.equal(typeof readAt, 'string');
  return rest;
}

describe('the single executable (npm run agent:build), alone in an empty folder', function () {
  this.timeout(240_000);
  let folder: string;
  let executable: string;
  let pcscd: PrivatePcscd;
  let token: SoftHsmToken;
  let card: VirtualCard;
  let configHome: string;
  /** Only what a staff PC has: no Node on PATH, no node_modules, no NODE_* variables. */
  let bareEnv: (cacheHome: string) => NodeJS.ProcessEnv;

  before(async () => {
    const built = await ensureAgentBuilt();
    folder = mkdtempSync(join(tmpdir(), 'eimza-sea-'));
    executable = join(folder, 'eimza-agent');
    copyFileSync(built.executable, executable);
    chmodSync(executable, 0o755);
    mkdirSync(join(folder, 'empty-bin'));
    configHome = join(folder, 'config');
    pcscd = await sharedPcscd();
    const port = await pcscd.setVpcdReader('SEA Reader');
    await pcscd.restartDaemon();
    token = SoftHsmToken.create('AKIS_00AA11BB22CC33DD', KAMU_SM_TEST_CA, [
      { ...AYSE_SIGNING_CERT, subject: `/C=TR/L=Ankara/serialNumber=TCKTR-${TEST_TCKN}/CN=Ayşe Yılmaz` },
    ]);
    bareEnv = (cacheHome) => ({
      PATH: join(folder, 'empty-bin'),
      HOME: folder,
      XDG_CONFIG_HOME: configHome,
      XDG_CACHE_HOME: cacheHome,
      PCSCLITE_CSOCK_NAME: process.env.PCSCLITE_CSOCK_NAME,
      SOFTHSM2_CONF: token.env.SOFTHSM2_CONF,
      EIMZA_PKCS11_LIB: SOFTHSM_LIB,
    });
    card = VirtualCard.fromHex(port, AKIS_V1_ATR);
    await card.insert();
    await waitForReaders((readers) => readers.some((r) => r.cardPresent), 'the card to arrive');
  });

  after(async () => {
    card?.remove();
    token?.destroy();
    if (folder) rmSync(folder, { recursive: true, force: true });
    await pcscd?.stopDaemon();
  });

  it('holds nothing but the executable, and runs --help without Node on the PATH', async () => {
    assert.deepEqual(readdirSync(folder).filter((name) => name !== 'empty-bin').sort(), ['eimza-agent']);
    const help = await exec(executable, ['--help'], bareEnv(join(folder, 'cache-help')), folder);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /eimza-agent status/);
    assert.match(help.stdout, /Çıkış kodları/);
    assert.equal(help.stderr, '', 'a warning was printed');
  });

  it('gives the same status --json report as the in-repo agent, and writes its addons to a per-version cache folder', async () => {
    const cache = join(folder, 'cache-status');
    const single = await exec(executable, ['status', '--json'], bareEnv(cache), folder);
    const inRepo = await exec(process.execPath, [IN_REPO_BIN, 'status', '--json'], { ...process.env, ...bareEnv(cache), PATH: process.env.PATH });
    assert.equal(single.code, 0, single.stdout + single.stderr);
    assert.equal(inRepo.code, 0, inRepo.stdout + inRepo.stderr);
    const report = withoutReadAt(single.stdout);
    assert.deepEqual(report, withoutReadAt(inRepo.stdout));
    assert.equal((report.certificate as { holderName: string }).holderName, 'Ayşe Yılmaz');
    assert.equal(report.isEsignCard, true);
    assert.ok(!single.stdout.includes(TEST_TCKN), 'clear T.C. number printed');
    const addonFolder = join(cache, 'eimza-agent', AGENT_VERSION);
    assert.deepEqual(readdirSync(addonFolder).sort(), Object.keys(ADDON_SOURCES).sort());
    for (const [name, source] of Object.entries(ADDON_SOURCES)) assert.equal(sha256(join(addonFolder, name)), sha256(source), name);
    assert.deepEqual(card.apdus, [], 'the agent sent an APDU to the card');
  });

  const tampering: [string, (addonFolder: string) => void][] = [
    ['changed after it was written', (addonFolder) => {
      chmodSync(join(addonFolder, 'pkcs11.node'), 0o700);
      appendFileSync(join(addonFolder, 'pkcs11.node'), Buffer.from([0]));
    }],
    ['planted before the first start (another library under its name)', (addonFolder) => {
      rmSync(addonFolder, { recursive: true, force: true });
      mkdirSync(addonFolder, { recursive: true });
      copyFileSync(SOFTHSM_LIB, join(addonFolder, 'pkcs11.node'));
    }],
  ];
  for (const [how, tamper] of tampering) {
    it(`refuses an addon ${how}, with a clear message and exit 13`, async () => {
      const cache = join(folder, `cache-tampered-${tampering.findIndex(([name]) => name === how)}`);
      cpSync(join(folder, 'cache-status'), cache, { recursive: true });
      tamper(join(cache, 'eimza-agent', AGENT_VERSION));
      const text = await exec(executable, ['status'], bareEnv(cache), folder);
      assert.equal(text.code, 13, text.stdout + text.stderr);
      assert.match(text.stderr, /bileşenlerinden biri diskte değiştirilmiş ya da başkası tarafından konmuş; güvenlik için yüklenmedi/);
      assert.match(text.stderr, /pkcs11\.node: SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}/);
      assert.doesNotMatch(text.stdout, /Ayşe Yılmaz/, 'the card was read with a refused addon');
      const json = await exec(executable, ['status', '--json', '--lang', 'en'], bareEnv(cache), folder);
      assert.equal(json.code, 13);
      const { error } = JSON.parse(json.stdout) as { error: { code: string; message: string } };
      assert.equal(error.code, 'addon_refused');
      assert.match(error.message, /was not loaded, for safety/);
    });
  }
});
