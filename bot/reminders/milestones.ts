import { addDays, daysBetween } from '../../domain/dates';
import type { ReminderPolicy } from '../../domain/policy';
import type { RosterRecord } from '../../state/rosterRecord';
import { SendWindow } from './sendWindow';

/** One ping to send: whom, for which certificate and milestone, and why. */
export interface PingPlan {
  userId: string;
  /** The certificate (its expiry day). */
  expiry: string;
  /** `m30` … `m0`, `m-1` for a milestone; `s2026-11-28` for the ping that ends a snooze. */
  pingKey: string;
  /** Days before expiry of the milestone (negative: after); undefined for a snooze ping. */
  milestone?: number;
  /** The day the ping became due (a weekend milestone goes out on the next window day). */
  dueDay: string;
  daysLeft: number;
  reason: string;
}

export type PingDecision =
  | { kind: 'send'; plan: PingPlan }
  | { kind: 'skip'; reason: 'optedOut' | 'snoozed' }
  | { kind: 'none' };

/**
 * The first day whose milestones are still sent on `today`: the day after the previous window
 * day (a Saturday milestone goes out on Monday), or `catchUpDays` back, whichever is earlier.
 */
export function catchUpFrom(policy: ReminderPolicy, today: string): string {
  const window = new SendWindow(policy.window);
  const afterPrevious = addDays(window.previousWindowDay(today), 1);
  const back = addDays(today, -policy.catchUpDays);
  return afterPrevious < back ? afterPrevious : back;
}

/**
 * What one certificate needs on `today` (an Istanbul day inside the window): the latest milestone
 * whose day has come (earlier ones it supersedes), unless it is too old, already sent, opted out
 * or snoozed. Pure: the scan, the preview and the worker all ask this.
 */
export function decidePing(record: RosterRecord, today: string, policy: ReminderPolicy, sent: ReadonlySet<string>): PingDecision {
  const daysLeft = daysBetween(today, record.expiry);
  const reached = policy.milestones.filter((days) => days >= daysLeft);
  if (reached.length === 0) return { kind: 'none' };
  const milestone = Math.min(...reached);
  const from = catchUpFrom(policy, today);
  let plan: PingPlan = {
    userId: record.userId, expiry: record.expiry, pingKey: `m${milestone}`, milestone, dueDay: addDays(record.expiry, -milestone), daysLeft,
    reason: milestone > 0 ? `${milestone} days before expiry` : milestone === 0 ? 'expiry day' : `${-milestone} day(s) after expiry (late path, R2)`,
  };
  if (record.snoozeUntil && record.snoozeUntil <= today && plan.dueDay <= record.snoozeUntil) {
    plan = { ...plan, pingKey: `s${record.snoozeUntil}`, milestone: undefined, dueDay: record.snoozeUntil, reason: `snoozed until ${record.snoozeUntil}` };
  }
  if (plan.dueDay < from || sent.has(plan.pingKey)) return { kind: 'none' };
  if (record.appliedAt) return { kind: 'skip', reason: 'optedOut' };
  if (record.snoozeUntil && record.snoozeUntil > today) return { kind: 'skip', reason: 'snoozed' };
  return { kind: 'send', plan };
}

/** The expiry-day ranges the scan reads from the date index on `today` (one per milestone). */
export function expiryRanges(policy: ReminderPolicy, today: string): { from: string; to: string }[] {
  const from = catchUpFrom(policy, today);
  return policy.milestones.map((days) => ({ from: addDays(from, days), to: addDays(today, days) }));
}
