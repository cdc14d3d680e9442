import type { TurnContext } from 'botbuilder';
import type { Policy } from './policy';
import type { RenewalRequest, SuspensionCheck } from '../state/requestStore';
import type { ExpiryRoster } from '../state/expiryRoster';
import type { CardAgent } from '../bot/agentLink/cardAgent';
import type { RevocationChecker } from '../bot/certStatus';

/** What a renewal request is recorded from (bot/requests/RequestService); the paths only record and read. */
export interface RenewalRecorder {
  add(draft: RenewalDraft, now: Date, context: TurnContext): Promise<RenewalRequest>;
  forUser(userId: string): Promise<RenewalRequest[]>;
}

export interface RenewalDraft {
  reason: string;
  role?: string;
  expiry?: string;
  payer: 'person' | 'institution';
  feeSource: string;
  late: boolean;
  /** Lost card: what Kamu SM said about the suspension, and when (bot/certStatus). */
  suspensionCheck?: SuspensionCheck;
}

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

/** Who is talking: the Azure AD object id when Teams gives one (stable across chats), else the channel id. */
export function userOf(context: TurnContext): { userId: string; userName: string; conversationId: string } {
  const from = context.activity.from;
  return { userId: from.aadObjectId ?? from.id, userName: from.name ?? '', conversationId: context.activity.conversation.id };
}
