import type { TurnContext } from 'botbuilder';
import type { Policy } from '../domain/policy';
import { userOf } from '../domain/people';
import type { RenewalRecorder } from '../domain/renewals';
import type { ExpiryRoster } from '../state/expiryRoster';
import type { CardAgent } from '../bot/agentLink/cardAgent';
import type { RevocationChecker } from '../bot/certStatus';

/** What the guided paths need from outside: the policy, a clock (tests fix it) and the records. */
export interface PathServices {
  policy: Policy;
  now: () => Date;
  renewals: RenewalRecorder;
  roster: ExpiryRoster;
  /** The user's paired card agent (bot/agentLink); absent: the paths behave as if nobody were paired. */
  agent?: CardAgent;
  /** Asks Kamu SM (OCSP/CRL) whether a certificate is suspended or revoked (bot/certStatus); absent: not asked. */
  certStatus?: RevocationChecker;
}

/**
 * A renewal request is recorded: the expiry pings for the certificate it renews stop, as after
 * "Başvurdum" (a ping saying "apply now" would contradict "talebinizi kaydettim"). `expiry`: the
 * certificate the user named (only that one); none: the old certificate is revoked (lost card,
 * fault, block, identity), so the pings for the current one stop.
 */
export async function stopExpiryPings(services: PathServices, context: TurnContext, expiry?: string): Promise<void> {
  const { userId } = userOf(context);
  const current = expiry ?? (await services.roster.get(userId))?.expiry;
  if (current) await services.roster.markApplied(userId, current, services.now());
}
