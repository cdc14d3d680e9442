import { createHash } from 'node:crypto';
import type { CounterSnapshot } from './reminderCounters';
import type { ScanResult } from './reminderScan';
import type { PingJobData } from './pingDelivery';

/** The reminders' moving part, with Redis (BullMQ) or in this process. */
export interface ReminderEngine {
  /** Starts the workers and (unless told not to) the daily scan at each window opening. */
  start(): Promise<void>;
  /** Runs the scan now and queues its pings (tests, operations). */
  scanNow(): Promise<ScanResult>;
  counters(): CounterSnapshot;
  close(): Promise<void>;
}

/** The deterministic job id of a ping: the same user, certificate and milestone always map to it. */
export function pingJobId(job: PingJobData): string {
  return `ping-${createHash('sha256').update(`${job.userId}\n${job.expiry}\n${job.pingKey}`).digest('hex').slice(0, 32)}`;
}
