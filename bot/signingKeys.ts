import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { OpenIdMetadata, type IOpenIdMetadataKey } from 'botframework-connector/lib/auth/openIdMetadata';

/** How the fetch of the Bot Framework signing keys is bounded and backed off. */
export interface SigningKeyTuning {
  /** One fetch (OpenID metadata, then its JWKS) counts as failed after this long. */
  fetchTimeoutMs: number;
  /** After the first failure no fetch for this long; the wait doubles per failure up to `maxBackoffMs`. */
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_SIGNING_KEY_TUNING: SigningKeyTuning = { fetchTimeoutMs: 5_000, firstBackoffMs: 5_000, maxBackoffMs: 5 * 60_000 };

type Warn = (fields: object, message: string) => void;

/** The one process-wide setting (the SDK's key cache is process-wide too): the latest adapter's. */
let current: { tuning: SigningKeyTuning; warn: Warn } = { tuning: DEFAULT_SIGNING_KEY_TUNING, warn: () => {} };

/**
 * botframework-connector keeps one OpenIdMetadata per metadata URL in JwtTokenExtractor's static
 * cache. When fetching the keys fails it remembers nothing, so every request that carries a token
 * fetches again (node-fetch, no timeout): a flood of forged tokens while the keys are out of reach
 * becomes a flood of slow fetches. The SDK offers no hook, so its cache is filled with this
 * subclass instead: one fetch at a time, each bounded, and after a failure none until the back-off
 * ends. Meanwhile a key already seen still validates; any other token gets no key, so a 401.
 */
class BackedOffSigningKeys extends OpenIdMetadata {
  private retryAt = 0;
  private failures = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly known = new Map<string, IOpenIdMetadataKey>();

  constructor(private readonly metadataUrl: string, ...rest: ConstructorParameters<typeof OpenIdMetadata> extends [string, ...infer R] ? R : never) {
    super(metadataUrl, ...rest);
  }

  override getKey(keyId: string): Promise<IOpenIdMetadataKey | null> {
    const lookUp = this.queue.then(() => this.lookUp(keyId));
    this.queue = lookUp.catch(() => undefined);
    return lookUp;
  }

  private async lookUp(keyId: string): Promise<IOpenIdMetadataKey | null> {
    if (Date.now() < this.retryAt) return this.known.get(keyId) ?? null;
    const { tuning, warn } = current;
    try {
      const key = await withDeadline(super.getKey(keyId), tuning.fetchTimeoutMs);
      this.failures = 0;
      if (key) this.known.set(keyId, key);
      return key;
    } catch (error) {
      this.failures += 1;
      const retryInMs = Math.min(tuning.firstBackoffMs * 2 ** (this.failures - 1), tuning.maxBackoffMs);
      this.retryAt = Date.now() + retryInMs;
      warn({ url: this.metadataUrl, retryInMs, err: { message: (error as Error).message } }, 'Bot Framework signing keys could not be fetched; unknown tokens are refused until they can');
      return this.known.get(keyId) ?? null;
    }
  }
}

/** Puts the backed-off key cache in place of the SDK's (once per process); later calls update tuning and logger. */
export function backOffSigningKeyFetches(warn: Warn, tuning: SigningKeyTuning = DEFAULT_SIGNING_KEY_TUNING): void {
  current = { tuning, warn };
  const extractor = JwtTokenExtractor as unknown as {
    openIdMetadataCache: Map<string, OpenIdMetadata>;
    getOrAddOpenIdMetadata(url: string, ...rest: unknown[]): OpenIdMetadata;
    backedOff?: true;
  };
  if (extractor.backedOff) return;
  extractor.backedOff = true;
  extractor.getOrAddOpenIdMetadata = (url, ...rest) => {
    let metadata = extractor.openIdMetadataCache.get(url);
    if (!(metadata instanceof BackedOffSigningKeys)) {
      metadata = new BackedOffSigningKeys(url, ...(rest as []));
      extractor.openIdMetadataCache.set(url, metadata);
    }
    return metadata;
  };
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms); timer.unref(); });
  work.catch(() => undefined); // a late failure after the deadline is not unhandled
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
