import type { TurnContext } from 'botbuilder';
import type { RenewalRequest, SuspensionCheck } from '../state/requestStore';

/** What a renewal request is recorded from (bot/requests/RequestService); the paths only record and read. */
export interface RenewalRecorder {
  add(draft: RenewalDraft, now: Date, context: TurnContext): Promise<Recorded>;
  forUser(userId: string): Promise<RenewalRequest[]>;
}

/** The request the person now has; `created` false: one was already open, and the person was shown it instead. */
export interface Recorded {
  request: RenewalRequest;
  created: boolean;
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
