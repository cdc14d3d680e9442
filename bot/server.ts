import * as restify from 'restify';
import { z } from 'zod';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotAdapter } from './adapter';
import type { Logger } from './logger';
import type { BotMetrics } from './metrics';
import { throttledWarn } from './throttledLog';

const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional(), role: z.string().optional() }).passthrough();
const optionalText = z.string().optional().nullable();

/**
 * The fields the bot relies on, with their types: anything else (a locale that is not a string,
 * text that is an object, a numeric id) is answered 400 here, before it can fail a turn.
 */
const incomingActivity = z.object({
  type: z.string().min(1),
  id: optionalText,
  name: optionalText,
  serviceUrl: z.string().url(),
  channelId: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1), conversationType: optionalText, tenantId: optionalText, isGroup: z.boolean().optional().nullable(), name: optionalText,
  }).passthrough(),
  from: account.optional(),
  recipient: account.optional(),
  text: optionalText,
  textFormat: optionalText,
  locale: optionalText,
  replyToId: optionalText,
  timestamp: optionalText,
  localTimestamp: optionalText,
  attachments: z.array(z.object({ contentType: z.string() }).passthrough()).optional().nullable(),
  entities: z.array(z.object({ type: z.string() }).passthrough()).optional().nullable(),
  membersAdded: z.array(account).optional().nullable(),
  membersRemoved: z.array(account).optional().nullable(),
  channelData: z.record(z.string(), z.unknown()).optional().nullable(),
}).passthrough();

const TOO_LARGE = Symbol('too large');

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
  const warnAuth = throttledWarn(log);

  server.post('/api/messages', async (req, res) => {
    if (closing) return void res.send(503, { error: 'shutting down' });
    const body = await readJson(req);
    if (body === TOO_LARGE) {
      // The rest of the body is not read: the connection is closed after the answer, never reused.
      res.setHeader('connection', 'close');
      return void res.send(413, { error: 'body too large' });
    }
    const parsed = incomingActivity.safeParse(body);
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
      // Turn errors end in the adapter's onTurnError; what reaches here is the request's authentication:
      // a refused token, or one that cannot be checked (signing keys out of reach). Either way: 401.
      const refused = (error as { statusCode?: unknown }).statusCode === 401;
      if (!refused) warnAuth({ err: { message: (error as Error).message } }, 'could not authenticate a request; answered 401');
      if (!res.headersSent) res.send(401, { error: 'unauthorized' });
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

/** The request's JSON body, undefined when it is not JSON (answered 400), TOO_LARGE past the limit (413). */
async function readJson(req: restify.Request): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return TOO_LARGE;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return TOO_LARGE;
    chunks.push(chunk as Buffer);
  }
  try {
    // "__proto__" keys would become prototypes once copied (zod, spreads): dropped while parsing.
    return JSON.parse(Buffer.concat(chunks).toString('utf8'), (key, value: unknown) => (key === '__proto__' ? undefined : value));
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
