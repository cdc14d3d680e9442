import type { TurnContext } from 'botbuilder';
import type { Policy } from './policy';
import type { RenewalRequestStore } from '../state/renewalRequests';
import type { ExpiryRoster } from '../state/expiryRoster';
import type { CardAgent } from '../bot/agentLink/cardAgent';
import type { RevocationChecker } from '../bot/certStatus';

/** What the guided paths need from outside: the policy, a clock (tests fix it) and the records. */
export interface PathServices {
  policy: Policy;
  now: () => Date;
  renewals: RenewalRequestStore;
  roster: ExpiryRoster;
  /** The user's paired card agent (bot/agentLink); absent: the paths behave as if nobody were paired. */
  agent?: CardAgent;
  /** Asks Kamu SM (OCSP/CRL) whether a certificate is suspended or revoked (bot/certStatus); absent: not asked. */
  certStatus?: RevocationChecker;
}

/** Who is talking: the Azure AD object id when Teams gives one (stable across chats), else the channel id. */
export function userOf(context: TurnContext): { userId: string; userName: string; conversationId: string } {
  const from = context.activity.from;
  return { userId: from.aadObjectId ?? from.id, userName: from.name ?? '', conversationId: context.activity.conversation.id };
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
