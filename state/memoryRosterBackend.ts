import type { RosterBackend } from './rosterBackend';
import type { RosterRecord } from './rosterRecord';

/** The roster in this process (no Redis): one instance only, lost on restart. */
export class MemoryRosterBackend implements RosterBackend {
  private readonly records = new Map<string, string>();

  async read(userId: string): Promise<{ record: RosterRecord; raw: string } | undefined> {
    const raw = this.records.get(userId);
    return raw === undefined ? undefined : { record: JSON.parse(raw) as RosterRecord, raw };
  }

  async readMany(userIds: string[]): Promise<(RosterRecord | undefined)[]> {
    return userIds.map((userId) => {
      const raw = this.records.get(userId);
      return raw === undefined ? undefined : (JSON.parse(raw) as RosterRecord);
    });
  }

  async compareAndSet(expectedRaw: string | undefined, next: RosterRecord): Promise<boolean> {
    if (this.records.get(next.userId) !== expectedRaw) return false;
    this.records.set(next.userId, JSON.stringify(next));
    return true;
  }

  async expiringBetween(fromDay: string, toDay: string): Promise<string[]> {
    return this.filter((record) => record.expiry >= fromDay && record.expiry <= toDay);
  }

  async snoozeEndingBetween(fromDay: string, toDay: string): Promise<string[]> {
    return this.filter((record) => record.snoozeUntil !== undefined && record.snoozeUntil >= fromDay && record.snoozeUntil <= toDay);
  }

  async allUserIds(): Promise<string[]> {
    return [...this.records.keys()];
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  private filter(keep: (record: RosterRecord) => boolean): string[] {
    const found: string[] = [];
    for (const [userId, raw] of this.records) if (keep(JSON.parse(raw) as RosterRecord)) found.push(userId);
    return found;
  }
}
