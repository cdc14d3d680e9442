import { config as loadDotenv } from 'dotenv';
import { Redis } from 'ioredis';
import { loadConfig, type BotConfig } from '../config';
import { loadPolicy, type Policy } from '../../domain/policy';
import { ConversationReferenceStore } from '../../state/conversationReferences';
import { ExpiryRoster } from '../../state/expiryRoster';
import { RedisRosterBackend } from '../../state/redisRosterBackend';
import { RedisPingLedger } from '../../state/redisPingLedger';

/** What the operations commands (roster:import, reminders:preview) share: config, Redis, roster. */
export interface CliParts {
  config: BotConfig;
  policy: Policy;
  redis: Redis;
  roster: ExpiryRoster;
  references: ConversationReferenceStore;
  ledger: RedisPingLedger;
  close(): Promise<void>;
}

/** The roster lives in Redis: without REDIS_URL these commands have nothing to work on. */
export class NoRedisConfiguredError extends Error {
  override name = 'NoRedisConfiguredError';
}

export function openCliParts(): CliParts {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  if (!config.REDIS_URL) throw new NoRedisConfiguredError('REDIS_URL is not set: the roster is kept in Redis (without it, it lives only inside a running bot)');
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on('error', () => undefined);
  const prefix = config.REDIS_KEY_PREFIX;
  return {
    config, policy: loadPolicy(), redis,
    roster: new ExpiryRoster(new RedisRosterBackend(redis, prefix)),
    references: new ConversationReferenceStore(redis, prefix),
    ledger: new RedisPingLedger(redis, prefix),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
