import type { TurnContext } from 'botbuilder';
import type { CardReport } from '../paired-agent/report';
import type { CardAgent } from '../bot/agentLink/cardAgent';
import { dayOf } from './dates';
import { currentCardExpiry, reportCertificatePhase } from './certificates';
import { userOf } from './people';

/** What reading the card needs: a clock, and the user's paired agent when there is one (the paths' services). */
export interface ReaderServices {
  now: () => Date;
  agent?: CardAgent;
}

/** What the renewal and new-card paths learn from the paired agent, when there is one. */
export type ReaderCard =
  | { kind: 'none' }
  /** The card in use (valid or expired): its expiry day is the answer to "when does it expire". */
  | { kind: 'current'; expiry: string; serial: string; deviceName: string }
  /** A card whose certificate is not valid yet: the NEW card (R3). `oldExpiry` when known. */
  | { kind: 'new'; validFrom: string; expiry: string; serial: string; oldExpiry?: string; deviceName: string };

/**
 * Reads the card in the user's reader through the paired agent. Anything short of a Kamu SM
 * signing certificate (not paired, offline, no card, Redis trouble) is `none`: the path then
 * asks the user, as it does without an agent.
 */
export async function readReaderCard(services: ReaderServices, context: TurnContext): Promise<ReaderCard> {
  if (!services.agent) return { kind: 'none' };
  const { userId } = userOf(context);
  try {
    const reading = await services.agent.readCard(userId);
    if (reading.kind !== 'report') return { kind: 'none' };
    return await classify(services, userId, reading.report, reading.deviceName);
  } catch {
    return { kind: 'none' };
  }
}

async function classify(services: ReaderServices, userId: string, report: CardReport, deviceName: string): Promise<ReaderCard> {
  const cert = report.certificate;
  if (!cert || !cert.isKamuSm) return { kind: 'none' };
  const now = services.now();
  const expiry = dayOf(cert.notAfter);
  if (reportCertificatePhase(report, cert, now) !== 'new') return { kind: 'current', expiry, serial: cert.serialNumber, deviceName };
  const oldExpiry = currentCardExpiry(await services.agent!.certificates(userId), cert.serialNumber, now);
  return { kind: 'new', validFrom: dayOf(cert.notBefore), expiry, serial: cert.serialNumber, oldExpiry, deviceName };
}
