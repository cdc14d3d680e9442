import assert from 'node:assert/strict';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { newConversationId, postToBot, teamsMessage } from '../support/teams';

/**
 * A bounded fuzz of /api/messages on loopback. A few hundred hostile bodies from a fixed
 * seed (so a failure replays): fields swapped for other types, huge or odd strings, deep nesting,
 * broken JSON, invokes. None may get a 5xx, and the bot must still answer an ordinary message after.
 */
const BODIES = 300;
const SEED = 0x15eed;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzz: hostile bodies to /api/messages', function () {
  this.timeout(120_000);
  let bot: BotUnderTest;
  before(async () => { bot = await startBot({ LOG_LEVEL: 'fatal' }); });
  after(async () => { await bot.close(); });

  it(`answers ${BODIES} hostile bodies without a 5xx, and still answers after`, async () => {
    const next = random(SEED);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });
    const oddValues = (): unknown => pick<() => unknown>([
      () => 42, () => -1.5, () => true, () => null, () => [], () => [1, 'a', null], () => ({}), () => ({ toString: 'x' }),
      () => 'x'.repeat(Math.floor(next() * 20_000)), () => '\u0000\uffff\ud800', () => '𝕏🙂İıŞş', () => nested(Math.floor(next() * 200)),
      () => '10000000146', () => 'pin 482913 '.repeat(500), () => 'http://127.0.0.1:1/', () => '', () => '../../etc/passwd', () => '__proto__',
    ])();
    const fields = ['type', 'id', 'name', 'text', 'locale', 'value', 'conversation', 'from', 'recipient', 'attachments', 'entities',
      'channelData', 'replyToId', 'timestamp', 'serviceUrl', 'channelId', 'textFormat', 'membersAdded', '__proto__', 'constructor'];
    const statuses = new Map<number, number>();
    for (let index = 0; index < BODIES; index++) {
      const base = structuredClone(teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId: newConversationId(), text: 'merhaba' })) as Record<string, unknown>;
      const kind = next();
      let body: unknown;
      if (kind < 0.1) body = pick(['{', '[]', 'null', '"x"', '{"type":', '\u0000', '{"a":1}{"b":2}', '1e999']);
      else {
        const mutations = 1 + Math.floor(next() * 3);
        for (let count = 0; count < mutations; count++) {
          const field = pick(fields);
          const own = Object.hasOwn(base, field) && base[field] && typeof base[field] === 'object';
          // Own properties only (defineProperty): "__proto__" must reach the bot as a key, not change this process's prototypes.
          if (next() < 0.3 && own) Object.defineProperty(base[field], pick(['id', 'name', 'conversationType', 'aadObjectId', 'tenantId']), { value: oddValues(), enumerable: true, writable: true });
          else Object.defineProperty(base, field, { value: oddValues(), enumerable: true, writable: true, configurable: true });
        }
        if (next() < 0.15) Object.assign(base, { type: 'invoke', name: pick(['adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'x']), value: oddValues() });
        if (next() < 0.15) base.value = { verb: pick(['answer', 'path.renewal', 'handoff.claim', 'agent.unpair', 'nope']), promptId: oddValues(), choice: oddValues(), ticketId: oddValues() };
        body = base;
      }
      const status = await postToBot(bot.url, body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      assert.ok(status < 500, `body ${index} got ${status}: ${JSON.stringify(body)?.slice(-400)}`);
    }
    assert.ok((statuses.get(400) ?? 0) > 0 && (statuses.get(200) ?? 0) > 0, JSON.stringify([...statuses]));

    bot.connector.clear();
    const conversationId = newConversationId();
    assert.equal(await postToBot(bot.url, teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text: 'merhaba' })), 200);
    await bot.connector.waitFor((received) => received.some((activity) => activity.conversation?.id === conversationId));
  });
});
