import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Redis } from 'ioredis';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { TeamsChat, cardButtons, texts } from '../support/chat';
import { FakeConnector, visibleText, type ReceivedActivity } from '../support/fakeConnector';
import { freePort, TestRedisServer } from '../support/redisServer';
import { newConversationId, postToBot, teamsMessage } from '../support/teams';
import { BotProcess } from '../support/botProcess';
import { randomPrefix } from '../support/keys';
import { eventually } from '../support/wait';

const STEP_NEXT_LABEL = 'Tamam, sonraki adım';
const APOLOGY_TITLE = 'Kısa bir teknik sorun var';
const WARNING_TITLE = 'Güvenliğiniz için';
const COMING_SOON_TITLE = 'Bu bölüm hazırlanıyor';

type ActionData = Record<string, unknown>;

/** The data of the "next step" button on the last card that has one. */
function nextStepData(replies: ReceivedActivity[]): ActionData {
  for (const activity of [...replies].reverse()) {
    const next = cardButtons(activity).find((action) => action.data.verb === 'answer' && action.data.choice === 'next');
    if (next) {
      assert.equal(next.title, STEP_NEXT_LABEL);
      assert.equal(typeof next.data.promptId, 'string');
      return next.data;
    }
  }
  assert.fail(`no "next step" button in:\n${texts(replies)}`);
}

/**
 * Opens the new-card PIN path from the menu and checks its first card. Skips the test (pending)
 * only while the bot still answers that menu button with "coming soon", i.e. before the path is wired.
 */
async function openPinPath(chat: TeamsChat, test: Mocha.Context): Promise<ActionData> {
  const replies = await chat.press({ verb: 'path.newCardPin' });
  if (texts(replies).includes(COMING_SOON_TITLE) && !texts(replies).includes('Adım 1/8')) {
    test.skip(); // the new-card PIN dialog is not wired into the bot yet (dialogs/newCardPinDialog.ts)
  }
  assert.match(texts(replies), /Adım 1\/8/);
  return nextStepData(replies);
}

/** Presses "next" until the bot shows step `target`; returns that step's "next" data. */
async function advanceTo(chat: TeamsChat, from: ActionData, fromStep: number, target: number): Promise<ActionData> {
  let data = from;
  for (let step = fromStep + 1; step <= target; step++) {
    const replies = await chat.press(data);
    assert.equal(chat.lastStatus, 200);
    assert.match(texts(replies), new RegExp(`Adım ${step}/8`));
    data = nextStepData(replies);
  }
  return data;
}

/** A bot on a redis-server of its own for one describe block (started in before(), stopped in after()). */
function botOnOwnRedis(connector: FakeConnector): { redis: TestRedisServer; bot: BotUnderTest } {
  const own = { redis: new TestRedisServer(), bot: undefined as unknown as BotUnderTest };
  before(async () => {
    await own.redis.start();
    own.bot = await startBot({ REDIS_URL: own.redis.url, REDIS_KEY_PREFIX: randomPrefix() }, connector);
  });
  after(async () => {
    await own.bot?.close();
    await own.redis.destroy();
  });
  return own;
}

async function health(url: string): Promise<{ status: number; body: { status: string; storage: { backend: string; answering: boolean } } }> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as never };
}

/** Every key and value in the Redis database, values read according to their type. */
async function dumpRedis(redis: Redis): Promise<Map<string, string>> {
  const everything = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      const value =
        type === 'string' ? await redis.get(key)
          : type === 'hash' ? JSON.stringify(await redis.hgetall(key))
            : type === 'list' ? JSON.stringify(await redis.lrange(key, 0, -1))
              : type === 'set' ? JSON.stringify(await redis.smembers(key))
                : type === 'zset' ? JSON.stringify(await redis.zrange(key, '0', '-1'))
                  : `<${type}>`;
      everything.set(key, value ?? '');
    }
  } while (cursor !== '0');
  return everything;
}

describe('the bot in Redis mode (real redis-server, real HTTP, fake Bot Connector)', function () {
  this.timeout(30_000);
  const connector = new FakeConnector();
  before(async () => { await connector.start(); });
  after(async () => { await connector.stop(); });

  describe('/healthz', () => {
    const own = botOnOwnRedis(connector);

    it('reports redis answering with 200', async () => {
      const { status, body } = await health(own.bot.url);
      assert.equal(status, 200);
      assert.equal(body.status, 'ok');
      assert.equal(body.storage.backend, 'redis');
      assert.equal(body.storage.answering, true);
    });

    it('reports 503, answering false, while Redis is stopped, and 200 again once it is back', async () => {
      await own.redis.stop();
      try {
        const down = await health(own.bot.url);
        assert.equal(down.status, 503);
        assert.equal(down.body.status, 'degraded');
        assert.deepEqual(down.body.storage, { backend: 'redis', answering: false });
      } finally {
        await own.redis.start(); // also when an assertion failed, so the bot can close
      }
      await eventually(async () => (await health(own.bot.url)).status === 200, 'healthz to recover', 8000, 50);
    });
  });

  describe('when Redis stops in the middle of a conversation', () => {
    const own = botOnOwnRedis(connector);

    it('apologises, stays up, and continues from the last saved step once Redis is back', async function () {
      const chat = new TeamsChat(connector, () => own.bot.url);
      await chat.say('merhaba');
      const stepTwo = await advanceTo(chat, await openPinPath(chat, this), 1, 2);

      await own.redis.stop();
      try {
        const whileDown = await chat.press(stepTwo);
        assert.equal(chat.lastStatus, 200);
        assert.equal(whileDown.length, 1, texts(whileDown));
        assert.match(visibleText(whileDown[0]), new RegExp(APOLOGY_TITLE));
        assert.doesNotMatch(texts(whileDown), /Adım \d\/8/);
        assert.equal((await health(own.bot.url)).status, 503);
        assert.ok(own.bot.logs.some((line) => line.includes('storage unavailable')), 'the failed turn is logged');
      } finally {
        await own.redis.start(); // same port, data kept (also when an assertion failed, so the bot can close)
      }
      await eventually(async () => (await health(own.bot.url)).status === 200, 'the bot to reconnect to Redis', 8000, 50);
      const afterwards = await chat.press(stepTwo);
      assert.equal(chat.lastStatus, 200);
      assert.match(texts(afterwards), /Adım 3\/8/);
      assert.doesNotMatch(texts(afterwards), new RegExp(APOLOGY_TITLE));
    });
  });

  describe('the secret guard', () => {
    const redis = new TestRedisServer();
    let bot: BotUnderTest;
    let client: Redis;
    const PIN = '482913';
    const TCKN = '10000000146';
    before(async () => {
      await redis.start();
      client = redis.client();
      bot = await startBot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: randomPrefix() }, connector);
    });
    after(async () => {
      await bot?.close();
      client?.disconnect();
      await redis.destroy();
    });

    it('masks a PIN and a T.C. number everywhere, warns the user, and leaves ordinary numbers alone', async function () {
      const chat = new TeamsChat(connector, () => bot.url);
      const warned = (replies: ReceivedActivity[]) => replies.some((activity) => visibleText(activity).includes(WARNING_TITLE));
      await chat.say('merhaba');

      for (const secret of [`pin ${PIN}`, `kimlik numaram ${TCKN}`]) {
        const replies = await chat.say(secret);
        assert.ok(warned(replies), `no warning after "${secret}":\n${texts(replies)}`);
      }

      // A lone 6-digit number right after a card of the new-card PIN path that talks about the PIN.
      const stepSeven = await advanceTo(chat, await openPinPath(chat, this), 1, 7);
      assert.match(texts(chat.sent().slice(-1)), /PIN/);
      const lone = await chat.say(PIN);
      assert.ok(warned(lone), `no warning after a lone PIN:\n${texts(lone)}`);
      assert.ok(stepSeven);

      // Ordinary numbers, even right after the menu (which mentions PINs), are not flagged.
      await chat.say('iptal');
      for (const ordinary of ['21.11.2026', '3 kere', 'dahili 4455']) {
        const replies = await chat.say(ordinary);
        assert.ok(!warned(replies), `"${ordinary}" was flagged`);
      }

      const stored = await dumpRedis(client);
      assert.ok([...stored.keys()].some((key) => key.includes(chat.conversationId)), 'the conversation state is in Redis');
      for (const [key, value] of stored) {
        for (const secret of [PIN, TCKN]) {
          assert.ok(!key.includes(secret) && !value.includes(secret), `${secret} stored in Redis under ${key}`);
        }
      }
      const logs = bot.logs.join('');
      assert.equal(bot.logs.filter((line) => line.includes('masked a secret')).length, 3);
      for (const secret of [PIN, TCKN]) {
        assert.ok(!logs.includes(secret), `${secret} in the logs`);
        assert.ok(!chat.sent().some((activity) => JSON.stringify(activity).includes(secret)), `${secret} echoed to the chat`);
      }
    });
  });

  describe('when the bot process is restarted', () => {
    const redis = new TestRedisServer();
    let first: BotProcess | undefined;
    let second: BotProcess | undefined;
    before(async () => { await redis.start(); });
    after(async () => {
      await first?.kill();
      await second?.kill();
      await redis.destroy();
    });

    it('continues the same conversation where it stood (SIGTERM exits 0)', async function () {
      const env = { PORT: String(await freePort()), REDIS_URL: redis.url, LOG_LEVEL: 'info', REDIS_KEY_PREFIX: randomPrefix() };
      first = await new BotProcess(env).start();
      const chat = new TeamsChat(connector, () => (second ?? first)!.url);
      await chat.say('merhaba');
      const stepThree = await advanceTo(chat, await openPinPath(chat, this), 1, 3);

      assert.equal(await first.stop('SIGTERM'), 0, first.output);
      assert.match(first.output, /eimza-bot stopped/);

      second = await new BotProcess(env).start();
      const replies = await chat.press(stepThree);
      assert.equal(chat.lastStatus, 200);
      assert.match(texts(replies), /Adım 4\/8/);
      assert.doesNotMatch(texts(replies), /E-imza Asistanı 👋/, 'welcomed again: the conversation state was lost');
      assert.equal(await second.stop('SIGTERM'), 0, second.output);
    });
  });

  describe('when a turn is in flight at SIGTERM', () => {
    const redis = new TestRedisServer();
    let bot: BotProcess | undefined;
    let slowConnector: Server | undefined;
    before(async () => { await redis.start(); });
    after(async () => {
      await bot?.kill();
      slowConnector?.closeAllConnections();
      await new Promise((done) => (slowConnector ? slowConnector.close(done) : done(undefined)));
      await redis.destroy();
    });

    it('finishes the turn (its replies reach the connector), saves state, then exits 0', async () => {
      // A connector that takes 700 ms to accept each reply, in front of the fake one.
      let firstReplyArrived!: () => void;
      const replyArriving = new Promise<void>((done) => (firstReplyArrived = done));
      slowConnector = createServer((req, res) => {
        firstReplyArrived();
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          setTimeout(() => {
            fetch(`http://127.0.0.1:${connector.port}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
              .then(async (answer) => {
                res.writeHead(answer.status, { 'content-type': 'application/json' });
                res.end(await answer.text());
              })
              .catch(() => { res.writeHead(502); res.end(); });
          }, 700);
        });
      });
      await new Promise<void>((done) => slowConnector!.listen(0, '127.0.0.1', done));
      const slowUrl = `http://127.0.0.1:${(slowConnector.address() as { port: number }).port}/`;

      const prefix = randomPrefix();
      bot = await new BotProcess({ PORT: String(await freePort()), REDIS_URL: redis.url, LOG_LEVEL: 'info', REDIS_KEY_PREFIX: prefix }).start();
      const conversationId = newConversationId();
      const posted = postToBot(bot.url, teamsMessage({ serviceUrl: slowUrl, conversationId, text: 'merhaba' }));
      await replyArriving; // the turn is now waiting on the connector
      const exit = bot.stop('SIGTERM');

      const postStatus = await posted.catch((error: Error) => `POST failed: ${error.message}`);
      const exitCode = await exit;
      assert.equal(postStatus, 200, bot.output);
      assert.equal(exitCode, 0, bot.output);
      const replies = connector.in(conversationId);
      assert.equal(replies.length, 2, 'welcome and menu both delivered');
      assert.match(visibleText(replies[1]), /Size nasıl yardımcı olabilirim\?/);
      const client = redis.client();
      try {
        const keys = await client.keys(`${prefix}*`);
        assert.ok(keys.some((key) => key.includes(conversationId)), `state saved before exit; keys: ${keys.join(', ')}`);
      } finally {
        client.disconnect();
      }
    });

    let local: BotUnderTest | undefined;
    let closing: Promise<void> | undefined;
    afterEach(async () => {
      await closing;
      await local?.close();
      local = undefined;
      closing = undefined;
    });

    it('refuses new turns while shutting down (503), so the connector retries elsewhere', async () => {
      // Covered by server.close(): once closing, POST /api/messages answers 503. Checked in-process
      // because a real process stops listening within milliseconds.
      local = await startBot({}, connector);
      closing = local.app.server.close(2000);
      const status = await postToBot(local.url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: newConversationId(), text: 'x' })).catch(() => 0);
      assert.ok(status === 503 || status === 0, `got ${status}`);
    });
  });

  describe('with an app id configured (auth on)', () => {
    let bot: BotUnderTest;
    const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const TENANT = '11111111-2222-3333-4444-555555555555';
    const originalConsoleError = console.error;
    let consoleErrors: string[] = [];
    before(async () => {
      bot = await startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT }, connector);
    });
    after(async () => { await bot?.close(); });
    // CloudAdapter reports auth failures with console.error; keep them out of the test output (and check them).
    beforeEach(() => {
      consoleErrors = [];
      console.error = (...args: unknown[]) => { consoleErrors.push(args.map(String).join(' ')); };
    });
    afterEach(() => { console.error = originalConsoleError; });

    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    // A JWT signed by nobody, from an issuer this single-tenant bot does not trust: rejected without fetching keys.
    const foreignToken = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${b64({ iss: 'https://sts.windows.net/99999999-0000-0000-0000-000000000000/', aud: APP_ID, exp: now + 3600, nbf: now - 60 })}.c2ln`;
    const rows: { name: string; headers: Record<string, string> }[] = [
      { name: 'no Authorization header', headers: {} },
      { name: 'a garbage bearer token', headers: { authorization: 'Bearer garbage-token-123' } },
      { name: 'a Basic credential', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
      { name: 'a forged JWT from a foreign issuer', headers: { authorization: `Bearer ${foreignToken}` } },
    ];
    for (const row of rows) {
      it(`answers a POST with ${row.name} 401, quickly, and sends nothing`, async () => {
        const conversationId = newConversationId();
        const started = Date.now();
        const status = await postToBot(bot.url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, text: 'merhaba' }), row.headers);
        assert.equal(status, 401);
        assert.ok(Date.now() - started < 3000, 'no wait on OpenID metadata');
        await new Promise((done) => setTimeout(done, 100));
        assert.deepEqual(connector.in(conversationId), []);
        const token = row.headers.authorization?.split(' ')[1];
        if (token) {
          assert.ok(!consoleErrors.join('\n').includes(token), 'the token was printed');
          assert.ok(!bot.logs.join('').includes(token), 'the token was logged');
        }
      });
    }
  });
});
