import type { RosterRecord } from './rosterRecord';

/** Where the roster lives: Redis (shared by every instance) or this process's memory. */
export interface RosterBackend {
  /** The stored record and its exact stored form (for compare-and-set). */
  read(userId: string): Promise<{ record: RosterRecord; raw: string } | undefined>;
  readMany(userIds: string[]): Promise<(RosterRecord | undefined)[]>;
  /** Stores `next` only if the stored form is still `expectedRaw` (undefined: absent); false on a race. */
  compareAndSet(expectedRaw: string | undefined, next: RosterRecord): Promise<boolean>;
  /** Users whose certificate expires between the two days (inclusive), from the date index. */
  expiringBetween(fromDay: string, toDay: string): Promise<string[]>;
  /** Users whose snooze ends between the two days (inclusive). */
  snoozeEndingBetween(fromDay: string, toDay: string): Promise<string[]>;
  /** Every user id (the naive baseline, preview of the whole roster); avoid in the daily path. */
  allUserIds(): Promise<string[]>;
  count(): Promise<number>;
}
