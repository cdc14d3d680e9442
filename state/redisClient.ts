import { Redis } from 'ioredis';
import type { Logger } from '../bot/logger';
import { throttledWarn } from '../bot/throttledLog';

/**
 * A Redis client that fails fast while Redis is down (no offline queue, short timeouts) so a turn
 * gets an apology at once instead of hanging, and that keeps reconnecting in the background.
 */
export function createRedisClient(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let wasReady = false;
  const warn = throttledWarn(log);
  redis.on('error', (error: Error) => {
    if (wasReady) warn({ err: { message: error.message } }, 'redis error');
  });
  redis.on('ready', () => {
    wasReady = true;
    log.info('redis ready');
  });
  redis.on('end', () => log.info('redis connection closed'));
  return redis;
}

/** Connects, or logs and leaves the client reconnecting in the background when Redis is down at start. */
export async function connectOrKeepTrying(redis: Redis, log: Logger): Promise<void> {
  try {
    await redis.connect();
  } catch (error) {
    log.warn({ err: { message: (error as Error).message } }, 'redis not reachable at start; retrying in the background');
  }
}
