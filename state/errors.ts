/** Storage could not be reached (Redis down, timed out, or refusing writes). The turn can be retried later. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A write carried an eTag that no longer matches the stored item: someone else wrote first. */
export class ETagConflictError extends Error {
  override name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: eTag conflict writing "${key}"`);
  }
}

/** Redis storage throws ETagConflictError; botbuilder's MemoryStorage a plain Error naming the conflict. */
export function isETagConflict(error: unknown): boolean {
  return error instanceof ETagConflictError || /eTag conflict/i.test((error as Error | undefined)?.message ?? '');
}
