/** The answer to "may I send this ping now?". */
export type Claim =
  | { status: 'go' }
  | { status: 'done' }
  /** Another worker holds the lease (it may be sending right now): ask again after `retryInMs`. */
  | { status: 'busy'; retryInMs: number };

/**
 * What has been sent, per user, certificate (expiry day) and ping key, written atomically: this,
 * not the queue's job ids, is what keeps a restart or a second instance from sending twice.
 * A lease guards the short time between "about to send" and "sent".
 */
export interface PingLedger {
  claim(userId: string, expiry: string, pingKey: string, owner: string, leaseMs: number): Promise<Claim>;
  /** Marks the ping sent (kept until `keepUntil`) and frees the lease. */
  confirm(userId: string, expiry: string, pingKey: string, owner: string, at: Date, keepUntil: Date): Promise<void>;
  /** Frees the lease without marking anything sent (the ping was skipped or failed). */
  release(userId: string, expiry: string, pingKey: string, owner: string): Promise<void>;
  /** Ping keys already sent for this certificate. */
  sent(userId: string, expiry: string): Promise<string[]>;
  sentMany(certificates: { userId: string; expiry: string }[]): Promise<string[][]>;
  /** Per-conversation pacing: 0 when a message may go now (and reserves the slot), else ms to wait. */
  takeConversationSlot(conversationId: string, intervalMs: number): Promise<number>;
}
