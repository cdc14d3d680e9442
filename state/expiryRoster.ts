import { MemoryRosterBackend } from './memoryRosterBackend';
import type { RosterBackend } from './rosterBackend';
import { mergeRecord, type MergeOutcome, type RosterInput, type RosterRecord } from './rosterRecord';

export type { ExpirySource, RosterRecord } from './rosterRecord';

export interface RecordResult {
  outcome: MergeOutcome;
  /** What is stored now (the previous record when it was kept; absent when there is none). */
  record?: RosterRecord;
}

/** A record kept changing under us (many writers at once); the write was given up. */
export class RosterRaceError extends Error {
  override name = 'RosterRaceError';
  constructor(readonly userId: string) {
    super(`Roster: gave up writing "${userId}" after repeated concurrent changes`);
  }
}

/**
 * Each user's current certificate expiry, for the expiry reminders, with where it came from
 * (agent > import > typed; see `mergeRecord`). Writes are compare-and-set, so two instances or an
 * import running beside the bot never lose each other's changes.
 */
export class ExpiryRoster {
  constructor(readonly backend: RosterBackend = new MemoryRosterBackend()) {}

  /** Records an expiry; the trust rules decide whether it replaces what is known. */
  async record(entry: RosterInput & { userName?: string }, now: Date): Promise<RecordResult> {
    const { userName, ...input } = entry;
    const withName: RosterInput = { ...input, name: input.name ?? (userName || undefined) };
    return this.update(input.userId, (current) => mergeRecord(current, withName, now));
  }

  async get(userId: string): Promise<RosterRecord | undefined> {
    return (await this.backend.read(userId))?.record;
  }

  /** "Başvurdum": no more pings for the certificate expiring on `expiry` (false if it is no longer current). */
  async markApplied(userId: string, expiry: string, now: Date): Promise<boolean> {
    const result = await this.update(userId, (current) =>
      current?.expiry === expiry ? { outcome: 'updated', next: { ...current, appliedAt: now.toISOString(), snoozeUntil: undefined, updatedAt: now.toISOString() } } : { outcome: 'kept' });
    return result.outcome === 'updated';
  }

  /** "Bir hafta sonra hatırlat": no ping for this certificate before `until` (false if it is no longer current). */
  async snooze(userId: string, expiry: string, until: string, now: Date): Promise<boolean> {
    const result = await this.update(userId, (current) =>
      current?.expiry === expiry ? { outcome: 'updated', next: { ...current, snoozeUntil: until, updatedAt: now.toISOString() } } : { outcome: 'kept' });
    return result.outcome === 'updated';
  }

  private async update(userId: string, change: (current: RosterRecord | undefined) => { outcome: MergeOutcome; next?: RosterRecord }): Promise<RecordResult> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const stored = await this.backend.read(userId);
      const { outcome, next } = change(stored?.record);
      if (!next) return { outcome, record: stored?.record };
      const record = JSON.parse(JSON.stringify(next)) as RosterRecord;
      if (await this.backend.compareAndSet(stored?.raw, record)) return { outcome, record };
    }
    throw new RosterRaceError(userId);
  }
}
