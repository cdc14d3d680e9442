import { istanbulDate } from '../../domain/dates';
import type { ReminderPolicy } from '../../domain/policy';
import type { RosterBackend } from '../../state/rosterBackend';
import type { PingLedger } from '../../state/pingLedger';
import { decidePing, expiryRanges, catchUpFrom, type PingPlan } from './milestones';

export interface ScanResult {
  day: string;
  /** Users read from the date indexes (the work the scan did). */
  candidates: number;
  plans: PingPlan[];
  skipped: { optedOut: PingPlan['userId'][]; snoozed: PingPlan['userId'][] };
}

/**
 * The daily selection: reads only the users whose expiry (or snooze end) puts a milestone on the
 * days since the last window day, from the sorted-set indexes, and asks `decidePing` for each.
 */
export class ReminderScan {
  constructor(private readonly roster: RosterBackend, private readonly ledger: PingLedger, private readonly policy: ReminderPolicy) {}

  async run(now: Date): Promise<ScanResult> {
    const day = istanbulDate(now);
    const ids = new Set<string>();
    for (const range of expiryRanges(this.policy, day)) for (const id of await this.roster.expiringBetween(range.from, range.to)) ids.add(id);
    for (const id of await this.roster.snoozeEndingBetween(catchUpFrom(this.policy, day), day)) ids.add(id);
    return this.decide(day, [...ids]);
  }

  /** The same decisions over the whole roster, reading every record: the baseline the benchmark compares against. */
  async runFullScan(now: Date): Promise<ScanResult> {
    return this.decide(istanbulDate(now), await this.roster.allUserIds());
  }

  private async decide(day: string, userIds: string[]): Promise<ScanResult> {
    const result: ScanResult = { day, candidates: userIds.length, plans: [], skipped: { optedOut: [], snoozed: [] } };
    for (let start = 0; start < userIds.length; start += 2000) {
      const records = (await this.roster.readMany(userIds.slice(start, start + 2000))).filter((record) => record !== undefined);
      const sent = await this.ledger.sentMany(records);
      records.forEach((record, index) => {
        const decision = decidePing(record, day, this.policy, new Set(sent[index]));
        if (decision.kind === 'send') result.plans.push(decision.plan);
        else if (decision.kind === 'skip') result.skipped[decision.reason].push(record.userId);
      });
    }
    return result;
  }
}
