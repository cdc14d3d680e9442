import type { Claim, PingLedger } from './pingLedger';

/** The ledger in this process (no Redis): one instance only. */
export class MemoryPingLedger implements PingLedger {
  private readonly sentPings = new Map<string, Map<string, string>>();
  private readonly leases = new Map<string, { owner: string; until: number }>();
  private readonly slots = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async claim(userId: string, expiry: string, pingKey: string, owner: string, leaseMs: number): Promise<Claim> {
    if (this.sentPings.get(certKey(userId, expiry))?.has(pingKey)) return { status: 'done' };
    const key = leaseKey(userId, expiry, pingKey);
    const lease = this.leases.get(key);
    const now = this.clock();
    if (lease && lease.owner !== owner && lease.until > now) return { status: 'busy', retryInMs: lease.until - now };
    this.leases.set(key, { owner, until: now + leaseMs });
    return { status: 'go' };
  }

  async confirm(userId: string, expiry: string, pingKey: string, _owner: string, at: Date): Promise<void> {
    const key = certKey(userId, expiry);
    const sent = this.sentPings.get(key) ?? new Map<string, string>();
    if (!sent.has(pingKey)) sent.set(pingKey, at.toISOString());
    this.sentPings.set(key, sent);
    this.leases.delete(leaseKey(userId, expiry, pingKey));
  }

  async release(userId: string, expiry: string, pingKey: string, owner: string): Promise<void> {
    const key = leaseKey(userId, expiry, pingKey);
    if (this.leases.get(key)?.owner === owner) this.leases.delete(key);
  }

  async sent(userId: string, expiry: string): Promise<string[]> {
    return [...(this.sentPings.get(certKey(userId, expiry))?.keys() ?? [])];
  }

  async sentMany(certificates: { userId: string; expiry: string }[]): Promise<string[][]> {
    return Promise.all(certificates.map(({ userId, expiry }) => this.sent(userId, expiry)));
  }

  async takeConversationSlot(conversationId: string, intervalMs: number): Promise<number> {
    const now = this.clock();
    const free = this.slots.get(conversationId) ?? 0;
    if (free > now) return free - now;
    this.slots.set(conversationId, now + intervalMs);
    return 0;
  }
}

function certKey(userId: string, expiry: string): string {
  return `${userId}|${expiry}`;
}

function leaseKey(userId: string, expiry: string, pingKey: string): string {
  return `${userId}|${expiry}|${pingKey}`;
}
