import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A fresh Redis key prefix for one test (`t<10 hex>:`), so tests sharing a redis-server never see each other's keys. */
export function randomPrefix(): string {
  return `t${randomBytes(5).toString('hex')}:`;
}

/** Deletes every key under `prefix`, through `redis` (a client or a URL). Meant for afterEach. */
export async function clearPrefix(redis: Redis | string, prefix: string): Promise<void> {
  const client = typeof redis === 'string' ? new Redis(redis) : redis;
  if (typeof redis === 'string') client.on('error', () => undefined);
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length) await client.del(...keys);
  } finally {
    if (typeof redis === 'string') await client.quit().catch(() => client.disconnect());
  }
}
