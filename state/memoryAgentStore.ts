import { randomBytes } from 'node:crypto';
import { NONCE_TTL_MS, REVOKED_TTL_MS, type AgentStore, type PairingRules } from './agentStore';
import type { CodeParts, DeviceRecord, IssueResult, LastSeen, PairingOwner, RedeemResult, SeenCertificate } from './agentRecords';

interface PendingCode {
  owner: PairingOwner;
  secret: string;
  expiresAt: number;
  usedAt?: number;
  /** Kept this long to answer "expired"/"used" (410) rather than "unknown". */
  forgetAt: number;
}

/**
 * The agent store without Redis (one instance, e.g. local development). Every method runs
 * without an await between its read and its write, so each is atomic in one Node process.
 */
export class MemoryAgentStore implements AgentStore {
  private readonly codes = new Map<string, PendingCode>();
  private readonly wrong = new Map<string, { count: number; resetAt: number }>();
  private readonly paused = new Map<string, number>();
  private readonly devices = new Map<string, DeviceRecord>();
  private readonly revoked = new Map<string, number>();
  private readonly seen = new Map<string, LastSeen>();
  private readonly certs = new Map<string, Map<string, SeenCertificate>>();
  private readonly nonces = new Map<string, number>();
  private salt?: string;

  constructor(private readonly rules: PairingRules) {}

  async issueCode(owner: PairingOwner, parts: CodeParts, now: number): Promise<IssueResult | 'collision'> {
    this.sweep(now);
    const until = await this.pausedUntil(owner.userId, now);
    if (until) return { kind: 'paused', until: new Date(until).toISOString() };
    if (this.codes.has(parts.handle)) return 'collision';
    const expiresAt = now + this.rules.codeTtlMs;
    this.codes.set(parts.handle, { owner, secret: parts.secret, expiresAt, forgetAt: expiresAt + 3600_000 });
    return { kind: 'issued', code: `${parts.handle}-${parts.secret}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  async redeemCode(parts: CodeParts, now: number): Promise<RedeemResult> {
    this.sweep(now);
    const pending = this.codes.get(parts.handle);
    if (!pending) return { kind: 'unknown' };
    const userId = pending.owner.userId;
    if (this.pausedAt(userId, now)) return { kind: 'paused' };
    if (pending.usedAt !== undefined) return { kind: 'used' };
    if (pending.expiresAt < now) return { kind: 'expired' };
    if (pending.secret !== parts.secret) {
      const counter = this.wrong.get(userId);
      const count = counter && counter.resetAt > now ? counter.count + 1 : 1;
      this.wrong.set(userId, { count, resetAt: counter && counter.resetAt > now ? counter.resetAt : now + this.rules.pauseMs });
      if (count >= this.rules.maxWrong) {
        this.paused.set(userId, now + this.rules.pauseMs);
        this.wrong.delete(userId);
        pending.usedAt = now; // burnt
      }
      return { kind: 'wrong' };
    }
    pending.usedAt = now;
    this.wrong.delete(userId);
    return { kind: 'ok', owner: pending.owner };
  }

  async pausedUntil(userId: string, now: number): Promise<number | null> {
    return this.pausedAt(userId, now);
  }

  async addDevice(device: DeviceRecord): Promise<void> {
    this.devices.set(device.deviceId, { ...device });
  }

  async device(deviceId: string): Promise<DeviceRecord | null> {
    return this.devices.get(deviceId) ?? null;
  }

  async devicesOf(userId: string): Promise<DeviceRecord[]> {
    return [...this.devices.values()].filter((d) => d.userId === userId).sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  }

  async removeDevice(deviceId: string): Promise<boolean> {
    const existed = this.devices.delete(deviceId);
    this.seen.delete(deviceId);
    if (existed) this.revoked.set(deviceId, Date.now() + REVOKED_TTL_MS);
    return existed;
  }

  async isRevoked(deviceId: string): Promise<boolean> {
    return (this.revoked.get(deviceId) ?? 0) > Date.now();
  }

  async setLastSeen(deviceId: string, change: LastSeen): Promise<void> {
    if (!this.devices.has(deviceId)) return;
    this.seen.set(deviceId, { ...this.seen.get(deviceId), ...change });
  }

  async lastSeen(deviceId: string): Promise<LastSeen> {
    return this.seen.get(deviceId) ?? {};
  }

  async rememberCertificate(userId: string, cert: SeenCertificate): Promise<void> {
    const mine = this.certs.get(userId) ?? new Map<string, SeenCertificate>();
    mine.set(cert.serialNumber, cert);
    this.certs.set(userId, mine);
  }

  async certificates(userId: string): Promise<SeenCertificate[]> {
    return [...(this.certs.get(userId)?.values() ?? [])];
  }

  async rememberNonce(deviceId: string, nonce: string): Promise<boolean> {
    const now = Date.now();
    const key = `${deviceId}:${nonce}`;
    if ((this.nonces.get(key) ?? 0) > now) return false;
    this.nonces.set(key, now + NONCE_TTL_MS);
    if (this.nonces.size > 10_000) for (const [k, until] of this.nonces) if (until <= now) this.nonces.delete(k);
    return true;
  }

  async tcknSalt(preferred: string | undefined): Promise<string> {
    this.salt ??= preferred ?? randomBytes(32).toString('hex');
    // As in RedisAgentStore: a configured salt wins over one generated earlier.
    return preferred ?? this.salt;
  }

  private pausedAt(userId: string, now: number): number | null {
    const until = this.paused.get(userId);
    return until && until > now ? until : null;
  }

  private sweep(now: number): void {
    for (const [handle, pending] of this.codes) if (pending.forgetAt <= now) this.codes.delete(handle);
  }
}
