/** Why a due ping was not sent. */
export type SkipReason = 'noReference' | 'optedOut' | 'snoozed' | 'alreadySent' | 'superseded';

export interface CounterSnapshot {
  sent: number;
  failed: number;
  skipped: Record<SkipReason, number>;
  lastScan?: { at: string; day: string; candidates: number; queued: number; ms: number };
}

/** This instance's reminder counters, shown on /healthz and logged after every scan and failure. */
export class ReminderCounters {
  sent = 0;
  failed = 0;
  readonly skipped: Record<SkipReason, number> = { noReference: 0, optedOut: 0, snoozed: 0, alreadySent: 0, superseded: 0 };
  lastScan?: CounterSnapshot['lastScan'];

  skip(reason: SkipReason, count = 1): void {
    this.skipped[reason] += count;
  }

  snapshot(): CounterSnapshot {
    return { sent: this.sent, failed: this.failed, skipped: { ...this.skipped }, ...(this.lastScan ? { lastScan: { ...this.lastScan } } : {}) };
  }
}
