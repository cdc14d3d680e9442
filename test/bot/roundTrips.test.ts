import assert from 'node:assert/strict';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { TestRedisServer } from '../support/redisServer';
import { RedisRoundTripCounter } from '../support/redisRoundTripCounter';
import { adaptiveCardOf } from '../support/fakeConnector';
import { newConversationId, postToBot, teamsMessage } from '../support/teams';

describe('Redis round trips per turn (through a counting proxy)', () => {
  const redisServer = new TestRedisServer();
  let counter: RedisRoundTripCounter;
  let bot: BotUnderTest;

  before(async () => {
    await redisServer.start();
    counter = await new RedisRoundTripCounter(redisServer.port).start();
    // Only the turn's own traffic: no reminder workers, no handoff sweeps during the test.
    bot = await startBot({ REDIS_URL: counter.url, REMINDERS_ENABLED: 'false', HANDOFF_SWEEP_INTERVAL_MS: '3600000' });
  });
  after(async () => {
    await bot.close();
    await counter.stop();
    await redisServer.destroy();
  });

  async function turn(conversationId: string, text?: string, value?: Record<string, unknown>): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 50)); // let background traffic settle
    const before = counter.roundTrips;
    assert.equal(await postToBot(bot.url, teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text, value })), 200);
    return counter.roundTrips - before;
  }

  function lastAnswerData(conversationId: string): Record<string, unknown> {
    for (const activity of [...bot.connector.in(conversationId)].reverse()) {
      const actions = (adaptiveCardOf(activity)?.actions ?? []) as { data?: Record<string, unknown> }[];
      const next = actions.find((action) => action.data?.choice === 'next');
      if (next?.data) return next.data;
    }
    throw new Error('no next-step button');
  }

  it('a typed message and each step of a path cost one read and one write, plus taking and releasing the conversation lock', async () => {
    // Opening the new-card PIN path also asks whether the user has a paired card agent (one read).
    // The conversation lease serialises the turns of a conversation across instances: +2 (SET NX, release) per turn.
    const conversationId = newConversationId();
    await turn(conversationId, 'merhaba'); // first contact also saves the conversation reference
    const costs = {
      menu: await turn(conversationId, 'menü'),
      path: await turn(conversationId, undefined, { verb: 'path.newCardPin' }),
      step: await turn(conversationId, undefined, lastAnswerData(conversationId)),
      freeText: await turn(conversationId, 'kartımı kaybettim'),
    };
    assert.deepEqual(costs, { menu: 4, path: 5, step: 4, freeText: 4 });
  });
});
