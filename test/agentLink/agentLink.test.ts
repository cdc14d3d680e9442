import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import WebSocket from 'ws';
import type { Redis } from 'ioredis';
import { signEnvelope, CloseCode, WS_PATH, UNPAIR_PATH, PAIR_PATH } from '../../paired-agent/protocol';
import { FakeConnector } from '../support/fakeConnector';
import { TestRedisServer } from '../support/redisServer';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { Verb } from '../../cards/verbs';
import { FIXTURE_TCKN, ScriptedMonitor, TestAgent, commandOf, fixtureReport } from './support';
import { TeamsChat, texts } from '../support/chat';
import { clearPrefix, randomPrefix } from '../support/keys';
import { eventually } from '../support/wait';
import { AgentLink } from '../../paired-agent/link';

const text = texts;

describe('the paired agent link: real bot, real agent, real Redis, HTTP and WebSocket on loopback', function () {
  this.timeout(30_000);
  let redis: TestRedisServer;
  /** Reads and deletes the test's keys (one client for the file, closed in after()). */
  let inspector: Redis;
  let connector: FakeConnector;
  let bot: BotUnderTest;
  let prefix: string;
  const agents: TestAgent[] = [];
  const extraBots: BotUnderTest[] = [];
  const extraLinks: AgentLink[] = [];

  before(async () => {
    redis = await new TestRedisServer().start();
    inspector = redis.client();
    connector = await new FakeConnector().start();
  });
  after(async () => {
    inspector?.disconnect();
    await connector?.stop();
    await redis?.destroy();
  });
  beforeEach(async () => {
    prefix = randomPrefix();
    bot = await startBot(env(), connector);
  });
  afterEach(async () => {
    for (const agent of agents.splice(0)) await agent.close();
    for (const link of extraLinks.splice(0)) await link.close();
    for (const other of extraBots.splice(0)) await other.close();
    await bot.close();
    await bot.close(); // idempotent
    await clearPrefix(inspector, prefix);
  });

  const env = (extra: Record<string, string> = {}) => ({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, REMINDERS_ENABLED: 'false', LOG_LEVEL: 'debug', AGENT_PROBE_TIMEOUT_MS: '3000', ...extra });
  const newAgent = (): TestAgent => {
    const agent = new TestAgent();
    agents.push(agent);
    return agent;
  };
  const chat = (): TeamsChat => new TeamsChat(connector, bot);

  async function pairedAgent(user = chat()): Promise<{ agent: TestAgent; user: TeamsChat }> {
    const agent = newAgent();
    const { code, server } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
    assert.equal(await agent.pair(code, server), 0, agent.output.join('\n'));
    await agent.run();
    return { agent, user };
  }

  async function pairStatus(body: Record<string, unknown>, url = bot.url): Promise<number> {
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const response = await fetch(`${url}${PAIR_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ publicKey, deviceName: 'X', ...body }) });
    await response.arrayBuffer();
    return response.status;
  }

  describe('when a user pairs a PC and checks the card', () => {
    it('code card -> eimza-agent pair -> run -> "Kartımı kontrol et" -> card event -> "Kaldır"', async () => {
      const user = chat();
      const pairing = text(await user.press({ verb: Verb.agentPairing }));
      assert.match(pairing, /Bilgisayarınızı eşleştirin/);
      assert.match(pairing, /10 dakika, tek kullanımlık/);
      const { code, server } = commandOf(pairing);
      assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      assert.equal(server, bot.url.replace('127.0.0.1', 'localhost'));
      assert.ok(pairing.includes(`Program bu bilgisayarda kurulu değilse önce indirip kurun: [${server}/agent/download](${server}/agent/download)`), pairing);

      const agent = newAgent();
      assert.equal(await agent.pair(code, server), 0, agent.output.join('\n'));
      assert.equal(await bot.app.agentLink.hub.isOnline(agent.device.record.deviceId), false);
      await agent.run();
      assert.equal(await bot.app.agentLink.hub.isOnline(agent.device.record.deviceId), true);
      assert.match(await bot.app.metrics.registry.metrics(), /eimza_paired_agents_online 1/);

      const status = text(await user.say('kartımı kontrol et'));
      for (const expected of ['Okuyucudaki kartınız', 'ACS ACR39U ICC Reader 00 00', 'AKİS e-imza kartı (AKIS v1.0)', 'Ayşe Yılmaz',
        'Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6', '10.01.2024', '05.01.2027', 'PIN durumu', 'Bilinmiyor']) {
        assert.ok(status.includes(expected), `"${expected}" missing in:\n${status}`);
      }
      assert.doesNotMatch(status, /1\*{7}46|sağlıklı|sorun yok/i);
      assert.equal(agent.probes >= 1, true);
      const roster = await bot.app.reminders.roster.get('00000000-0000-0000-0000-0000000000a1');
      assert.deepEqual([roster?.expiry, roster?.source, roster?.serial], ['2027-01-05', 'agent', '5A1B2C3D']);

      agent.monitor.remove();
      await eventually(async () => (await bot.app.agentLink.store.lastSeen(agent.device.record.deviceId)).event?.event === 'removed', 'the removal event', 3000);
      const probesBefore = agent.probes;
      agent.monitor.insert();
      await eventually(async () => (await bot.app.agentLink.store.lastSeen(agent.device.record.deviceId)).event?.event === 'inserted', 'the insertion event', 3000);
      await eventually(() => agent.probes > probesBefore, 'the bot to read the inserted card', 3000);

      const devices = await user.press({ verb: Verb.agentPairing });
      assert.match(text(devices), /Eşleşmiş bilgisayarlarınız[\s\S]*PC-42[\s\S]*şu an bağlı/);
      const removeButton = devices.flatMap((a) => ((a.attachments?.[0]?.content as { actions?: { title: string; data: Record<string, unknown> }[] }).actions ?? [])).find((b) => b.title === 'Kaldır: PC-42');
      assert.ok(removeButton);
      const revoked = new Promise<void>((resolve) => agent.link!.once('revoked', () => resolve()));
      assert.match(text(await user.press(removeButton.data)), /"PC-42" eşleştirmesini kaldırdım/);
      await revoked;
      assert.equal(await bot.app.agentLink.store.device(agent.device.record.deviceId), null);
      await eventually(() => bot.app.agentLink.hub.count === 0, 'the socket to close', 2000);
      assert.match(text(await user.press({ verb: Verb.cardStatus })), /Kartınızı okuyabileceğim bir bilgisayar yok/);

      // The clear T.C. number is nowhere: not in Redis, not in the logs, not even the mask.
      const dump: string[] = [];
      for (const key of await inspector.keys(`${prefix}*`)) {
        const type = await inspector.type(key);
        if (type === 'string') dump.push((await inspector.get(key)) ?? '');
        if (type === 'hash') dump.push(JSON.stringify(await inspector.hgetall(key)));
      }
      const everything = dump.join('\n') + bot.logs.join('\n');
      assert.ok(!everything.includes(FIXTURE_TCKN) && !everything.includes('1*******46'), 'T.C. number (or its mask) stored or logged');
    });

    it('says plainly when the agent is offline, and shows the agent\'s own error (no card)', async () => {
      const { agent, user } = await pairedAgent();
      agent.report = () => {
        throw Object.assign(new Error('no card'), { name: 'NoCardError' });
      };
      const failed = text(await user.press({ verb: Verb.cardStatus }));
      assert.match(failed, /Kartınızı okuyamadım/);
      await agent.link!.close();
      await eventually(() => bot.app.agentLink.hub.count === 0, 'the socket to close', 2000);
      assert.match(text(await user.press({ verb: Verb.cardStatus })), /"PC-42" şu an bana bağlı değil[\s\S]*eimza-agent run/);
    });

    it('the unpair from the PC (eimza-agent unpair) is signed; a forged one is refused', async () => {
      const { agent } = await pairedAgent();
      const { deviceId } = agent.device.record;
      const forger = generateKeyPairSync('ed25519').privateKey;
      const forged = await fetch(`${bot.url}${UNPAIR_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signEnvelope(forger, deviceId, 'unpair', {})) });
      assert.equal(forged.status, 401);
      assert.ok(await bot.app.agentLink.store.device(deviceId));
      const real = await fetch(`${bot.url}${UNPAIR_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signEnvelope(agent.device.privateKey, deviceId, 'unpair', {})) });
      assert.equal(real.status, 204);
      assert.equal(await bot.app.agentLink.store.device(deviceId), null);
    });
  });

  describe('when codes are wrong, expired, reused or guessed', () => {
    it('refuses a reused code (410) and a malformed request (400)', async () => {
      const user = chat();
      const { code, server } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
      assert.equal(await newAgent().pair(code, server), 0);
      assert.equal(await pairStatus({ code }), 410);
      assert.equal(await newAgent().pair(code, server), 11, 'the agent says "kod kabul edilmedi"');
      assert.equal(await pairStatus({ code: 'x' }), 400);
      assert.equal(await pairStatus({ code: 'AAAA-AAAA', publicKey: 'bm90IGEga2V5' }), 400);
      assert.equal(await pairStatus({ code: 'QQQQ-QQQQ' }), 401, 'unknown code');
    });

    it('refuses an expired code (410)', async () => {
      const issued = await bot.app.agentLink.store.issueCode({ userId: 'u-expired', userName: 'E', conversationId: 'c' }, { handle: 'KKKK', secret: 'MMMM' }, Date.now() - 11 * 60_000);
      assert.equal(typeof issued === 'object' && issued.kind, 'issued');
      assert.equal(await pairStatus({ code: 'KKKK-MMMM' }), 410);
      assert.equal(await newAgent().pair('KKKK-MMMM', bot.url), 11);
    });

    it('pauses pairing for the user after 5 wrong codes (429), and the dialog says so', async () => {
      const user = chat();
      const { code } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
      const [handle, secret] = code.split('-');
      const wrong = secret === 'AAAA' ? 'CCCC' : 'AAAA';
      for (let i = 0; i < 5; i++) assert.equal(await pairStatus({ code: `${handle}-${wrong}` }), 401, `wrong code ${i + 1}`);
      assert.equal(await pairStatus({ code }), 429, 'the right code after 5 wrong ones');
      assert.match(text(await user.press({ verb: Verb.agentPairing })), /Eşleştirmeyi bir süre durdurdum/);
    });
  });

  describe('when someone sweeps the code space', () => {
    const publicKey = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

    it('answers an unknown first half and a wrong second half alike', async () => {
      const user = chat();
      const { code } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
      const [handle, secret] = code.split('-');
      const wrong = secret === 'AAAA' ? 'CCCC' : 'AAAA';
      const service = bot.app.agentLink.service;
      const unknown = await service.pair({ code: `QQQQ-${wrong}`, publicKey: publicKey() }, '198.51.100.1');
      const wrongSecret = await service.pair({ code: `${handle}-${wrong}`, publicKey: publicKey() }, '198.51.100.1');
      assert.deepEqual(unknown, wrongSecret);
      assert.deepEqual(wrongSecret, { status: 401, body: { error: 'wrong_code' } });
    });

    it('issues the T.C. hash salt per user: the same for two PCs of one user, another for another user', async () => {
      const service = bot.app.agentLink.service;
      const saltFor = async (chatWith: TeamsChat): Promise<string> => {
        const { code } = commandOf(text(await chatWith.press({ verb: Verb.agentPairing })));
        const answer = await service.pair({ code, publicKey: publicKey() }, '198.51.100.2');
        assert.equal(answer.status, 201);
        return String(answer.body?.tcknSalt);
      };
      const mehmet = { id: '29:1mehmet-salt', aadObjectId: '00000000-0000-0000-0000-0000000000b9', name: 'Mehmet Kaya' };
      const [first, second, other] = [await saltFor(chat()), await saltFor(chat()), await saltFor(new TeamsChat(connector, bot, { user: mehmet }))];
      assert.match(first, /^[0-9a-f]{64}$/);
      assert.equal(first, second);
      assert.notEqual(first, other);
      assert.notEqual(first, await bot.app.agentLink.store.tcknSalt(undefined), 'the deployment secret is never sent');
    });

    it('stops one source after 20 failures (429 with Retry-After) while others still pair', async () => {
      const service = bot.app.agentLink.service;
      for (let attempt = 0; attempt < 20; attempt++) {
        assert.equal((await service.pair({ code: 'QQQQ-QQQQ', publicKey: publicKey() }, '203.0.113.7')).status, 401);
      }
      const limited = await service.pair({ code: 'QQQQ-QQQQ', publicKey: publicKey() }, '203.0.113.7');
      assert.equal(limited.status, 429);
      assert.ok((limited.retryAfterSeconds ?? 0) > 0);
      const user = chat();
      const { code } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
      assert.equal((await service.pair({ code, publicKey: publicKey() }, '203.0.113.8')).status, 201);
    });
  });

  describe('when one device connects twice or floods card events', () => {
    it('a second socket for the same device replaces the first, which stops instead of fighting back', async () => {
      const { agent } = await pairedAgent();
      const first = agent.link!;
      const stopped = new Promise<number>((resolve) => first.once('disconnected', (code) => resolve(code)));
      const replaced = new Promise<void>((resolve) => first.once('replaced', () => resolve()));
      const second = new AgentLink({ device: agent.device, monitor: new ScriptedMonitor(), readReport: async () => fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z' }), backoffInitialMs: 100, backoffMaxMs: 400 });
      const welcomed = new Promise<void>((resolve) => second.once('welcome', () => resolve()));
      extraLinks.push(second);
      second.start();
      await welcomed;
      assert.equal(await stopped, CloseCode.Replaced);
      await replaced;
      await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the first one's backoff
      assert.equal(bot.app.agentLink.hub.count, 1);
    });
    it('drops card events beyond 20 per 10 s (one warning), probes at most 20 times, and the bot and the agent still answer', async () => {
      const { agent, user } = await pairedAgent();
      const FLOOD = 200;
      for (let event = 0; event < FLOOD; event++) agent.monitor.insert();
      await eventually(() => bot.logs.some((line) => line.includes('card events over the limit dropped')), 'the flood warning', 5000);
      let settled = -1;
      await eventually(async () => {
        const now = agent.probes;
        if (now === settled) return true;
        settled = now;
        await new Promise((resolve) => setTimeout(resolve, 400));
        return false;
      }, 'the probes to stop', 8000);
      assert.ok(agent.probes >= 1 && agent.probes <= 20, `${agent.probes} probes for ${FLOOD} signed events`);
      assert.equal(bot.logs.filter((line) => line.includes('card events over the limit dropped')).length, 1, 'warned once, not per event');
      assert.equal(await bot.app.agentLink.hub.isOnline(agent.device.record.deviceId), true, 'the socket stays open');

      const status = text(await user.say('kartımı kontrol et'));
      assert.match(status, /Okuyucudaki kartınız[\s\S]*05\.01\.2027/);
      assert.match(text(await chat().say('merhaba')), /E-imza Asistanı/);
    });
  });

  describe('when a message is forged or replayed on the WebSocket', () => {
    async function openSocket(): Promise<{ ws: WebSocket; challenge: string; closed: Promise<number> }> {
      const ws = new WebSocket(`${bot.url.replace('http', 'ws')}${WS_PATH}`);
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      const challenge = await new Promise<string>((resolve) => ws.once('message', (data) => resolve((JSON.parse(data.toString()) as { challenge: string }).challenge)));
      return { ws, challenge, closed };
    }

    it('closes 4401 on a hello signed with another key, 4409 on a replayed message, 4400 on an unsigned one, 4403 for an unpaired device', async () => {
      const { agent } = await pairedAgent();
      await agent.link!.close();
      const { deviceId } = agent.device.record;
      const hello = (challenge: string, key = agent.device.privateKey) => signEnvelope(key, deviceId, 'hello', { challenge, agentVersion: 't', deviceName: 'x' });

      const forged = await openSocket();
      forged.ws.send(JSON.stringify(hello(forged.challenge, generateKeyPairSync('ed25519').privateKey)));
      assert.equal(await forged.closed, CloseCode.Unauthorised);

      const other = await openSocket();
      other.ws.send(JSON.stringify(hello('not-this-connection')));
      assert.equal(await other.closed, CloseCode.Unauthorised, 'hello over another challenge');

      const replay = await openSocket();
      const welcome = new Promise((resolve) => replay.ws.once('message', resolve));
      const event = signEnvelope(agent.device.privateKey, deviceId, 'card.event', { event: 'removed', reader: 'R', atr: null, atrClassification: null });
      replay.ws.send(JSON.stringify(hello(replay.challenge)));
      await welcome;
      replay.ws.send(JSON.stringify(event));
      replay.ws.send(JSON.stringify(event));
      assert.equal(await replay.closed, CloseCode.Replay);

      const unsigned = await openSocket();
      unsigned.ws.send(JSON.stringify({ payload: hello(unsigned.challenge).payload, sig: '' }));
      assert.equal(await unsigned.closed, CloseCode.Malformed);

      await bot.app.agentLink.service.unpair('00000000-0000-0000-0000-0000000000a1', deviceId);
      const gone = await openSocket();
      gone.ws.send(JSON.stringify(hello(gone.challenge)));
      assert.equal(await gone.closed, CloseCode.DeviceRevoked);
    });
  });

  describe('when the bot runs as two instances sharing Redis', () => {
    it('a turn on instance B probes the agent whose socket is on A; unpair on B closes it on A', async () => {
      const b = await startBot(env(), connector);
      extraBots.push(b);
      const user = chat();
      const { agent } = await pairedAgent(user);
      assert.equal(bot.app.agentLink.hub.count, 1);
      assert.equal(b.app.agentLink.hub.count, 0);
      const status = text(await user.use(b).press({ verb: Verb.cardStatus }));
      assert.match(status, /Okuyucudaki kartınız[\s\S]*05\.01\.2027/);
      const revoked = new Promise<void>((resolve) => agent.link!.once('revoked', () => resolve()));
      assert.ok(await b.app.agentLink.service.unpair('00000000-0000-0000-0000-0000000000a1', agent.device.record.deviceId));
      await revoked;
    });
  });

  describe('when the renewal and new-card paths run with a paired agent', () => {
    it('takes the expiry from the card instead of asking', async () => {
      const { user } = await pairedAgent();
      await user.press({ verb: Verb.renewal });
      const replies = text(await user.say('Süresi doluyor / doldu'));
      assert.match(replies, /Son geçerlilik tarihini "PC-42" bilgisayarındaki kartınızdan okudum: 05\.01\.2027/);
      assert.doesNotMatch(replies, /son geçerlilik tarihi nedir\?/);
    });

    it('tells the new card from the old: a certificate not valid yet is the NEW card, "do not use before <old expiry>" (R3)', async () => {
      const { agent, user } = await pairedAgent();
      await user.press({ verb: Verb.cardStatus }); // the old card is seen first
      agent.report = fixtureReport({ notBefore: '2027-01-05T21:00:00Z', notAfter: '2030-01-05T20:59:59Z', serial: '7E7E7E7E' });
      const status = text(await user.press({ verb: Verb.cardStatus }));
      assert.match(status, /Bu sizin YENİ kartınız: 06\.01\.2027 tarihinden itibaren geçerli/);
      assert.match(status, /Eski e-imzanızın süresi 05\.01\.2027 tarihinde doluyor\. O tarihten önce yeni kartı kullanmayın\./);
      const pin = text(await user.press({ verb: Verb.newCardPin }));
      assert.match(pin, /Okuyucudaki kart yeni kartınız \(seri 7E7E7E7E, 06\.01\.2027 – 05\.01\.2030 arası geçerli\)/);
      assert.match(pin, /Adım 1\//);
      const roster = await bot.app.reminders.roster.get('00000000-0000-0000-0000-0000000000a1');
      assert.equal(roster?.expiry, '2030-01-05', 'the new certificate renews the roster (pings start over)');
    });
  });
});
