import type { Redis } from 'ioredis';
import type { BotConfig } from '../config';
import type { Logger } from '../logger';
import type { Policy } from '../../domain/policy';
import type { RouteEntry } from '../router/registry';
import { ConversationReferenceStore } from '../../state/conversationReferences';
import type { ExpiryRoster } from '../../state/expiryRoster';
import { MemoryPingLedger } from '../../state/memoryPingLedger';
import { RedisPingLedger } from '../../state/redisPingLedger';
import type { PingLedger } from '../../state/pingLedger';
import { AppliedActionHandler, type OpenRequestLookup } from './appliedActionHandler';
import { BullReminderEngine } from './bullReminderEngine';
import { InProcessReminderEngine } from './inProcessReminderEngine';
import { PingDelivery } from './pingDelivery';
import type { ProactiveSender } from '../proactive';
import { ReachabilityRecorder } from './reachabilityRecorder';
import { ReminderCounters, type CounterSnapshot } from './reminderCounters';
import type { ReminderEngine } from './reminderEngine';
import { ReminderScan } from './reminderScan';
import { SendWindow } from './sendWindow';
import { SnoozeActionHandler } from './snoozeActionHandler';

/** Knobs tests (and the benchmark) turn; production uses the defaults and bot/config.ts. */
export interface ReminderTuning {
  /** Register the daily scan at each window opening. Default true. */
  schedule: boolean;
  lockDurationMs: number;
  stalledIntervalMs: number;
  leaseMs: number;
  /** Replaces the app's messenger (tests simulate a crash mid-send). */
  sender: ProactiveSender;
}

export interface ReminderParts {
  /** Sends the pings (the app's one ProactiveMessenger). */
  messenger: ProactiveSender;
  redis?: Redis;
  log: Logger;
  now: () => Date;
  policy: Policy;
  roster: ExpiryRoster;
  tuning?: Partial<ReminderTuning>;
  /** The person's open renewal request, named when they press "Başvurdum". */
  openRequest?: OpenRequestLookup;
}

export interface Reminders {
  engine: ReminderEngine;
  roster: ExpiryRoster;
  references: ConversationReferenceStore;
  ledger: PingLedger;
  reachability: ReachabilityRecorder;
  entries: RouteEntry[];
  /** For /healthz: counters, and whether the daily scan is scheduled (put back first when Redis lost it). */
  health(): Promise<CounterSnapshot & { enabled: boolean; engine: 'bullmq' | 'in-process'; schedule?: string }>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the expiry pings from the configuration: BullMQ when Redis is configured,
 * the in-process engine otherwise, and the pieces the bot and the dialogs hand in.
 */
export function createReminders(config: BotConfig, parts: ReminderParts): Reminders {
  const { redis, log, now, policy, roster, tuning = {} } = parts;
  const prefix = config.REDIS_KEY_PREFIX;
  const references = new ConversationReferenceStore(redis, prefix);
  const ledger: PingLedger = redis ? new RedisPingLedger(redis, prefix) : new MemoryPingLedger();
  const counters = new ReminderCounters();
  const window = new SendWindow(policy.reminders.window);
  const delivery = new PingDelivery({
    roster, ledger, references, policy, counters, log, now,
    sender: tuning.sender ?? parts.messenger,
    conversationIntervalMs: config.REMINDER_CONVERSATION_INTERVAL_MS,
    leaseMs: tuning.leaseMs ?? tuning.lockDurationMs ?? 30_000,
    defaultLocale: config.BOT_LOCALE,
  });
  const scan = new ReminderScan(roster.backend, ledger, policy.reminders);
  const common = {
    delivery, scan, window, counters, log, now,
    ratePerSecond: config.REMINDER_RATE_PER_SECOND, attempts: config.REMINDER_ATTEMPTS, backoffMs: config.REMINDER_BACKOFF_MS,
    concurrency: config.REMINDER_CONCURRENCY, schedule: tuning.schedule ?? true,
  };
  const engine: ReminderEngine = config.REDIS_URL
    ? new BullReminderEngine({ ...common, redisUrl: config.REDIS_URL, prefix: `${prefix}bull`, lockDurationMs: tuning.lockDurationMs, stalledIntervalMs: tuning.stalledIntervalMs })
    : new InProcessReminderEngine(common);
  return {
    engine, roster, references, ledger,
    reachability: new ReachabilityRecorder(references, log),
    entries: [new AppliedActionHandler(roster, policy, now, parts.openRequest).entry(), new SnoozeActionHandler(roster, policy.reminders, now).entry()],
    health: async () => {
      const base = { enabled: config.REMINDERS_ENABLED, engine: config.REDIS_URL ? 'bullmq' as const : 'in-process' as const, ...engine.counters() };
      if (!config.REMINDERS_ENABLED || !engine.scheduleState) return base;
      const recreated = await engine.ensureSchedule?.().catch(() => false);
      const schedule = recreated ? 'recreated' : await engine.scheduleState();
      return { ...base, schedule };
    },
    start: async () => {
      if (config.REMINDERS_ENABLED) await engine.start();
    },
    close: () => engine.close(),
  };
}
