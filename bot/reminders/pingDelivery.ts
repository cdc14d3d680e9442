import { randomUUID } from 'node:crypto';
import { MessageFactory } from 'botbuilder';
import { resolveLocale } from '../../cards/i18n';
import { addDays, istanbulDate } from '../../domain/dates';
import type { Policy } from '../../domain/policy';
import type { ExpiryRoster } from '../../state/expiryRoster';
import type { PingLedger } from '../../state/pingLedger';
import type { ConversationReferenceStore } from '../../state/conversationReferences';
import type { Logger } from '../logger';
import { ConversationGoneError, PermanentSendError, RetryableSendError, classifySendError } from './errors';
import { decidePing, type PingPlan } from './milestones';
import { pingCard } from '../../cards/reminderCards';
import type { ProactiveSender } from '../proactive';
import type { ReminderCounters, SkipReason } from './reminderCounters';
import { SendWindow } from './sendWindow';

/** What the queue carries for one ping (its id is derived from the first three fields). */
export type PingJobData = Pick<PingPlan, 'userId' | 'expiry' | 'pingKey'>;

export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'unreachable'; status: number }
  | { kind: 'failed'; status?: number }
  /** Not now: outside the window, the conversation had a message this second, or another worker holds the lease. */
  | { kind: 'later'; atMs: number; why: 'window' | 'conversation' | 'lease' };

export interface PingDeliveryParts {
  roster: ExpiryRoster;
  ledger: PingLedger;
  references: ConversationReferenceStore;
  sender: ProactiveSender;
  policy: Policy;
  counters: ReminderCounters;
  log: Logger;
  /** The clock that decides "today" and the window (tests fix it); delays use real time. */
  now: () => Date;
  conversationIntervalMs: number;
  /** How long a claim protects a send in progress; past it, another worker may take over. */
  leaseMs: number;
  defaultLocale: string;
}

/**
 * Sends one ping, exactly once: re-checks the roster (a button may have been pressed since the
 * scan), claims the ping in the ledger, paces the conversation, sends the card, confirms. Any
 * failure before the send leaves nothing recorded, so a retry (or the other instance) sends it.
 */
export class PingDelivery {
  private readonly window: SendWindow;
  readonly owner = `${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(private readonly parts: PingDeliveryParts) {
    this.window = new SendWindow(parts.policy.reminders.window);
  }

  async deliver(job: PingJobData): Promise<DeliveryOutcome> {
    const outcome = await this.attempt(job);
    this.count(job, outcome);
    return outcome;
  }

  private async attempt(job: PingJobData): Promise<DeliveryOutcome> {
    const { roster, ledger, references, policy, now, conversationIntervalMs, leaseMs } = this.parts;
    const instant = now();
    if (!this.window.isOpen(instant)) return { kind: 'later', atMs: Date.now() + (this.window.nextOpening(instant).getTime() - instant.getTime()), why: 'window' };
    const today = istanbulDate(instant);
    const record = await roster.get(job.userId);
    if (!record || record.expiry !== job.expiry) return { kind: 'skipped', reason: 'superseded' };
    const sent = new Set(await ledger.sent(job.userId, job.expiry));
    if (sent.has(job.pingKey)) return { kind: 'skipped', reason: 'alreadySent' };
    const decision = decidePing(record, today, policy.reminders, sent);
    if (decision.kind === 'skip') return { kind: 'skipped', reason: decision.reason };
    if (decision.kind === 'none' || decision.plan.pingKey !== job.pingKey) return { kind: 'skipped', reason: 'superseded' };
    const reference = await references.get(job.userId);
    if (!reference) return { kind: 'skipped', reason: 'noReference' };
    const conversationId = reference.reference.conversation?.id ?? job.userId;
    const wait = await ledger.takeConversationSlot(conversationId, conversationIntervalMs);
    if (wait > 0) return { kind: 'later', atMs: Date.now() + wait, why: 'conversation' };
    const claim = await ledger.claim(job.userId, job.expiry, job.pingKey, this.owner, leaseMs);
    if (claim.status === 'done') return { kind: 'skipped', reason: 'alreadySent' };
    if (claim.status === 'busy') return { kind: 'later', atMs: Date.now() + claim.retryInMs, why: 'lease' };
    const locale = resolveLocale(reference.locale, this.parts.defaultLocale);
    const card = pingCard({ expiry: record.expiry, daysLeft: decision.plan.daysLeft }, policy, locale);
    try {
      await this.parts.sender.send(reference.reference, MessageFactory.attachment(card));
    } catch (error) {
      await ledger.release(job.userId, job.expiry, job.pingKey, this.owner).catch(() => undefined);
      const failure = classifySendError(error);
      if (failure instanceof ConversationGoneError) {
        await references.remove(job.userId);
        return { kind: 'unreachable', status: failure.status };
      }
      if (failure instanceof PermanentSendError) return { kind: 'failed', status: failure.status };
      throw failure;
    }
    await ledger.confirm(job.userId, job.expiry, job.pingKey, this.owner, new Date(), new Date(`${addDays(record.expiry, 60)}T00:00:00Z`));
    return { kind: 'sent' };
  }

  /** Called by the engine when a retryable failure used up its tries. */
  gaveUp(job: PingJobData, error: unknown): void {
    this.parts.counters.failed++;
    const status = error instanceof RetryableSendError ? error.status : undefined;
    this.parts.log.warn({ reminder: { ...this.safe(job), status } }, 'reminder ping failed after all tries');
  }

  private count(job: PingJobData, outcome: DeliveryOutcome): void {
    const { counters, log } = this.parts;
    if (outcome.kind === 'sent') {
      counters.sent++;
      log.info({ reminder: this.safe(job) }, 'reminder ping sent');
    } else if (outcome.kind === 'skipped') {
      counters.skip(outcome.reason);
      log.info({ reminder: { ...this.safe(job), reason: outcome.reason } }, 'reminder ping skipped');
    } else if (outcome.kind === 'unreachable' || outcome.kind === 'failed') {
      counters.failed++;
      log.warn({ reminder: { ...this.safe(job), status: outcome.status } }, outcome.kind === 'unreachable' ? 'reminder ping refused; conversation reference dropped' : 'reminder ping failed');
    }
  }

  private safe(job: PingJobData): Record<string, string> {
    return { userId: job.userId, expiry: job.expiry, pingKey: job.pingKey };
  }
}
