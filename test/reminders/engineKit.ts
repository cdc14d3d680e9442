import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { Redis } from 'ioredis';
import { createLogger } from '../../bot/logger';
import { loadPolicy } from '../../domain/policy';
import { BullReminderEngine } from '../../bot/reminders/bullReminderEngine';
import { PingDelivery } from '../../bot/reminders/pingDelivery';
import { ProactiveMessenger, type ProactiveSender } from '../../bot/proactive';
import { ReminderCounters } from '../../bot/reminders/reminderCounters';
import { ReminderScan } from '../../bot/reminders/reminderScan';
import { SendWindow } from '../../bot/reminders/sendWindow';
import { ConversationReferenceStore } from '../../state/conversationReferences';
import { ExpiryRoster } from '../../state/expiryRoster';
import { RedisPingLedger } from '../../state/redisPingLedger';
import { RedisRosterBackend } from '../../state/redisRosterBackend';
import type { FakeConnector } from '../support/fakeConnector';
import { TENANT_ID } from '../support/teams';
import { clearPrefix, randomPrefix } from '../support/keys';
import { logSink } from '../support/logs';

export { clearPrefix, randomPrefix };

export const policy = loadPolicy();

export function reference(connector: FakeConnector, userId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams', serviceUrl: connector.serviceUrl,
    conversation: { id: `a:${userId}`, tenantId: TENANT_ID, conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:eimza-bot', name: 'eimza-bot' }, user: { id: `29:${userId}`, name: userId },
  };
}

/** One "bot instance" of the reminders: its own Redis clients, BullMQ engine and counters. */
export class ReminderInstance {
  readonly redis: Redis;
  readonly roster: ExpiryRoster;
  readonly references: ConversationReferenceStore;
  readonly ledger: RedisPingLedger;
  readonly counters = new ReminderCounters();
  readonly engine: BullReminderEngine;
  readonly logs: string[] = [];

  constructor(url: string, prefix: string, now: () => Date, options: { sender?: ProactiveSender; ratePerSecond?: number; lockDurationMs?: number; conversationIntervalMs?: number; backoffMs?: number } = {}) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    const log = createLogger('info', logSink(this.logs).stream);
    this.roster = new ExpiryRoster(new RedisRosterBackend(this.redis, prefix));
    this.references = new ConversationReferenceStore(this.redis, prefix);
    this.ledger = new RedisPingLedger(this.redis, prefix);
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const lockDurationMs = options.lockDurationMs ?? 2000;
    const delivery = new PingDelivery({
      roster: this.roster, ledger: this.ledger, references: this.references, policy, counters: this.counters, log, now,
      sender: options.sender ?? new ProactiveMessenger(adapter, ''),
      conversationIntervalMs: options.conversationIntervalMs ?? 1000, leaseMs: lockDurationMs, defaultLocale: 'tr-TR',
    });
    this.engine = new BullReminderEngine({
      redisUrl: url, prefix: `${prefix}bull`, delivery, scan: new ReminderScan(this.roster.backend, this.ledger, policy.reminders),
      window: new SendWindow(policy.reminders.window), counters: this.counters, log, now,
      ratePerSecond: options.ratePerSecond ?? 30, attempts: 5, backoffMs: options.backoffMs ?? 200, concurrency: 10, schedule: false,
      lockDurationMs, stalledIntervalMs: 500,
    });
  }

  async close(): Promise<void> {
    await this.engine.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
