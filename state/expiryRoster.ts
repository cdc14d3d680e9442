import type { Storage } from 'botbuilder';

/** Where an expiry date came from, most trusted first: the paired agent, a help desk import, the user. */
export type ExpirySource = 'agent' | 'import' | 'typed';

export interface ExpiryEntry {
  userId: string;
  conversationId: string;
  /** Certificate expiry as 2026-11-21. */
  expiry: string;
  source: ExpirySource;
  /** The user asked to be reminded when the renewal window opens. */
  remind: boolean;
  updatedAt: string;
}

const TRUST: Record<ExpirySource, number> = { agent: 3, import: 2, typed: 1 };

/**
 * Each user's known certificate expiry, for the expiry reminders. A less trusted source never
 * overwrites a more trusted one.
 */
export class ExpiryRoster {
  constructor(private readonly storage: Storage) {}

  async record(entry: Omit<ExpiryEntry, 'updatedAt'>, now: Date): Promise<ExpiryEntry> {
    const key = keyFor(entry.userId);
    const current = (await this.storage.read([key]))[key] as (ExpiryEntry & { eTag?: string }) | undefined;
    if (current && TRUST[current.source] > TRUST[entry.source]) return current;
    const saved: ExpiryEntry = { ...entry, updatedAt: now.toISOString() };
    await this.storage.write({ [key]: { ...saved, eTag: current?.eTag ?? '*' } });
    return saved;
  }

  async get(userId: string): Promise<ExpiryEntry | undefined> {
    const key = keyFor(userId);
    return (await this.storage.read([key]))[key] as ExpiryEntry | undefined;
  }
}

function keyFor(userId: string): string {
  return `roster/${userId}`;
}
