import { askCrl } from './crlClient';
import type { Freshness } from './fetchBytes';
import type { IssuerCert, IssuerDirectory } from './issuers';
import { askOcsp } from './ocspClient';
import { CheckError, type CertRef, type RevocationResult, type Verdict } from './types';

export interface RevocationCheckerOptions {
  issuers: IssuerDirectory;
  now: () => Date;
  /** Per request (OCSP, then each CRL). */
  timeoutMs: number;
  clockSkewMs: number;
  /** An OCSP answer without nextUpdate is accepted this long after its thisUpdate. */
  maxAgeMs: number;
}

export interface CheckOptions {
  /** The issuer certificate, when the caller has it (cert:status --issuer); else the directory's. */
  issuer?: IssuerCert;
  /** Ask again even when a cached "good" answer is still fresh (the user says they have just suspended it). */
  fresh?: boolean;
}

const MAX_CACHED = 10_000;

/**
 * Is this certificate good, suspended (certificateHold), revoked or unknown? OCSP first; the CRL
 * when the responder cannot be reached. A timeout or an answer that does not verify is
 * `unchecked`, never good. Verified answers are cached until their nextUpdate.
 */
export class RevocationChecker {
  private readonly cache = new Map<string, { result: RevocationResult; until: number }>();

  constructor(private readonly options: RevocationCheckerOptions) {}

  async check(ref: CertRef, options: CheckOptions = {}): Promise<RevocationResult> {
    const now = this.options.now();
    const issuer = options.issuer ?? this.options.issuers.find(ref.revocation);
    if (!issuer) return unchecked(now, 'the issuer certificate is not among CERT_STATUS_CA_CERTS');
    const key = `${issuer.keyHash}:${ref.serialNumber.toLowerCase().replace(/^0+/, '')}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > now.getTime() && !(options.fresh && cached.result.status === 'good')) return cached.result;
    const result = await this.ask(ref, issuer, now);
    if (result.nextUpdate) this.remember(key, result);
    return result;
  }

  private async ask(ref: CertRef, issuer: IssuerCert, now: Date): Promise<RevocationResult> {
    const rules: Freshness & { timeoutMs: number; serialNumber: string; issuer: IssuerCert } = {
      now, clockSkewMs: this.options.clockSkewMs, maxAgeMs: this.options.maxAgeMs, timeoutMs: this.options.timeoutMs, serialNumber: ref.serialNumber, issuer,
    };
    const problems: string[] = [];
    for (const url of ref.revocation.ocspUrls) {
      try {
        return resultOf(await askOcsp({ ...rules, url }), now);
      } catch (error) {
        if (!(error instanceof CheckError)) throw error;
        // Only an unreachable responder sends us to the CRL; a forged or stale answer is refused.
        if (error.kind !== 'unreachable') return unchecked(now, error.message);
        problems.push(error.message);
      }
    }
    for (const url of ref.revocation.crlUrls) {
      try {
        return resultOf(await askCrl({ ...rules, url }), now);
      } catch (error) {
        if (!(error instanceof CheckError)) throw error;
        problems.push(error.message);
      }
    }
    return unchecked(now, problems.join('; ') || 'the certificate names no OCSP responder and no CRL');
  }

  private remember(key: string, result: RevocationResult): void {
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { result, until: Date.parse(result.nextUpdate!) });
  }
}

function resultOf(verdict: Verdict, now: Date): RevocationResult {
  return {
    status: verdict.status, reason: verdict.reason, revokedAt: verdict.revokedAt, source: verdict.source,
    checkedAt: now.toISOString(), nextUpdate: verdict.nextUpdate?.toISOString(),
  };
}

function unchecked(now: Date, problem: string): RevocationResult {
  return { status: 'unchecked', checkedAt: now.toISOString(), problem };
}
