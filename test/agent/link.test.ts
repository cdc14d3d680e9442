import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../paired-agent/cli';
import { loadConfig, type AgentConfig } from '../../paired-agent/config';
import { AgentLink } from '../../paired-agent/link';
import { loadDevice, devicePaths } from '../../paired-agent/pairing';
import { PcscMonitor } from '../../paired-agent/pcsc';
import { signEnvelope, verifyEnvelope, MAX_CLOCK_SKEW_MS, type CardEventBody } from '../../paired-agent/protocol';
import { readCardReport } from '../../paired-agent/status';
import { hashTckn } from '../../paired-agent/tckn';
import { sharedPcscd, waitForReaders, type PrivatePcscd } from './helpers/private-pcscd';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken, TEST_TCKN } from './helpers/softhsm-token';
import { TestBotServer } from './helpers/test-bot-server';
import { VirtualCard } from './helpers/vpcd-card';
import { eventually } from '../support/wait';

const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';

function quietIo(): { out: string[]; err: string[]; io: { out: (t: string) => number; err: (t: string) => number } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t) } };
}

describe('agent pairing and link (real HTTP + WebSocket on loopback)', function () {
  this.timeout(40_000);
  let server: TestBotServer;
  let home: string;
  let config: AgentConfig;

  beforeEach(async () => {
    server = await TestBotServer.start();
    home = mkdtempSync(join(tmpdir(), 'eimza-link-'));
    config = { ...loadConfig({ XDG_CONFIG_HOME: home, EIMZA_PKCS11_LIB: SOFTHSM_LIB }), lang: 'tr' };
  });

  afterEach(async () => {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  });

  describe('eimza-agent pair', () => {
    it('sends the public key with the code and keeps the private key owner-only', async () => {
      const { io, out, err } = quietIo();
      const code = await main(['pair', server.issueCode(), '--server', server.url, '--device-name', 'PC-42'], io, config);
      assert.equal(code, 0, err.join('\n'));
      assert.match(out.join('\n'), /Eşleştirme tamamlandı/);
      const device = loadDevice(config);
      assert.ok(device);
      assert.equal(server.devices.get(device.record.deviceId)?.publicKey, device.record.publicKey);
      assert.equal(server.devices.get(device.record.deviceId)?.deviceName, 'PC-42');
      assert.equal(device.record.tcknSalt, server.tcknSalt);
      const paths = devicePaths(config);
      assert.equal(statSync(paths.key).mode & 0o777, 0o600);
      assert.equal(statSync(paths.device).mode & 0o777, 0o600);
      assert.equal(statSync(config.configDir).mode & 0o777, 0o700);
    });

    it('exits 11 when the code is wrong or already used', async () => {
      const code = server.issueCode();
      assert.equal(await main(['pair', code, '--server', server.url], quietIo().io, config), 0);
      const reused = quietIo();
      assert.equal(await main(['pair', code, '--server', server.url], reused.io, config), 11);
      assert.match(reused.err.join('\n'), /kabul edilmedi/);
      assert.equal(await main(['pair', 'WRONG1', '--server', server.url], quietIo().io, config), 11);
    });

    it('exits 12 when the server cannot be reached and 2 without --server', async () => {
      const url = server.url;
      await server.stop();
      server = await TestBotServer.start(); // afterEach stops this one
      assert.equal(await main(['pair', 'ABCD1234', '--server', url], quietIo().io, config), 12);
      assert.equal(await main(['pair', 'ABCD1234'], quietIo().io, config), 2);
      assert.equal(loadDevice(config), null);
    });

    it('unpair removes the key here and tells the server with a signed request', async () => {
      await main(['pair', server.issueCode(), '--server', server.url], quietIo().io, config);
      const deviceId = loadDevice(config)!.record.deviceId;
      const { io, out } = quietIo();
      assert.equal(await main(['unpair'], io, config), 0);
      assert.match(out.join(''), /silindi/);
      assert.equal(existsSync(devicePaths(config).key), false);
      assert.equal(server.devices.has(deviceId), false);
      assert.equal(server.received.at(-1)?.type, 'unpair');
      assert.equal(await main(['run'], quietIo().io, config), 10, 'run without pairing exits 10');
    });
  });

  describe('the signed envelope', () => {
    it('refuses forged, tampered, replayed, stale and other-device messages', async () => {
      await main(['pair', server.issueCode(), '--server', server.url], quietIo().io, config);
      const device = loadDevice(config)!;
      const id = device.record.deviceId;
      const body: CardEventBody = { event: 'removed', reader: 'R', atr: null, atrClassification: null };
      const good = signEnvelope(device.privateKey, id, 'card.event', body);
      assert.equal(await server.acceptFrame(id, good), true);
      assert.equal(await server.acceptFrame(id, good), false, 'replay accepted');
      const forger = generateKeyPairSync('ed25519').privateKey;
      assert.equal(await server.acceptFrame(id, signEnvelope(forger, id, 'card.event', body)), false, 'forged signature accepted');
      const fresh = signEnvelope(device.privateKey, id, 'card.event', body);
      const tampered = { ...fresh, payload: fresh.payload.replace('"removed"', '"inserted"') };
      assert.equal(await server.acceptFrame(id, tampered), false, 'tampered payload accepted');
      assert.equal(await server.acceptFrame(id, { payload: fresh.payload, sig: '' }), false, 'unsigned accepted');
      const stale = signEnvelope(device.privateKey, id, 'card.event', body, Date.now() - MAX_CLOCK_SKEW_MS - 1000);
      assert.equal(await server.acceptFrame(id, stale), false, 'stale accepted');
      assert.deepEqual(server.refused, ['replay', 'bad_signature', 'bad_signature', 'malformed', 'stale']);
      const other = await verifyEnvelope(signEnvelope(device.privateKey, 'someone-else', 'card.event', body), {
        publicKey: device.record.publicKey,
        deviceId: id,
        rememberNonce: () => true,
      });
      assert.deepEqual(other, { ok: false, reason: 'wrong_device' });
    });
  });

  describe('eimza-agent run (AgentLink)', () => {
    let pcscd: PrivatePcscd;
    let token: SoftHsmToken;
    let port: number;
    let link: AgentLink | null = null;
    let card: VirtualCard | null = null;

    before(async () => {
      pcscd = await sharedPcscd();
      port = await pcscd.setVpcdReader('Link Reader');
      await pcscd.restartDaemon();
      token = SoftHsmToken.create('AKIS_11AA22BB33CC44DD', KAMU_SM_TEST_CA, [
        { ...AYSE_SIGNING_CERT, subject: `/C=TR/L=İzmir/serialNumber=${TEST_TCKN}/CN=Ayşe Yılmaz`, startDate: '20251201000000Z', endDate: '20281130235959Z' },
      ]);
    });

    after(async () => {
      token?.destroy();
      await pcscd?.stopDaemon();
    });

    afterEach(async () => {
      await link?.close();
      await link?.close(); // idempotent
      link = null;
      card?.remove();
      card = null;
      await waitForReaders((readers) => readers.every((r) => !r.cardPresent), 'the card to leave');
    });

    async function pairedLink(): Promise<{ link: AgentLink; deviceId: string }> {
      await main(['pair', server.issueCode(), '--server', server.url], quietIo().io, config);
      const device = loadDevice(config)!;
      const salt = { salt: Buffer.from(device.record.tcknSalt!, 'hex'), scope: 'server' as const };
      link = new AgentLink({
        device,
        monitor: new PcscMonitor({ retryInitialMs: 100 }),
        readReport: () => readCardReport({ config, tcknSalt: salt }),
        backoffInitialMs: 100,
        backoffMaxMs: 400,
      });
      const welcomed = new Promise<void>((r) => link!.once('welcome', () => r()));
      link.start();
      await welcomed;
      return { link, deviceId: device.record.deviceId };
    }

    const cardEvents = (): CardEventBody[] =>
      server.received.filter((m) => m.type === 'card.event').map((m) => m.body as CardEventBody);

    it('authenticates, pushes insertion and removal, and answers a probe with the report', async () => {
      const { deviceId } = await pairedLink();
      assert.equal(server.received.filter((m) => m.type === 'hello').length, 1);
      card = VirtualCard.fromHex(port, AKIS_V1_ATR);
      await card.insert();
      await eventually(() => cardEvents().some((e) => e.event === 'inserted'), 'inserted event', 5000);
      const inserted = cardEvents().find((e) => e.event === 'inserted')!;
      assert.equal(inserted.reader, 'Link Reader 00 00');
      assert.equal(inserted.atrClassification?.verdict, 'akis');

      const answer = await server.probe(deviceId);
      assert.ok(answer.ok, JSON.stringify(answer));
      assert.equal(answer.report.certificate?.notAfter, '2028-11-30T23:59:59.000Z');
      assert.equal(answer.report.certificate?.tcknMasked, '1*******46');
      assert.equal(answer.report.certificate?.tcknHashScope, 'server');
      assert.equal(answer.report.certificate?.tcknHash, hashTckn(TEST_TCKN, Buffer.from(server.tcknSalt, 'hex')));
      assert.ok(!JSON.stringify(server.received).includes(TEST_TCKN), 'clear T.C. number sent to the bot');
      assert.deepEqual(card.apdus, []);

      card.remove();
      await eventually(() => cardEvents().some((e) => e.event === 'removed'), 'removed event', 5000);
    });

    it('answers a probe with a plain error when no card is in the reader', async () => {
      const { deviceId } = await pairedLink();
      const answer = await server.probe(deviceId);
      assert.deepEqual(answer.ok ? null : answer.error.code, 'no_card');
      assert.ok(!answer.ok && /Okuyucuda kart yok/.test(answer.error.message));
    });

    it('reconnects and signs a new challenge after the connection drops', async () => {
      const { deviceId } = await pairedLink();
      const welcomedAgain = new Promise<void>((r) => link!.once('welcome', () => r()));
      server.dropConnection(deviceId);
      await welcomedAgain;
      assert.equal(server.received.filter((m) => m.type === 'hello').length, 2);
      assert.equal((await server.probe(deviceId)).probeId.length > 0, true);
    });

    it('runs as the real binary: connects, answers, exits 10 when unpaired by the bot and 0 on SIGTERM', async () => {
      await main(['pair', server.issueCode(), '--server', server.url], quietIo().io, config);
      const deviceId = loadDevice(config)!.record.deviceId;
      const bin = join(__dirname, '..', '..', 'paired-agent', 'bin', 'eimza-agent.js');
      const env = { ...process.env, ...token.env, XDG_CONFIG_HOME: home, EIMZA_PKCS11_LIB: SOFTHSM_LIB };
      const startRun = () => {
        const child = spawn(process.execPath, [bin, 'run'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
        return { child, exited };
      };
      const first = startRun();
      try {
        await eventually(() => server.isConnected(deviceId), 'the agent to connect', 10_000);
        const answer = await server.probe(deviceId);
        assert.equal(answer.ok ? 'ok' : answer.error.code, 'no_card');
        first.child.kill('SIGTERM');
        assert.equal(await first.exited, 0);
      } finally {
        first.child.kill('SIGKILL');
      }
      const second = startRun();
      try {
        await eventually(() => server.isConnected(deviceId), 'the agent to connect again', 10_000);
        server.revoke(deviceId);
        assert.equal(await second.exited, 10);
      } finally {
        second.child.kill('SIGKILL');
      }
    });

    it('stops when the bot unpairs the device', async () => {
      const { deviceId } = await pairedLink();
      const revoked = new Promise<void>((r) => link!.once('revoked', () => r()));
      server.revoke(deviceId);
      await revoked;
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(server.isConnected(deviceId), false, 'the agent reconnected after being revoked');
    });
  });
});
