import assert from 'node:assert/strict';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { BotProcess } from '../support/botProcess';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { freePort, TestRedisServer } from '../support/redisServer';
import { randomPrefix } from '../support/keys';

/** Shutdown with Redis down, the reminder schedule after Redis comes back empty, quiet logs. */
describe('faults: Redis down at shutdown, Redis back empty (real redis-server)', function () {
  this.timeout(60_000);

  describe('SIGTERM while Redis is down', () => {
    const redis = new TestRedisServer();
    let bot: BotProcess | undefined;
    afterEach(async () => {
      await bot?.kill();
      await redis.destroy();
    });

    it('exits 0 within the grace time, and logs each repeated connection error once per interval', async () => {
      await redis.start();
      bot = await new BotProcess({
        PORT: String(await freePort()), REDIS_URL: redis.url, REDIS_KEY_PREFIX: randomPrefix(), LOG_LEVEL: 'info',
        HANDOFF_SWEEP_INTERVAL_MS: '100',
      }).start();
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // reconnect attempts and sweeps pile up
      const started = Date.now();
      const code = await bot.stop('SIGTERM');
      const took = Date.now() - started;
      assert.equal(code, 0, bot.output);
      assert.ok(took < 15_000, `took ${took} ms`);
      const lines = bot.output.split('\n');
      for (const message of ['help desk timer sweep failed', '"msg":"redis error"']) {
        const count = lines.filter((line) => line.includes(message)).length;
        assert.ok(count <= 1, `${message} logged ${count} times:\n${bot.output}`);
      }
    });
  });

  describe('Redis comes back empty', () => {
    let redis: TestRedisServer;
    let bot: BotUnderTest;
    let inspector: Redis;
    const prefix = randomPrefix();

    before(async () => {
      redis = await new TestRedisServer().start();
      bot = await startBot({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix });
      inspector = redis.client();
    });
    after(async () => {
      inspector.disconnect();
      await bot.close();
      await redis.destroy();
    });

    async function scheduled(): Promise<boolean> {
      const queue = new Queue('reminders-scan', { connection: inspector, prefix: `${prefix}bull` });
      try {
        return Boolean(await queue.getJobScheduler('daily-expiry-scan'));
      } finally {
        await queue.close();
      }
    }

    async function health(): Promise<{ status: number; body: { status: string; reminders: { schedule?: string } } }> {
      const response = await fetch(`${bot.url}/healthz`);
      return { status: response.status, body: (await response.json()) as never };
    }

    it('after a flush, /healthz puts the daily scan schedule back and says so', async () => {
      assert.equal(await scheduled(), true);
      assert.equal((await health()).body.reminders.schedule, 'present');
      await inspector.flushall();
      assert.equal(await scheduled(), false);
      const afterFlush = await health();
      assert.equal(afterFlush.body.reminders.schedule, 'recreated');
      assert.equal(await scheduled(), true);
      assert.equal((await health()).body.reminders.schedule, 'present');
    });

    it('after a restart with no data, the schedule is re-created on reconnect', async () => {
      const port = redis.port;
      await redis.destroy(); // its data goes with it
      inspector.disconnect();
      redis = new TestRedisServer();
      redis.port = port;
      await redis.start();
      inspector = redis.client();
      const deadline = Date.now() + 15_000;
      while (!(await scheduled().catch(() => false))) {
        assert.ok(Date.now() < deadline, 'the schedule was not re-created');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  });
});
