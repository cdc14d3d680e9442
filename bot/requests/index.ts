import type { Redis } from 'ioredis';
import type { BotConfig } from '../config';
import type { Logger } from '../logger';
import type { Policy } from '../../domain/policy';
import type { ExpiryRoster } from '../../state/expiryRoster';
import { MemoryRequestStore } from '../../state/memoryRequestStore';
import { RedisRequestStore } from '../../state/redisRequestStore';
import type { HandoffEngine } from '../handoff/handoffEngine';
import type { ProactiveMessenger } from '../proactive';
import type { TurnOutbox } from '../turnOutbox';
import type { WorkingHours } from '../handoff/workingHours';
import { RequestService } from './requestService';
import { requestEntries } from './requestVerbs';
import type { RouteEntry } from '../router/registry';

export { RequestService } from './requestService';
export { registerDownloadRoutes } from './downloadRoutes';

export interface RequestParts {
  service: RequestService;
  /** Its router entries: the desk's presses and commands, the staff member's "taleplerim" and withdrawal. */
  entries: RouteEntry[];
}

/** Builds the renewal requests: Redis-backed when Redis is configured, in memory otherwise; the desk channel and its members are the handoff's. */
export function createRequests(config: BotConfig, parts: {
  redis?: Redis; log: Logger; now: () => Date; policy: Policy; roster: ExpiryRoster; handoff: HandoffEngine; messenger: ProactiveMessenger; outbox: TurnOutbox; hours: WorkingHours;
  publicUrl: () => string;
  cardReport?: (userId: string) => Promise<string | undefined>;
}): RequestParts {
  const store = parts.redis ? new RedisRequestStore(parts.redis, `${config.REDIS_KEY_PREFIX}requests:`) : new MemoryRequestStore();
  const service = new RequestService({
    store, policy: parts.policy, roster: parts.roster, messenger: parts.messenger, outbox: parts.outbox, hours: parts.hours, log: parts.log, now: parts.now,
    deskLocale: parts.handoff.deskLocale, desk: async () => (await parts.handoff.store.desk()) ?? undefined,
    isMember: (account) => parts.handoff.isMember(account), publicUrl: parts.publicUrl,
    linkTtlSeconds: config.REQUEST_LINK_TTL_SECONDS, numberPrefix: config.REQUEST_NUMBER_PREFIX, cardReport: parts.cardReport,
  });
  const entries = requestEntries(service, { isMember: (context) => parts.handoff.isMember(context.activity.from), locale: parts.handoff.deskLocale });
  parts.handoff.onDeskSet(() => service.postUnposted());
  return { service, entries };
}
