import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { retryDelay } from './backoff';
import { throttledWarn } from '../throttledLog';
import type { PingJobData } from './pingDelivery';
import { pingJobId, scanAndRecord, type ReminderEngine, type ReminderEngineOptions } from './reminderEngine';
import type { ScanResult } from './reminderScan';

export interface BullReminderEngineOptions extends ReminderEngineOptions {
  redisUrl: string;
  /** BullMQ key prefix, e.g. `eimza:bull` (one per environment, like REDIS_KEY_PREFIX). */
  prefix: string;
  /** Worker lock; a killed instance's pings are taken over after about this long. Default 30000. */
  lockDurationMs?: number;
  /** How often the daily scan's schedule is checked (and re-created if Redis lost it). Default 60000. */
  scheduleCheckMs?: number;
  /** How often workers look for stalled pings. Default 30000. */
  stalledIntervalMs?: number;
}

const SCAN_QUEUE = 'reminders-scan';
const PING_QUEUE = 'reminders-ping';
const SCHEDULER_ID = 'daily-expiry-scan';

/**
 * The reminders on BullMQ: a job scheduler runs the scan at every window opening (one scan per
 * day, whichever instance takes it); the scan queues one job per ping under a deterministic id;
 * ping workers on every instance share one rate limiter and retry with Teams' Retry-After.
 */
export class BullReminderEngine implements ReminderEngine {
  private readonly connection: Redis;
  private readonly scanQueue: Queue;
  private readonly pingQueue: Queue<PingJobData>;
  private scanWorker?: Worker;
  private pingWorker?: Worker<PingJobData>;
  private closing?: Promise<void>;
  private readonly attempts: number;
  private readonly warn: (fields: object, message: string) => void;
  private scheduleTimer?: NodeJS.Timeout;

  constructor(private readonly options: BullReminderEngineOptions) {
    this.attempts = options.attempts ?? 8;
    this.warn = throttledWarn(options.log);
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', (error: Error) => this.warn({ err: { message: error.message } }, 'reminders redis error'));
    this.scanQueue = new Queue(SCAN_QUEUE, { connection: this.connection, prefix: options.prefix });
    this.pingQueue = new Queue<PingJobData>(PING_QUEUE, { connection: this.connection, prefix: options.prefix });
    for (const queue of [this.scanQueue, this.pingQueue]) queue.on('error', (error: Error) => this.warn({ err: { message: error.message } }, 'reminders queue error'));
  }

  async start(): Promise<void> {
    const { options } = this;
    if (options.schedule ?? true) {
      await this.upsertSchedule();
      // Redis may come back empty (failover, flush): the schedule is put back on every reconnect and checked regularly.
      this.connection.on('ready', () => void this.ensureSchedule().catch(() => undefined));
      this.scheduleTimer = setInterval(() => void this.ensureSchedule().catch(() => undefined), options.scheduleCheckMs ?? 60_000);
      this.scheduleTimer.unref();
    }
    this.scanWorker = new Worker(SCAN_QUEUE, async () => summary(await this.scanNow()), {
      connection: this.connection, prefix: options.prefix, concurrency: 1,
    });
    this.pingWorker = new Worker<PingJobData>(PING_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 10,
      limiter: slicedLimiter(options.ratePerSecond ?? 30),
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 5,
      settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error, options.backoffMs ?? 2000) },
    });
    for (const worker of [this.scanWorker, this.pingWorker] as Worker[]) {
      worker.on('error', (error: Error) => options.log.warn({ err: { message: error.message } }, 'reminders worker error'));
    }
    this.pingWorker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= this.attempts) options.delivery.gaveUp(job.data, error);
    });
  }

  async scanNow(): Promise<ScanResult> {
    return scanAndRecord(this.options, (result) => this.queuePings(result));
  }

  counters() {
    return this.options.counters.snapshot();
  }

  /** Re-creates the daily scan's schedule when Redis no longer has it; true when it had to. */
  async ensureSchedule(): Promise<boolean> {
    if (this.closing || (await this.scheduled())) return false;
    await this.upsertSchedule();
    this.options.log.warn('reminders: the daily scan schedule was missing in Redis; re-created');
    return true;
  }

  private async upsertSchedule(): Promise<void> {
    const { options } = this;
    await this.scanQueue.upsertJobScheduler(SCHEDULER_ID, { pattern: options.window.cronPattern(), tz: options.window.timeZone }, { name: 'scan' });
  }

  /** Whether Redis holds the daily scan's schedule (undefined: Redis does not answer). */
  async scheduleState(): Promise<'present' | 'missing' | 'off' | 'unknown'> {
    if (!(this.options.schedule ?? true)) return 'off';
    try {
      return (await this.scheduled()) ? 'present' : 'missing';
    } catch {
      return 'unknown';
    }
  }

  private async scheduled(): Promise<boolean> {
    if (this.connection.status !== 'ready') throw new Error('reminders redis not ready');
    return Boolean(await this.scanQueue.getJobScheduler(SCHEDULER_ID));
  }

  /** The ping queue, for tests and the preview (job counts). */
  get queue(): Queue<PingJobData> {
    return this.pingQueue;
  }

  /** Lets pings in flight finish (up to `graceMs`), then stops; safe to call twice. */
  close(graceMs = 5000): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.scheduleTimer);
      const orderly = (async () => {
        await Promise.allSettled([this.pingWorker?.close(), this.scanWorker?.close()]);
        await Promise.allSettled([this.pingQueue.close(), this.scanQueue.close()]);
      })();
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([orderly.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
      clearTimeout(timer);
      if (late) {
        this.options.log.warn('reminders did not stop in time; closing their connections');
        this.connection.disconnect();
        void Promise.allSettled([this.pingWorker?.close(true), this.scanWorker?.close(true)]);
        return;
      }
      await this.connection.quit().catch(() => this.connection.disconnect());
    })();
    return this.closing;
  }

  private async queuePings(result: ScanResult): Promise<void> {
    const jobs = result.plans.map((plan) => {
      const data: PingJobData = { userId: plan.userId, expiry: plan.expiry, pingKey: plan.pingKey };
      return {
        name: 'ping',
        data,
        opts: {
          jobId: pingJobId(data), attempts: this.attempts, backoff: { type: 'custom' },
          removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 },
        },
      };
    });
    for (let start = 0; start < jobs.length; start += 1000) await this.pingQueue.addBulk(jobs.slice(start, start + 1000));
  }

  private async process(job: Job<PingJobData>, token?: string): Promise<string> {
    const outcome = await this.options.delivery.deliver(job.data);
    if (outcome.kind === 'later') {
      await job.moveToDelayed(outcome.atMs, token);
      throw new DelayedError();
    }
    return outcome.kind === 'skipped' ? `skipped:${outcome.reason}` : outcome.kind;
  }
}

/**
 * BullMQ's limiter counts in fixed windows, so "30 per 1000 ms" can put up to 60 sends in one
 * sliding second (end of one window, start of the next). Tenth-of-a-second slices keep any
 * sliding second within about 10 % of the rate: 30/s becomes 3 per 100 ms.
 */
export function slicedLimiter(ratePerSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.floor(ratePerSecond / 10));
  return { max, duration: Math.round((1000 * max) / ratePerSecond) };
}

function summary(result: ScanResult): Record<string, number | string> {
  return { day: result.day, candidates: result.candidates, queued: result.plans.length };
}
