import assert from 'node:assert/strict';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { TestRedisServer } from '../support/redisServer';
import { ayse, newConversationId, postToBot, teamsMessage } from '../support/teams';
import { randomPrefix } from '../support/keys';

describe('GET /metrics (Prometheus)', () => {
  const redisServer = new TestRedisServer();
  let bot: BotUnderTest;
  const conversationId = newConversationId();

  before(async () => {
    await redisServer.start();
    bot = await startBot({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: randomPrefix() });
    for (const text of ['merhaba', 'kartımı kaybettim', 'iptal']) {
      await postToBot(bot.url, teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text }));
    }
  });
  after(async () => {
    await bot.close();
    await redisServer.destroy();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${bot.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/plain/);
    return response.text();
  }

  it('counts turns by activity type in a latency histogram', async () => {
    const text = await scrape();
    assert.match(text, /eimza_turn_duration_seconds_count\{activity_type="message"\} 3/);
    assert.match(text, /eimza_turn_duration_seconds_bucket\{le="0.5",activity_type="message"\} \d+/);
  });

  it('measures Redis round trips by operation', async () => {
    const text = await scrape();
    const reads = Number(/eimza_redis_duration_seconds_count\{operation="read"\} (\d+)/.exec(text)?.[1]);
    const writes = Number(/eimza_redis_duration_seconds_count\{operation="write"\} (\d+)/.exec(text)?.[1]);
    assert.ok(reads >= 3 && writes >= 3, `reads ${reads}, writes ${writes}`);
  });

  it('exposes errors, handoff queue, reminder pings and paired agents', async () => {
    const text = await scrape();
    for (const name of ['eimza_turn_errors_total', 'eimza_handoff_queue_length', 'eimza_reminder_pings_total', 'eimza_paired_agents_online']) {
      assert.ok(text.includes(`# TYPE ${name}`), name);
    }
  });

  it('carries no user id, name or conversation id', async () => {
    const text = await scrape();
    for (const personal of [ayse.id, ayse.aadObjectId, ayse.name, 'Ayşe', conversationId]) assert.ok(!text.includes(personal), personal);
  });
});
