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
