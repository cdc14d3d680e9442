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
