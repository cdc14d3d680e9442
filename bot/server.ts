import * as restify from 'restify';
import { z } from 'zod';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotAdapter } from './adapter';
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

/** Teams activities are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

export interface HealthReport {
  status: 'ok' | 'degraded';
  storage: { backend: 'redis' | 'memory'; answering: boolean; latencyMs?: number };
  /** Expiry pings: this instance's counters since start (sent, failed, skipped by reason) and the last scan. */
  reminders?: { enabled: boolean; engine: string; sent: number; failed: number; skipped: Record<string, number>; lastScan?: object; schedule?: string };
}

export interface ServerParts {
  adapter: BotAdapter;
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
  let inFlight = 0;
  let closing: Promise<void> | undefined;

  server.post('/api/messages', async (req, res) => {
    if (closing) return void res.send(503, { error: 'shutting down' });
    const parsed = incomingActivity.safeParse(await readJson(req));
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'body';
      log.warn({ field }, 'rejected a malformed activity');
      return void res.send(400, { error: `invalid activity: ${field}` });
    }
    inFlight++;
    const turnDone = metrics.startTurn(parsed.data.type);
    try {
      const authorization = req.headers.authorization ?? '';
      const invokeResponse = await adapter.processChecked(authorization, withDates(parsed.data as unknown as Partial<Activity>), runTurn);
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // Turn errors end in the adapter's onTurnError; what reaches here is the request's authentication.
      const unauthorized = (error as { statusCode?: unknown }).statusCode === 401;
      if (!unauthorized) log.error({ err: { message: (error as Error).message } }, 'activity processing failed');
      if (!res.headersSent) res.send(unauthorized ? 401 : 500, { error: unauthorized ? 'unauthorized' : 'internal error' });
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

/** The request's JSON body, or undefined when it is not JSON or too large (answered 400 by the caller). */
async function readJson(req: restify.Request): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** As botbuilder's own HTTP handling does: timestamps arrive as strings and are kept as Dates. */
function withDates(activity: Partial<Activity>): Activity {
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[field] as unknown;
    if (typeof value === 'string') activity[field] = new Date(value);
  }
  return activity as Activity;
}
