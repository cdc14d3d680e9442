import { Redis } from 'ioredis';
import type { Server as HttpServer } from 'node:http';
import type { Server as RestifyServer } from 'restify';
import type { BotConfig } from '../config';
import type { Logger } from '../logger';
import type { BotMetrics } from '../metrics';
import type { ExpiryRoster } from '../../state/expiryRoster';
import type { RouteEntry } from '../router/registry';
import { AgentDownloads } from './agentDownloads';
import { AgentHub } from './agentHub';
import { AgentHttpRoutes } from './agentHttpRoutes';
import { AgentSocketServer } from './agentSocketServer';
import type { AgentStore, PairingRules } from '../../state/agentStore';
import { CardAgentService } from './cardAgentService';
import { MemoryAgentStore } from '../../state/memoryAgentStore';
import { RedisAgentStore } from '../../state/redisAgentStore';
import { UnpairActionHandler } from './unpairActionHandler';

export type { CardAgent, CardReading, DeviceView } from './cardAgent';

export interface AgentLinkParts {
  redis?: Redis;
  log: Logger;
  metrics: BotMetrics;
  roster: ExpiryRoster;
  now: () => Date;
}

export interface AgentLink {
  service: CardAgentService;
  hub: AgentHub;
  store: AgentStore;
  entries: RouteEntry[];
  /** Adds the HTTP routes and takes the WebSocket upgrades of the bot's server. */
  mount(server: RestifyServer & { server: HttpServer }): void;
  start(port: number): Promise<void>;
  /** Closes the agent sockets, the probes in flight and the Redis subscriber. Safe to call twice. */
  close(): Promise<void>;
}

/** Builds the paired-agent link from the configuration: Redis routing when Redis is configured. */
export function createAgentLink(config: BotConfig, parts: AgentLinkParts): AgentLink {
  const { redis, log, metrics } = parts;
  const rules: PairingRules = {
    codeTtlMs: config.PAIRING_CODE_TTL_SECONDS * 1000,
    maxWrong: config.PAIRING_MAX_WRONG_CODES,
    pauseMs: config.PAIRING_PAUSE_SECONDS * 1000,
  };
  const store: AgentStore = redis ? new RedisAgentStore(redis, config.REDIS_KEY_PREFIX, rules) : new MemoryAgentStore(rules);
  const subscriber = redis && config.REDIS_URL ? createSubscriber(config.REDIS_URL, log) : undefined;
  metrics.agentsOnline.set(0);
  const hub = new AgentHub({
    redis, subscriber, log, keyPrefix: config.REDIS_KEY_PREFIX, probeTimeoutMs: config.AGENT_PROBE_TIMEOUT_MS,
    onCount: (count) => metrics.agentsOnline.set(count),
  });
  const service = new CardAgentService({ store, hub, roster: parts.roster, log, now: parts.now, publicUrl: config.PUBLIC_URL, tcknSalt: config.AGENT_TCKN_SALT });
  const sockets = new AgentSocketServer({
    store, hub, log, pingIntervalMs: config.AGENT_PING_INTERVAL_MS,
    onCardEvent: (device, body) => service.onCardEvent(device, body),
    onProbeResult: (_device, body) => hub.onProbeResult(body),
  });
  let closed: Promise<void> | undefined;
  return {
    service, hub, store,
    entries: [new UnpairActionHandler(service).entry()],
    mount(server) {
      new AgentHttpRoutes(service, log).register(server);
      new AgentDownloads(config.AGENT_DOWNLOAD_DIR).register(server);
      sockets.attach(server.server);
    },
    async start(port) {
      service.setListeningPort(port);
      await hub.start();
    },
    close() {
      closed ??= (async () => {
        const steps = [() => sockets.close(), () => hub.close(), async () => {
          if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
        }];
        for (const step of steps) await step().catch((error: Error) => log.warn({ err: { message: error.message } }, 'agent link: close step failed'));
        metrics.agentsOnline.set(0);
      })();
      return closed;
    },
  };
}

/** SUBSCRIBE needs a connection of its own; this one queues while reconnecting and resubscribes. */
function createSubscriber(url: string, log: Logger): Redis {
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, connectTimeout: 2000, retryStrategy: (attempt) => Math.min(attempt * 200, 2000) });
  subscriber.on('error', (error: Error) => log.debug({ err: { message: error.message } }, 'agent link: redis subscriber error'));
  return subscriber;
}
