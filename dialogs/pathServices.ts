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
