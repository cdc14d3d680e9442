import type { CertRef, RevocationChecker, RevocationResult } from '../bot/certStatus';
import type { CardAgent } from '../bot/agentLink/cardAgent';
import { certificatePhase } from './certificates';

/** What a check needs: a clock, and the agent and checker when there are (the paths' services). */
export interface CertificateCheckServices {
  now: () => Date;
  agent?: CardAgent;
  certStatus?: RevocationChecker;
}

/** The check's result as the renewal request and the help desk ticket keep it. */
export type CheckRecord = Pick<RevocationResult, 'status' | 'checkedAt' | 'source'>;

/**
 * Asks Kamu SM (bot/certStatus) about the user's certificate in use: the valid one the paired
 * agent last reported with revocation pointers, latest expiry first. Undefined when there is no
 * checker, no agent or no such certificate; a failure of the check itself is `unchecked`.
 */
export async function checkUserCertificate(services: CertificateCheckServices, userId: string, options: { fresh?: boolean } = {}): Promise<RevocationResult | undefined> {
  if (!services.certStatus || !services.agent) return undefined;
  const now = services.now();
  const certs = await services.agent.certificates(userId).catch(() => []);
  const inUse = certs
    .filter((c) => c.revocation && certificatePhase(c, now) === 'valid')
    .sort((a, b) => b.notAfter.localeCompare(a.notAfter))[0];
  if (!inUse?.revocation) return undefined;
  return checkCertificate(services, { serialNumber: inUse.serialNumber, notBefore: inUse.notBefore, notAfter: inUse.notAfter, revocation: inUse.revocation }, options);
}

export async function checkCertificate(services: CertificateCheckServices, ref: CertRef, options: { fresh?: boolean } = {}): Promise<RevocationResult | undefined> {
  if (!services.certStatus) return undefined;
  try {
    return await services.certStatus.check(ref, options);
  } catch (error) {
    return { status: 'unchecked', checkedAt: services.now().toISOString(), problem: (error as Error).message };
  }
}

export function checkRecord(result: RevocationResult | undefined): CheckRecord | undefined {
  return result && { status: result.status, checkedAt: result.checkedAt, source: result.source };
}
