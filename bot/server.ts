import * as restify from 'restify';
import { z } from 'zod';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import type { BotMetrics } from './metrics';

/** The fields the bot relies on; anything without them is answered 400 before it reaches the adapter. */
const incomingActivity = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.object({ id: z.string().min(1) }).passthrough(),
  from: z.object({ id: z.string().min(1) }).passthrough().optional(),
}).passthrough();

export interface HealthReport {
  status: 'ok' | 'degraded';
  storage: { backend: 'redis' | 'memory'; answering: boolean; latencyMs?: number };
  /** Expiry pings: this instance's counters since start (sent, failed, skipped by reason) and the last scan. */
  reminders?: { enabled: boolean; engine: string; sent: number; failed: number; skipped: Record<string, number>; lastScan?: object };
}

export interface ServerParts {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  health: () => Promise<HealthReport>;
  metrics: BotMetrics;
  log: Logger;
}

export interface BotServer {
  server: restify.Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests and waits (up to `graceMs`) for turns in flight. Safe to call twice. */
  close(graceMs?: number): Promise<void>;
}

export function createServer({ adapter, runTurn, health, metrics, log }: ServerParts): BotServer {
  const server = restify.createServer({ name: 'eimza-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  let inFlight = 0;
  let closing: Promise<void> | undefined;

  server.post('/api/messages', async (req, res) => {
    if (closing) return void res.send(503, { error: 'shutting down' });
    const parsed = incomingActivity.safeParse(req.body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'body';
      log.warn({ field }, 'rejected a malformed activity');
      return void res.send(400, { error: `invalid activity: ${field}` });
    }
    inFlight++;
    const turnDone = metrics.startTurn(parsed.data.type);
    try {
      await adapter.process(req, res, runTurn);
    } catch (error) {
      log.error({ err: { message: (error as Error).message } }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      turnDone();
      inFlight--;
    }
  });

  server.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  });

  server.get('/healthz', async (_req, res) => {
    const report = await health();
    res.send(report.status === 'ok' ? 200 : 503, report);
  });

  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as { port: number }).port))),
    close: (graceMs = 10_000) => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections?.();
        const deadline = Date.now() + graceMs;
        while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        server.server.closeAllConnections?.();
        await closed;
      })();
      return closing;
    },
  };
}
