import { RetryableSendError } from './errors';

/**
 * The wait before try `attemptsMade + 1`: Teams' Retry-After when it gave one, otherwise
 * `baseMs` doubling per try (capped at 10 minutes) with ±20 % jitter so retries do not bunch.
 */
export function retryDelay(attemptsMade: number, error: unknown, baseMs: number, random = Math.random): number {
  if (error instanceof RetryableSendError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const plain = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 600_000);
  return Math.round(plain * (0.8 + 0.4 * random()));
}
