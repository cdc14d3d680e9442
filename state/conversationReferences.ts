import type { ConversationReference } from 'botbuilder';
import type { Redis } from 'ioredis';

/** How to reach one person proactively. */
export interface StoredReference {
  userId: string;
  tenantId?: string;
  /** The user's client language when last seen (the ping speaks it). */
  locale?: string;
  upn?: string;
  reference: Partial<ConversationReference>;
  savedAt: string;
}

/**
 * Each user's personal-chat conversation reference (with the tenant id), saved when the bot is
 * installed for them or they first write, and dropped on uninstall or when Teams answers 403/404.
 * In Redis (`<prefix>refs:u:<userId>`, and `<prefix>refs:upn:<upn>` → userId) or in memory.
 */
export class ConversationReferenceStore {
  private readonly memory = new Map<string, string>();

  constructor(private readonly redis: Redis | undefined, private readonly prefix = 'eimza:') {}

  async save(reference: StoredReference): Promise<void> {
    const upn = reference.upn?.toLowerCase();
    const value = JSON.stringify({ ...reference, upn });
    if (!this.redis) {
      this.memory.set(this.userKey(reference.userId), value);
      if (upn) this.memory.set(this.upnKey(upn), reference.userId);
      return;
    }
    const multi = this.redis.multi().set(this.userKey(reference.userId), value);
    if (upn) multi.set(this.upnKey(upn), reference.userId);
    await multi.exec();
  }

  /** The reference for a user id, or for `upn:<upn>` through the UPN alias. */
  async get(userId: string): Promise<StoredReference | undefined> {
    const resolved = userId.startsWith('upn:') ? await this.resolveUpn(userId.slice(4)) : userId;
    if (!resolved) return undefined;
    const raw = this.redis ? await this.redis.get(this.userKey(resolved)) : this.memory.get(this.userKey(resolved));
    return raw ? (JSON.parse(raw) as StoredReference) : undefined;
  }

  async has(userId: string): Promise<boolean> {
    return (await this.get(userId)) !== undefined;
  }

  /** The Azure AD object id known for a UPN (from an earlier install or message), if any. */
  async resolveUpn(upn: string): Promise<string | undefined> {
    const key = this.upnKey(upn.toLowerCase());
    return (this.redis ? await this.redis.get(key) : this.memory.get(key)) ?? undefined;
  }

  async remove(userId: string): Promise<void> {
    const stored = await this.get(userId);
    const keys = [this.userKey(stored?.userId ?? userId), ...(stored?.upn ? [this.upnKey(stored.upn)] : [])];
    if (this.redis) await this.redis.del(...keys);
    else keys.forEach((key) => this.memory.delete(key));
  }

  private userKey(userId: string): string {
    return `${this.prefix}refs:u:${userId}`;
  }

  private upnKey(upn: string): string {
    return `${this.prefix}refs:upn:${upn}`;
  }
}
