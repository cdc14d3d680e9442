import {
  MemoryStorage, UserState,
  type Storage, type TurnContext,
} from 'botbuilder';
import type { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { configWarnings, isAuthEnabled, type BotConfig } from './config';
import { createLogger, type Logger } from './logger';
import { BotMetrics } from './metrics';
import { createServer, type BotServer, type HealthReport } from './server';
import { EimzaBot } from './eimzaBot';
import { usePipeline } from './pipeline';
import { createRouter, type Router } from './router';
import { bounded } from './throttledLog';
import { LocalConversationLock, RedisConversationLock } from '../state/conversationLock';
import { conversationShape } from '../state/conversationShape';
import { createTurnErrorHandler } from './turnErrors';
import { BotAdapter, type AdapterOptions } from './adapter';
import { ProactiveMessenger } from './proactive';
import { TurnOutbox } from './turnOutbox';
import { RedisStorage } from '../state/redisStorage';
import { SnapshotConversationState } from '../state/conversationState';
import { connectOrKeepTrying, createRedisClient } from '../state/redisClient';
import { MainDialog, type PathEntry } from '../dialogs/mainDialog';
import { loadPolicy, type Policy } from '../domain/policy';
import type { PathServices } from '../dialogs/pathServices';
import { RenewalDialog } from '../dialogs/renewalDialog';
import { NewCardPinDialog } from '../dialogs/newCardPinDialog';
import { UnlockDialog } from '../dialogs/unlockDialog';
import { LostCardDialog } from '../dialogs/lostCardDialog';
import { FaqDialog } from '../dialogs/faqDialog';
import { Verb } from '../cards/verbs';
import { ExpiryRoster } from '../state/expiryRoster';
import { MemoryRosterBackend } from '../state/memoryRosterBackend';
import { RedisRosterBackend } from '../state/redisRosterBackend';
import { createReminders, type Reminders, type ReminderTuning } from './reminders';
import { trainRecognizer, type Recognizer } from './nlu';
import { createHandoff, type HandoffEngine } from './handoff';
import { createRequests, registerDownloadRoutes, type RequestService } from './requests';
import { cardReportText } from './requests/cardReportText';
import { resolveLocale } from '../cards/i18n';
import { createAgentLink, type AgentLink } from './agentLink';
import { createRevocationChecker } from './certStatus';
import { CardStatusDialog } from '../dialogs/cardStatusDialog';
import { AgentPairingDialog } from '../dialogs/agentPairingDialog';

export interface AppOptions {
  /** Benchmarks and tests: local OpenID metadata and outbound credentials (see BotAdapter). */
  authentication?: AdapterOptions['authentication'];
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** The institution's rules; read from domain/policy.json by default. */
  policy?: Policy;
  /** The clock the paths read (tests fix it). */
  now?: () => Date;
  /** Free-text understanding; trained from bot/nlu/corpus at start by default. */
  recognizer?: Recognizer;
  /** Expiry pings: test knobs (no daily schedule, short locks, a fake sender). */
  reminders?: Partial<ReminderTuning>;
}

export interface App {
  config: BotConfig;
  log: Logger;
  metrics: BotMetrics;
  redis?: Redis;
  server: BotServer;
  /** The expiry pings (tests run `engine.scanNow()`). */
  reminders: Reminders;
  /** The help desk handoff (tests call `sweep()` on it). */
  handoff: HandoffEngine;
  /** The paired card agents: pairing, sockets, probes. */
  agentLink: AgentLink;
  /** Renewal requests: tests sweep and read them. */
  requests: RequestService;
  /** Every input's entry (tests read the registry). */
  router: Router;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The composition root: builds storage, state, dialogs, the bot, the adapter and the HTTP server
 * from the configuration, and hands each part what it needs.
 */
export function createApp(config: BotConfig, options: AppOptions = {}): App {
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const metrics = new BotMetrics();
  const redis = config.REDIS_URL ? createRedisClient(config.REDIS_URL, log) : undefined;
  // One storage for both, so a turn's two state reads (and two writes) share one Redis round trip.
  const storage = createStorage(config, redis, metrics);
  const services: Omit<PathServices, 'renewals'> & Partial<PathServices> = {
    policy: options.policy ?? loadPolicy(),
    now: options.now ?? (() => new Date()),
    roster: new ExpiryRoster(redis ? new RedisRosterBackend(redis, config.REDIS_KEY_PREFIX) : new MemoryRosterBackend()),
  };
  const agentLink = createAgentLink(config, { redis, log, metrics, roster: services.roster, now: services.now });
  services.agent = agentLink.service;
  services.certStatus = createRevocationChecker(config, services.now);
  const conversationState = new SnapshotConversationState(storage);
  const userState = new UserState(storage);
  const shape = conversationShape(conversationState);

  const adapter = new BotAdapter(config, { log, authentication: options.authentication });
  // The one sender outside a user's turn, shared by the handoff, the requests and the expiry pings.
  const messenger = new ProactiveMessenger(adapter, config.MicrosoftAppId ?? '');
  const outbox = new TurnOutbox();
  // What the person's paired agent last reported, in words for the help desk (ticket and request cards).
  const cardReport = async (userId: string) => cardReportText(await agentLink.service.lastReport(userId), resolveLocale(config.BOT_LOCALE), (at) => handoff.hours.formatTime(at));
  let requestService: RequestService | undefined;
  const handoff = createHandoff(config, {
    messenger, redis, log, now: services.now, policy: services.policy, memo: shape.handoff,
    requestSummary: async (userId) => requestService?.summaryFor(userId),
    cardState: cardReport,
  });
  let listeningPort = config.PORT;
  const requests = createRequests(config, {
    redis, log, now: services.now, policy: services.policy, roster: services.roster, handoff: handoff.engine,
    messenger, outbox, hours: handoff.hours, cardReport, publicUrl: () => config.PUBLIC_URL ?? `http://localhost:${listeningPort}`,
  });
  requestService = requests.service;
  services.renewals = requests.service;
  handoff.sweeper.add('renewal requests', () => requests.service.sweep());
  // The desk's own words reach the user as written: masked for storage and logs, the original kept aside for the relay.
  const fromHelpDesk = (context: TurnContext) => context.activity.conversation?.conversationType === 'channel' && handoff.engine.isMember(context.activity.from);
  usePipeline(adapter, {
    conversationState, userState, shape, defaultLocale: config.BOT_LOCALE, log, fromHelpDesk, outbox,
    // One turn at a time per conversation, across instances (a double press acts once).
    lock: redis ? new RedisConversationLock(redis, { prefix: `${config.REDIS_KEY_PREFIX}lock:` }) : new LocalConversationLock(),
  });
  adapter.onTurnError = createTurnErrorHandler(conversationState, log, metrics);
  const reminders = createReminders(config, {
    messenger, redis, log, now: services.now, policy: services.policy, roster: services.roster, tuning: options.reminders,
    openRequest: async (userId, locale) => {
      const open = await requests.service.openFor(userId);
      return open && { number: open.number, status: requests.service.life.label(open.status, locale) };
    },
  });

  const paths = guidedPaths(services as PathServices);
  const router = createRouter(paths, { handoff, entries: [...requests.entries, ...reminders.entries, ...agentLink.entries] });
  const mainDialog = new MainDialog(paths, router.registry, options.recognizer ?? trainRecognizer(), services.policy.otherSystems.names);
  const bot = new EimzaBot(shape, router, mainDialog, reminders.reachability);
  const server = createServer({ adapter, runTurn: (context) => bot.run(context), health: async () => withReminders(await checkHealth(redis), await reminders.health()), metrics, log });

  agentLink.mount(server.server);
  registerDownloadRoutes(server.server, requests.service, log);

  let closed: Promise<void> | undefined;
  return {
    config, log, metrics, redis, server, reminders, handoff: handoff.engine, agentLink, requests: requests.service, router,
    async listen() {
      if (redis) await connectOrKeepTrying(redis, log);
      const port = await server.listen(config.PORT);
      listeningPort = port;
      await agentLink.start(port);
      await reminders.start();
      handoff.sweeper.start();
      log.info({ port, storage: redis ? 'redis' : 'memory', auth: isAuthEnabled(config) }, 'eimza-bot listening');
      for (const warning of configWarnings(config)) log.warn(warning);
      return port;
    },
    close() {
      // Every step bounded: with Redis down or hung, shutdown still ends within the grace time.
      closed ??= (async () => {
        await bounded(log, 'help desk timers', 2_000, () => handoff.sweeper.close());
        await bounded(log, 'paired agents', 3_000, () => agentLink.close());
        await bounded(log, 'http server', 5_000, () => server.close(4_000));
        await bounded(log, 'reminders', 6_000, () => reminders.close());
        if (redis) await bounded(log, 'redis', 1_000, () => redis.quit()).finally(() => redis.disconnect());
        log.info('eimza-bot stopped');
      })();
      return closed;
    },
  };
}

/** The guided paths, each opened by its card verb (one router entry each). */
export function guidedPaths(services: PathServices): PathEntry[] {
  return [
    { verb: Verb.renewal, dialog: new RenewalDialog(services) },
    { verb: Verb.newCardPin, dialog: new NewCardPinDialog(services) },
    { verb: Verb.unlock, dialog: new UnlockDialog(services) },
    { verb: Verb.lostCard, dialog: new LostCardDialog(services) },
    { verb: Verb.faq, dialog: new FaqDialog(services) },
    { verb: Verb.cardStatus, dialog: new CardStatusDialog(services) },
    { verb: Verb.agentPairing, dialog: new AgentPairingDialog(services) },
  ];
}

function createStorage(config: BotConfig, redis: Redis | undefined, metrics: BotMetrics): Storage {
  if (!redis) return new MemoryStorage();
  return new RedisStorage(redis, {
    prefix: `${config.REDIS_KEY_PREFIX}state:`,
    idleTtlSeconds: config.CONVERSATION_IDLE_TTL_SECONDS,
    onRoundTrip: (operation, milliseconds) => metrics.redisSeconds.observe({ operation }, milliseconds / 1000),
  });
}

/** A missing daily scan schedule makes the instance degraded: expiry pings would stop silently. */
function withReminders(report: HealthReport, reminders: NonNullable<HealthReport['reminders']>): HealthReport {
  const lost = reminders.schedule === 'missing';
  return { ...report, status: lost ? 'degraded' : report.status, reminders };
}

async function checkHealth(redis: Redis | undefined): Promise<HealthReport> {
  if (!redis) return { status: 'ok', storage: { backend: 'memory', answering: true } };
  const started = performance.now();
  try {
    await redis.ping();
    return { status: 'ok', storage: { backend: 'redis', answering: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
  } catch {
    return { status: 'degraded', storage: { backend: 'redis', answering: false } };
  }
}
