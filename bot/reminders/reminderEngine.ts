import { createHash } from 'node:crypto';
import type { CounterSnapshot } from './reminderCounters';
import type { ScanResult } from './reminderScan';
import type { PingDelivery, PingJobData } from './pingDelivery';
import type { ReminderCounters } from './reminderCounters';
import type { ReminderScan } from './reminderScan';
import type { SendWindow } from './sendWindow';
import type { Logger } from '../logger';

/** The reminders' moving part, with Redis (BullMQ) or in this process. */
export interface ReminderEngine {
  /** Starts the workers and (unless told not to) the daily scan at each window opening. */
  start(): Promise<void>;
  /** Runs the scan now and queues its pings (tests, operations). */
  scanNow(): Promise<ScanResult>;
  counters(): CounterSnapshot;
  /** Whether the daily scan is scheduled where it must be (Redis); the in-process engine has no such place. */
  scheduleState?(): Promise<'present' | 'missing' | 'off' | 'unknown'>;
  /** Puts the schedule back if it is missing; true when it had to. */
  ensureSchedule?(): Promise<boolean>;
  close(): Promise<void>;
}

/** What both engines are built from. */
export interface ReminderEngineOptions {
  delivery: PingDelivery;
  scan: ReminderScan;
  window: SendWindow;
  counters: ReminderCounters;
  log: Logger;
  now: () => Date;
  /** Messages per second for the whole app. Default 30. */
  ratePerSecond?: number;
  /** Tries per ping. Default 8. */
  attempts?: number;
  /** First retry delay in ms. Default 2000. */
  backoffMs?: number;
  /** Pings in flight per instance. Default 10. */
  concurrency?: number;
  /** Run the daily scan at each window opening. Default true. */
  schedule?: boolean;
}

/** The deterministic job id of a ping: the same user, certificate and milestone always map to it. */
export function pingJobId(job: PingJobData): string {
  return `ping-${createHash('sha256').update(`${job.userId}\n${job.expiry}\n${job.pingKey}`).digest('hex').slice(0, 32)}`;
}

/**
 * One daily scan, the same for both engines: run it, hand the plans to `enqueue` (the engine's
 * queue), then count what was skipped, keep it as the last scan and log it.
 */
export async function scanAndRecord(options: Pick<ReminderEngineOptions, 'scan' | 'counters' | 'log' | 'now'>, enqueue: (result: ScanResult) => Promise<void> | void): Promise<ScanResult> {
  const started = performance.now();
  const result = await options.scan.run(options.now());
  await enqueue(result);
  const optedOut = result.skipped.optedOut.length;
  const snoozed = result.skipped.snoozed.length;
  options.counters.skip('optedOut', optedOut);
  options.counters.skip('snoozed', snoozed);
  options.counters.lastScan = { at: options.now().toISOString(), day: result.day, candidates: result.candidates, queued: result.plans.length, ms: Math.round(performance.now() - started) };
  options.log.info({ reminders: { ...options.counters.lastScan, optedOut, snoozed } }, 'reminder scan done');
  return result;
}
