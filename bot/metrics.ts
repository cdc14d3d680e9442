import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const ACTIVITY_TYPES = new Set(['message', 'conversationUpdate', 'installationUpdate', 'invoke', 'event', 'messageReaction']);

/**
 * The bot's Prometheus metrics, served at GET /metrics. Labels are fixed words (activity type,
 * operation, outcome), never a user id, name or conversation id.
 */
export class BotMetrics {
  readonly registry = new Registry();

  readonly turnSeconds = new Histogram({
    name: 'eimza_turn_duration_seconds',
    help: 'Time to process one incoming activity, including replies sent to the connector.',
    labelNames: ['activity_type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly turnErrors = new Counter({
    name: 'eimza_turn_errors_total',
    help: 'Turns that failed, by kind: storage (Redis unavailable) or unexpected.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly redisSeconds = new Histogram({
    name: 'eimza_redis_duration_seconds',
    help: 'Round trips to Redis for bot state, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
    registers: [this.registry],
  });

  readonly handoffQueueLength = new Gauge({
    name: 'eimza_handoff_queue_length',
    help: 'Help desk tickets waiting to be claimed.',
    registers: [this.registry],
  });

  readonly reminderPings = new Counter({
    name: 'eimza_reminder_pings_total',
    help: 'Expiry reminder pings, by outcome: sent, failed, skipped.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly agentsOnline = new Gauge({
    name: 'eimza_paired_agents_online',
    help: 'Paired local agents connected to this instance.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'eimza_' });
    for (const outcome of ['sent', 'failed', 'skipped']) this.reminderPings.inc({ outcome }, 0);
    for (const kind of ['storage', 'unexpected']) this.turnErrors.inc({ kind }, 0);
  }

  /** Starts timing a turn; call the result when the turn is done. */
  startTurn(activityType: unknown): () => void {
    const label = typeof activityType === 'string' && ACTIVITY_TYPES.has(activityType) ? activityType : 'other';
    return this.turnSeconds.startTimer({ activity_type: label });
  }
}
