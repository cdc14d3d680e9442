import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedPcscd, waitForReaders, type PrivatePcscd } from './helpers/private-pcscd';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken, TEST_TCKN } from './helpers/softhsm-token';
import { VirtualCard } from './helpers/vpcd-card';

const BIN = join(__dirname, '..', '..', 'paired-agent', 'bin', 'eimza-agent.js');
const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `eimza-agent` in a child process (async: the virtual card lives in this loop). */
function agent(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 15_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('eimza-agent status (CLI, private pcscd + SoftHSM2)', function () {
  this.timeout(40_000);
  let pcscd: PrivatePcscd;
  let token: SoftHsmToken;
  let port: number;
  let configHome: string;
  let card: VirtualCard | null = null;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    pcscd = await sharedPcscd();
    port = await pcscd.setVpcdReader('CLI Reader');
    await pcscd.restartDaemon();
    token = SoftHsmToken.create('AKIS_00AA11BB22CC33DD', KAMU_SM_TEST_CA, [
      { ...AYSE_SIGNING_CERT, subject: `/C=TR/L=Ankara/serialNumber=TCKTR-${TEST_TCKN}/CN=Ayşe Yılmaz` },
    ]);
    configHome = mkdtempSync(join(tmpdir(), 'eimza-cli-'));
    env = { ...token.env, EIMZA_PKCS11_LIB: SOFTHSM_LIB, XDG_CONFIG_HOME: configHome, EIMZA_AGENT_LANG: '' };
  });

  afterEach(async () => {
    card?.remove();
    card = null;
    await waitForReaders((readers) => readers.every((r) => !r.cardPresent), 'the card to leave');
  });

  after(async () => {
    token?.destroy();
    if (configHome) rmSync(configHome, { recursive: true, force: true });
    await pcscd?.stopDaemon();
  });

  async function insertAkis(): Promise<VirtualCard> {
    card = VirtualCard.fromHex(port, AKIS_V1_ATR);
    await card.insert();
    await waitForReaders((readers) => readers.some((r) => r.cardPresent), 'the card to arrive');
    return card;
  }

  it('prints the JSON report of the card in the reader and exits 0', async () => {
    const inserted = await insertAkis();
    const run = await agent(['status', '--json'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.reader, 'CLI Reader 00 00');
    assert.equal(report.cardPresent, true);
    assert.equal(report.atr, AKIS_V1_ATR);
    assert.equal(report.atrClassification.label, 'AKIS v1.0');
    assert.equal(report.isEsignCard, true);
    assert.equal(report.token.label, 'AKIS_00AA11BB22CC33DD');
    assert.equal(report.certificate.holderName, 'Ayşe Yılmaz');
    assert.equal(report.certificate.tcknMasked, '1*******46');
    assert.equal(report.certificate.tcknHashScope, 'install');
    assert.equal(report.certificate.notAfter, '2027-12-04T23:59:59.000Z');
    assert.equal(report.pin.state, 'unknown');
    assert.ok(!run.stdout.includes(TEST_TCKN) && !run.stderr.includes(TEST_TCKN), 'clear T.C. number printed');
    assert.equal(statSync(join(configHome, 'eimza-agent', 'install-salt')).mode & 0o777, 0o600);
    assert.deepEqual(inserted.apdus, [], 'the agent sent an APDU to the card');
  });

  it('prints a Turkish text report by default', async () => {
    await insertAkis();
    const run = await agent(['status'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /E-imza kartı durumu/);
    assert.match(run.stdout, /Sertifika sahibi: Ayşe Yılmaz/);
    assert.match(run.stdout, /T\.C\. Kimlik No: 1\*\*\*\*\*\*\*46/);
    assert.match(run.stdout, /Geçerlilik bitişi: 04\.12\.2027/);
    assert.match(run.stdout, /PIN durumu: Kart, PIN deneme durumu hakkında bilgi vermiyor/);
    assert.ok(!run.stdout.includes(TEST_TCKN));
  });

  it('exits 5 with a plain Turkish message when no card is in the reader', async () => {
    const run = await agent(['status'], env);
    assert.equal(run.code, 5);
    assert.match(run.stderr, /Okuyucuda kart yok/);
  });

  it('exits 6 when the PKCS#11 library is missing', async () => {
    await insertAkis();
    const run = await agent(['status', '--json', '--lib', '/nonexistent/libakisp11.so'], env);
    assert.equal(run.code, 6);
    assert.equal(JSON.parse(run.stdout).error.code, 'pkcs11_not_found');
  });

  it('exits 3 when the smart card service is not running', async () => {
    const run = await agent(['status', '--lang', 'en'], { ...env, PCSCLITE_CSOCK_NAME: join(configHome, 'no-pcscd.comm') });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /smart card service is not running/);
  });

  it('exits 4 when the service lists no reader', async () => {
    pcscd.clearReaders();
    await pcscd.restartDaemon();
    try {
      const run = await agent(['status'], env);
      assert.equal(run.code, 4);
      assert.match(run.stderr, /Kart okuyucu bulunamadı/);
    } finally {
      port = await pcscd.setVpcdReader('CLI Reader');
      await pcscd.restartDaemon();
    }
  });

  it('answers --help with exit 0 and an unknown command with exit 2', async () => {
    const help = await agent(['--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Çıkış kodları/);
    const bad = await agent(['frobnicate'], env);
    assert.equal(bad.code, 2);
  });
});
