import { ConfigError, type BotConfig } from '../config';
import { IssuerDirectory } from './issuers';
import { RevocationChecker } from './revocationChecker';

export { RevocationChecker } from './revocationChecker';
export type { CertRef, RevocationResult, RevocationStatus } from './types';

/** The checker the bot uses, or none when no CA certificates are configured (CERT_STATUS_CA_CERTS). */
export function createRevocationChecker(config: BotConfig, now: () => Date): RevocationChecker | undefined {
  if (!config.CERT_STATUS_CA_CERTS) return undefined;
  const issuers = IssuerDirectory.load(config.CERT_STATUS_CA_CERTS);
  if (issuers.issuers.length === 0) throw new ConfigError(`Invalid configuration. CERT_STATUS_CA_CERTS: no certificate in ${config.CERT_STATUS_CA_CERTS}`);
  return new RevocationChecker({
    issuers,
    now,
    timeoutMs: config.CERT_STATUS_TIMEOUT_MS,
    clockSkewMs: 5 * 60_000,
    maxAgeMs: config.CERT_STATUS_MAX_AGE_SECONDS * 1000,
  });
}
