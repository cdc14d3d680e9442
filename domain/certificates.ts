import type { CardReport, CertificateState } from '../paired-agent/report';
import { dayOf } from './dates';

/** Where a certificate stands today: not yet valid (a new card), valid, or expired. */
export type CertificatePhase = 'new' | 'valid' | 'expired';

export function certificatePhase(cert: { notBefore: string; notAfter: string }, now: Date): CertificatePhase {
  if (Date.parse(cert.notBefore) > now.getTime()) return 'new';
  return Date.parse(cert.notAfter) < now.getTime() ? 'expired' : 'valid';
}

const PHASE_OF_STATE: Record<CertificateState, CertificatePhase> = { not_yet_valid: 'new', valid: 'valid', expired: 'expired' };
export const STATE_OF_PHASE: Record<CertificatePhase, CertificateState> = { new: 'not_yet_valid', valid: 'valid', expired: 'expired' };

/** The phase of the report's certificate: the agent's own state at reading, else from the dates (older agents). */
export function reportCertificatePhase(report: CardReport, cert: { notBefore: string; notAfter: string }, now: Date): CertificatePhase {
  return report.certificateState ? PHASE_OF_STATE[report.certificateState] : certificatePhase(cert, now);
}

/** The expiry day of the card in use (valid now, not `newSerial`), from the certificates the agents have shown. */
export function currentCardExpiry(certs: { serialNumber: string; notBefore: string; notAfter: string }[], newSerial: string, now: Date): string | undefined {
  const current = certs
    .filter((c) => c.serialNumber !== newSerial && certificatePhase(c, now) === 'valid')
    .sort((a, b) => b.notAfter.localeCompare(a.notAfter))[0];
  return current ? dayOf(current.notAfter) : undefined;
}
