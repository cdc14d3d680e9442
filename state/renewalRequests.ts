import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import { isETagConflict } from './errors';

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
  createdAt: string;
  /** What recorded it (the answered prompt, or the message): the same answer twice is one request. */
  sourceId?: string;
}

interface UserRequests {
  requests: RenewalRequest[];
  eTag?: string;
}

const MAX_KEPT_PER_USER = 20;
const WRITE_ATTEMPTS = 5;

/**
 * Renewal requests, per user, in the bot's Storage (Redis or memory), kept apart from
 * conversation state so they do not expire with an idle conversation.
 */
export class RenewalRequestStore {
  constructor(private readonly storage: Storage) {}

  /**
   * Records a request once per `sourceId` (a double press or a retry returns the first record),
   * written with the eTag it read and retried when someone else wrote in between.
   */
  async add(request: Omit<RenewalRequest, 'id' | 'createdAt'>, now: Date): Promise<RenewalRequest> {
    const saved: RenewalRequest = { ...request, id: randomUUID(), createdAt: now.toISOString() };
    const key = keyFor(request.userId);
    for (let attempt = 1; ; attempt++) {
      const current = ((await this.storage.read([key]))[key] as UserRequests | undefined) ?? { requests: [] };
      const earlier = saved.sourceId === undefined ? undefined : current.requests.find((existing) => existing.sourceId === saved.sourceId);
      if (earlier) return earlier;
      const requests = [...current.requests, saved].slice(-MAX_KEPT_PER_USER);
      try {
        await this.storage.write({ [key]: { ...current, requests } });
        return saved;
      } catch (error) {
        if (attempt >= WRITE_ATTEMPTS || !isETagConflict(error)) throw error;
      }
    }
  }

  async forUser(userId: string): Promise<RenewalRequest[]> {
    const key = keyFor(userId);
    return ((await this.storage.read([key]))[key] as UserRequests | undefined)?.requests ?? [];
  }
}


function keyFor(userId: string): string {
  return `renewalRequests/${userId}`;
}
