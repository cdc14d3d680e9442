import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { RevocationStatus } from '../bot/certStatus/types';

/** A renewal the help desk must act on. Never holds a PIN, PUK or T.C. Kimlik No. */
export interface RenewalRequest {
  id: string;
  /** Teams user (Azure AD object id when known). */
  userId: string;
  userName: string;
  conversationId: string;
  reason: string;
  role?: string;
  /** Certificate expiry as 2026-11-21, when known. */
  expiry?: string;
  payer: 'person' | 'institution';
  /** The policy rule that decided the payer (F1, F2, F3). */
  feeSource: string;
  /** Applied after expiry: the wet-signed form is needed (R2). */
  late: boolean;
  /** Lost card: what Kamu SM said about the suspension, and when (issue 18). */
  suspensionCheck?: { status: RevocationStatus; checkedAt: string; source?: 'ocsp' | 'crl' };
  createdAt: string;
}

interface UserRequests {
  requests: RenewalRequest[];
  eTag?: string;
}

const MAX_KEPT_PER_USER = 20;

/**
 * Renewal requests, per user, in the bot's Storage (Redis or memory), kept apart from
 * conversation state so they do not expire with an idle conversation.
 */
export class RenewalRequestStore {
  constructor(private readonly storage: Storage) {}

  async add(request: Omit<RenewalRequest, 'id' | 'createdAt'>, now: Date): Promise<RenewalRequest> {
    const saved: RenewalRequest = { ...request, id: randomUUID(), createdAt: now.toISOString() };
    const key = keyFor(request.userId);
    const current = ((await this.storage.read([key]))[key] as UserRequests | undefined) ?? { requests: [] };
    const requests = [...current.requests, saved].slice(-MAX_KEPT_PER_USER);
    await this.storage.write({ [key]: { ...current, requests } });
    return saved;
  }

  async forUser(userId: string): Promise<RenewalRequest[]> {
    const key = keyFor(userId);
    return ((await this.storage.read([key]))[key] as UserRequests | undefined)?.requests ?? [];
  }
}

function keyFor(userId: string): string {
  return `renewalRequests/${userId}`;
}
