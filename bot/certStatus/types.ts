import type { RevocationPointers } from '../../paired-agent/revocation';

export type { RevocationPointers };

/** A certificate as the bot keeps it for a revocation check: no name, no T.C. Kimlik No. */
export interface CertRef {
  /** Upper-case hex, as the agent reports it. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  revocation: RevocationPointers;
}

/**
 * good; suspended = revoked with reason certificateHold ("askıda"); revoked = any other reason;
 * unknown = the responder does not know the certificate; unchecked = no trustworthy answer
 * (timeout, unreachable, bad signature, stale): never read as good.
 */
export type RevocationStatus = 'good' | 'suspended' | 'revoked' | 'unknown' | 'unchecked';

export interface RevocationResult {
  status: RevocationStatus;
  /** CRL reason name (keyCompromise, certificateHold, …) when revoked. */
  reason?: string;
  revokedAt?: string;
  source?: 'ocsp' | 'crl';
  /** When the bot asked (ISO). */
  checkedAt: string;
  /** The answer is good until then (cache). */
  nextUpdate?: string;
  /** Why a check gave `unchecked` (for logs and the help desk; never shown as is to users). */
  problem?: string;
}

/** A trustworthy yes/no from one source (OCSP or CRL). */
export interface Verdict {
  status: Exclude<RevocationStatus, 'unchecked'>;
  reason?: string;
  revokedAt?: string;
  source: 'ocsp' | 'crl';
  thisUpdate: Date;
  nextUpdate?: Date;
}

/**
 * Why a source gave no verdict. `unreachable` (network, timeout, HTTP error, tryLater) lets the
 * checker fall back to the CRL; `unverifiable` and `stale` answers are refused outright.
 */
export class CheckError extends Error {
  override name = 'CheckError';
  constructor(readonly kind: 'unreachable' | 'unverifiable' | 'stale', message: string) {
    super(message);
  }
}

/** RFC 5280 CRLReason names by code. */
export const CRL_REASONS: Record<number, string> = {
  0: 'unspecified', 1: 'keyCompromise', 2: 'cACompromise', 3: 'affiliationChanged', 4: 'superseded',
  5: 'cessationOfOperation', 6: 'certificateHold', 8: 'removeFromCRL', 9: 'privilegeWithdrawn', 10: 'aACompromise',
};
export const CERTIFICATE_HOLD = 6;

/** What a revoked entry means for the user: certificateHold is a suspension, anything else is final. */
export function revokedVerdict(reasonCode: number | undefined): Pick<Verdict, 'status' | 'reason'> {
  if (reasonCode === CERTIFICATE_HOLD) return { status: 'suspended', reason: CRL_REASONS[CERTIFICATE_HOLD] };
  return { status: 'revoked', reason: reasonCode === undefined ? undefined : CRL_REASONS[reasonCode] ?? String(reasonCode) };
}
