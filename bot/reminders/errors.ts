/** Teams asked us to slow down (429) or had a passing fault (412/502/503/504, network): try again. */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
  constructor(readonly status: number | undefined, readonly retryAfterMs: number | undefined, options?: { cause?: unknown }) {
    super(`Proactive send failed with ${status ?? 'a network error'}; will retry${retryAfterMs ? ` after ${retryAfterMs} ms` : ''}`, options);
  }
}

/** Teams will never deliver to this conversation (403 MessageWritesBlocked, 404 not found). */
export class ConversationGoneError extends Error {
  override name = 'ConversationGoneError';
  constructor(readonly status: number, options?: { cause?: unknown }) {
    super(`Proactive send refused with ${status}: the conversation is gone or blocked`, options);
  }
}

/** Any other refusal (400, 401 ...): retrying would not help. */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
  constructor(readonly status: number | undefined, options?: { cause?: unknown }) {
    super(`Proactive send failed with ${status ?? 'an unknown error'}`, options);
  }
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/** Turns what the Bot Connector client threw into one of the errors above. */
export function classifySendError(error: unknown, now = Date.now()): RetryableSendError | ConversationGoneError | PermanentSendError {
  const failure = error as { statusCode?: number; code?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = failure?.statusCode;
  if (status === 403 || status === 404) return new ConversationGoneError(status, { cause: error });
  if (status !== undefined && RETRYABLE.has(status)) {
    return new RetryableSendError(status, retryAfterMs(failure.response?.headers?.get?.('retry-after'), now), { cause: error });
  }
  if (status === undefined) return new RetryableSendError(undefined, undefined, { cause: error });
  return new PermanentSendError(status, { cause: error });
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
