import type { StatePropertyAccessor } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { BotConfig } from '../config';
import type { Logger } from '../logger';
import { resolveLocale } from '../../cards/i18n';
import type { Policy } from '../../domain/policy';
import { MemoryHandoffStore } from '../../state/memoryHandoffStore';
import type { HandoffMemo } from '../../state/handoffStore';
import { RedisHandoffStore } from '../../state/redisHandoffStore';
import type { ProactiveMessenger } from '../proactive';
import { HandoffEngine } from './handoffEngine';
import { handoffEntries, handoffPlaces } from './handoffEntries';
import type { RouteEntry } from '../router/registry';
import type { HandoffPlaces } from '../router/router';
import { HandoffSweeper } from './handoffSweeper';
import { WorkingHours } from './workingHours';
import { TIME_ZONE } from '../../domain/dates';

export { HandoffEngine } from './handoffEngine';
export type { DialogPosition } from './handoffEngine';

export interface HandoffParts {
  engine: HandoffEngine;
  /** Its router entries (asking for a person, ending, the desk's commands) and what it adds to routing. */
  entries: RouteEntry[];
  places: HandoffPlaces;
  sweeper: HandoffSweeper;
  hours: WorkingHours;
}

/** Builds the help desk handoff from the configuration: Redis-backed when Redis is configured, in memory otherwise. */
export function createHandoff(config: BotConfig, parts: {
  /** Every message outside the user's turn (one per app, made in bot/app.ts). */
  messenger: ProactiveMessenger; redis?: Redis; log: Logger; now: () => Date; policy: Policy;
  requestSummary?: (userId: string) => Promise<string | undefined>;
  /** What the person's paired agent last reported, in words. */
  cardState?: (userId: string) => Promise<string | undefined>;
  /** The handoff's part of the conversation state (state/conversationShape.ts). */
  memo: StatePropertyAccessor<HandoffMemo>;
}): HandoffParts {
  const store = parts.redis ? new RedisHandoffStore(parts.redis, `${config.REDIS_KEY_PREFIX}handoff:`) : new MemoryHandoffStore();
  const hours = new WorkingHours({ hours: config.HELPDESK_HOURS, days: config.HELPDESK_DAYS, timeZone: TIME_ZONE });
  const engine = new HandoffEngine({
    store,
    memo: parts.memo,
    messenger: parts.messenger,
    hours,
    requestSummary: parts.requestSummary,
    cardState: parts.cardState && ((user) => parts.cardState!(user.aadObjectId ?? user.id)),
    policy: parts.policy,
    now: parts.now,
    log: parts.log,
    deskLocale: resolveLocale(config.BOT_LOCALE),
    memberIds: config.HELPDESK_MEMBER_IDS,
    reannounceSeconds: config.HANDOFF_REANNOUNCE_SECONDS,
    idleCloseSeconds: config.HANDOFF_IDLE_CLOSE_SECONDS,
    retentionSeconds: config.HANDOFF_RETENTION_DAYS * 86_400,
  });
  const entries = handoffEntries(engine);
  return {
    engine,
    entries,
    places: handoffPlaces(engine, entries),
    sweeper: new HandoffSweeper(engine, config.HANDOFF_SWEEP_INTERVAL_MS, parts.log),
    hours,
  };
}
