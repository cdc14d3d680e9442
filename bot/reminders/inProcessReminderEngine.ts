import { retryDelay } from './backoff';
import { RetryableSendError } from './errors';
import type { PingJobData } from './pingDelivery';
import { pingJobId, scanAndRecord, type ReminderEngine, type ReminderEngineOptions } from './reminderEngine';
import type { ScanResult } from './reminderScan';

export type InProcessReminderEngineOptions = ReminderEngineOptions;

interface Pending {
  data: PingJobData;
  notBefore: number;
  attemptsMade: number;
}

/**
 * The same reminders without Redis, for a single instance: a timer runs the scan at each window
 * opening, pings wait in memory, a sliding one-second window keeps the rate, failures retry with
 * the same backoff. A restart forgets the queue, and the in-memory ledger with it.
 */
export class InProcessReminderEngine implements ReminderEngine {
  private readonly pending = new Map<string, Pending>();
  private readonly starts: number[] = [];
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  private scanTimer?: NodeJS.Timeout;
  private closed = false;
  private idle: (() => void)[] = [];

  constructor(private readonly options: InProcessReminderEngineOptions) {}

  async start(): Promise<void> {
    if (this.options.schedule ?? true) this.scheduleScan();
  }

  async scanNow(): Promise<ScanResult> {
    const result = await scanAndRecord(this.options, (scanned) => this.enqueue(scanned));
    this.pump();
    return result;
  }

  private enqueue(result: ScanResult): void {
    for (const plan of result.plans) {
      const data: PingJobData = { userId: plan.userId, expiry: plan.expiry, pingKey: plan.pingKey };
      const id = pingJobId(data);
      if (!this.pending.has(id)) this.pending.set(id, { data, notBefore: 0, attemptsMade: 0 });
    }
  }

  counters() {
    return this.options.counters.snapshot();
  }

  /** Resolves when nothing is waiting or in flight (tests). */
  async drained(): Promise<void> {
    if (this.pending.size === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.scanTimer);
  }

  private scheduleScan(): void {
    if (this.closed) return;
    const now = this.options.now();
    const next = this.options.window.nextOpening(new Date(now.getTime() + 60_000));
    this.scanTimer = setTimeout(() => {
      this.scanNow().catch((error: Error) => this.options.log.error({ err: { message: error.message } }, 'reminder scan failed')).finally(() => this.scheduleScan());
    }, Math.min(next.getTime() - now.getTime(), 2 ** 31 - 1));
    this.scanTimer.unref();
  }

  private pump(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    const rate = this.options.ratePerSecond ?? 30;
    const concurrency = this.options.concurrency ?? 10;
    const now = Date.now();
    while (this.starts.length && this.starts[0] <= now - 1000) this.starts.shift();
    let wakeAt = Infinity;
    for (const [id, item] of this.pending) {
      if (this.inFlight >= concurrency || this.starts.length >= rate) break;
      if (item.notBefore > now) {
        wakeAt = Math.min(wakeAt, item.notBefore);
        continue;
      }
      this.pending.delete(id);
      this.starts.push(now);
      this.inFlight++;
      void this.run(id, item);
    }
    if (this.starts.length >= rate && this.pending.size) wakeAt = Math.min(wakeAt, this.starts[0] + 1000);
    if (wakeAt !== Infinity) this.timer = setTimeout(() => this.pump(), Math.max(1, wakeAt - Date.now()));
    if (this.pending.size === 0 && this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
  }

  private async run(id: string, item: Pending): Promise<void> {
    try {
      const outcome = await this.options.delivery.deliver(item.data);
      if (outcome.kind === 'later') this.pending.set(id, { ...item, notBefore: outcome.atMs });
    } catch (error) {
      const attemptsMade = item.attemptsMade + 1;
      const attempts = this.options.attempts ?? 8;
      if (error instanceof RetryableSendError && attemptsMade < attempts) {
        this.pending.set(id, { ...item, attemptsMade, notBefore: Date.now() + retryDelay(attemptsMade, error, this.options.backoffMs ?? 2000) });
      } else {
        this.options.delivery.gaveUp(item.data, error);
      }
    } finally {
      this.inFlight--;
      this.pump();
    }
  }
}
