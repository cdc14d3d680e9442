import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { TestRedisServer } from '../support/redisServer';
import { adaptiveCardOf, FakeConnector, visibleText, type ReceivedActivity } from '../support/fakeConnector';
import { ayse, newConversationId, postToBot, teamsMessage } from '../support/teams';
import { addDays, formatDate, istanbulDate } from '../../domain/dates';
import { clearPrefix, randomPrefix } from '../support/keys';

/**
 * The same press delivered twice at once (a double press, or a Teams retry)
 * has exactly one effect: one next card, one renewal record, no error, and the conversation goes on.
 * On one instance and on two instances sharing a real Redis.
 */
describe('the same press twice at once has one effect (real Redis)', function () {
  this.timeout(60_000);
  const redisServer = new TestRedisServer();
  let inspector: Redis;
  let connector: FakeConnector;
  const bots: BotUnderTest[] = [];
  let prefix = '';

  before(async () => {
    await redisServer.start();
    inspector = redisServer.client();
    connector = await new FakeConnector().start();
  });
  after(async () => {
    inspector.disconnect();
    await connector.stop();
    await redisServer.destroy();
  });
  beforeEach(() => {
    prefix = randomPrefix();
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.close()));
    await clearPrefix(inspector, prefix);
  });

  /** `count` bot instances sharing this test's Redis prefix. */
  async function instances(count: number): Promise<BotUnderTest[]> {
    const env = { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: prefix, REMINDERS_ENABLED: 'false', HANDOFF_SWEEP_INTERVAL_MS: '3600000' };
    const started = await Promise.all(Array.from({ length: count }, () => startBot(env, connector)));
    bots.push(...started);
    return started;
  }

  function cardsIn(conversationId: string): ReceivedActivity[] {
    return connector.received.filter((activity) => activity.conversation?.id === conversationId);
  }

  /** The data of the last card's button that answers with `choice`. */
  function answerFor(conversationId: string, choice: string): Record<string, unknown> {
    for (const activity of [...cardsIn(conversationId)].reverse()) {
      const actions = (adaptiveCardOf(activity)?.actions ?? []) as { data?: Record<string, unknown> }[];
      const found = actions.find((action) => action.data?.choice === choice);
      if (found?.data) return found.data;
    }
    throw new Error(`no button answering ${choice}`);
  }

  /** Sends one activity and waits until the bot has answered it. */
  async function send(bot: BotUnderTest, conversationId: string, body: { text?: string; value?: Record<string, unknown> }): Promise<void> {
    const before = cardsIn(conversationId).length;
    assert.equal(await postToBot(bot.url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, ...body })), 200);
    await connector.waitFor(() => cardsIn(conversationId).length > before);
  }

  async function toRoleQuestion(bot: BotUnderTest, conversationId: string): Promise<Record<string, unknown>> {
    await send(bot, conversationId, { text: 'merhaba' });
    await send(bot, conversationId, { value: { verb: 'path.renewal' } });
    await send(bot, conversationId, { value: answerFor(conversationId, 'normalExpiry') });
    const today = istanbulDate(new Date());
    await send(bot, conversationId, { text: formatDate(addDays(today, 10)) });
    return answerFor(conversationId, 'administrative');
  }

  /** Renewal requests recorded for Ayşe, read through the store every instance shares. */
  async function recordsOf(): Promise<number> {
    return (await bots[0].app.requests.forUser(ayse.aadObjectId!)).length;
  }

  for (const count of [1, 2]) {
    it(`on ${count === 1 ? 'one instance' : 'two instances'}: one record, one answer, no error, and the conversation goes on`, async () => {
      const [first, second = first] = await instances(count);
      const conversationId = newConversationId();
      const press = await toRoleQuestion(first, conversationId);
      const before = cardsIn(conversationId).length;

      const statuses = await Promise.all([first, second].map((bot) =>
        postToBot(bot.url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, value: { ...press } }))));
      assert.deepEqual(statuses, [200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 300));

      const answers = cardsIn(conversationId).slice(before).map(visibleText);
      assert.equal(await recordsOf(), 1, 'exactly one renewal record');
      assert.equal(answers.filter((text) => text.includes('Talep numaranız')).length, 1, `one request number:\n${answers.join('\n---\n')}`);
      assert.ok(!answers.some((text) => /ters gitti|bir sorun oluştu|something went wrong/i.test(text)), answers.join('\n---\n'));

      // The conversation was not reset: it still answers, and its state is still there.
      await send(second, conversationId, { text: 'menü' });
      assert.ok((await inspector.keys(`${prefix}*`)).some((key) => key.includes(conversationId)), 'conversation state kept');
    });
  }

  it('a Teams retry of one message (same activity id) on two instances records once', async () => {
    const [first, second] = await instances(2);
    const conversationId = newConversationId();
    const press = await toRoleQuestion(first, conversationId);
    const activity = teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, value: { ...press } });
    const statuses = await Promise.all([first, second].map((bot) => postToBot(bot.url, activity)));
    assert.deepEqual(statuses, [200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await recordsOf(), 1);
  });
});
