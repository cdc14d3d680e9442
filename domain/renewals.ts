import type { TurnContext } from 'botbuilder';
import type { RenewalRequest, SuspensionCheck } from '../state/requestStore';

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
