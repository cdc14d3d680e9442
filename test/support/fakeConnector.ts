import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { closeServer, listenOnLoopback } from './loopback';
import type { Activity, Attachment } from 'botbuilder';

export interface ReceivedActivity extends Partial<Activity> {
  /** The id this connector gave the activity (what Teams would return). */
  id: string;
  /** 'send' for a new message, 'update' for an edit in place, 'delete' for a removal. */
  operation: 'send' | 'update' | 'delete';
  conversationId: string;
}

/**
 * A local stand-in for the Bot Connector service (what Teams exposes at `serviceUrl`): it accepts
 * the bot's replies and updates over real HTTP and keeps them for the test to inspect.
 */
export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  private server?: Server;
  private waiters: (() => void)[] = [];
  /** Optional hook to answer a send with an error status (429, 403 ...) instead of 200. */
  respond?: (activity: ReceivedActivity) => { status: number; headers?: Record<string, string> } | undefined;
  port = 0;
  /** While true, every request is read and then never answered (a connector that hangs). */
  hang = false;
  /** How many requests arrived while hanging. */
  hung = 0;
  /** Teams members by id, for GET /v3/conversations/<id>/members/<memberId> (TeamsInfo.getMember); unknown ones get 404. */
  readonly members = new Map<string, Record<string, unknown>>();

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.port = await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  clear(): void {
    this.received.length = 0;
  }

  /** Waits until `predicate` holds for what was received (checked on every arrival). */
  async waitFor(predicate: (received: ReceivedActivity[]) => boolean, timeoutMs = 5000): Promise<ReceivedActivity[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`FakeConnector: condition not met in ${timeoutMs} ms; received:\n${describe(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.received;
  }

  /** The activities sent into one conversation, in order. */
  in(conversationId: string): ReceivedActivity[] {
    return this.received.filter((activity) => activity.conversationId === conversationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.hang) {
      await readJson(req);
      this.hung += 1;
      return; // no answer: the socket stays open until the bot gives up or stop() closes it
    }
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
    if (member && req.method === 'GET') {
      const found = this.members.get(decodeURIComponent(member[1]));
      reply(res, found ? 200 : 404, found ? JSON.stringify(found) : '');
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? '');
    if (!match) {
      reply(res, 404, '');
      return;
    }
    const body = await readJson(req);
    const conversationId = decodeURIComponent(match[1]);
    const operation = req.method === 'PUT' ? 'update' : req.method === 'DELETE' ? 'delete' : 'send';
    const id = operation === 'send' ? randomUUID() : decodeURIComponent(match[2] ?? '');
    const activity: ReceivedActivity = { ...(body as Partial<Activity>), id, operation, conversationId };
    const override = this.respond?.(activity);
    if (override && override.status >= 300) {
      reply(res, override.status, JSON.stringify({ error: { code: 'Fake', message: 'fake error' } }), override.headers);
      return;
    }
    this.received.push(activity);
    reply(res, 200, JSON.stringify({ id }));
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

/** The Adaptive Card of an activity, if it carries one. */
export function adaptiveCardOf(activity: Partial<Activity>): Record<string, unknown> | undefined {
  const attachment = activity.attachments?.find((item: Attachment) => item.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

/** All the text a person would read on an activity: its text and every string in its card. */
export function visibleText(activity: Partial<Activity>): string {
  const card = adaptiveCardOf(activity);
  return [activity.text ?? '', card ? collectStrings(card).join('\n') : ''].join('\n');
}

/** The button titles on an activity's card. */
export function buttonTitles(activity: Partial<Activity>): string[] {
  const card = adaptiveCardOf(activity) as { actions?: { title: string }[] } | undefined;
  return (card?.actions ?? []).map((action) => action.title);
}

const READABLE_KEYS = new Set(['text', 'title', 'value', 'label']);

/** Strings a person sees on a card: texts, titles, fact values and labels (not styles, not the fallback). */
function collectStrings(node: unknown, key = 'text'): string[] {
  if (typeof node === 'string') return READABLE_KEYS.has(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => collectStrings(item, key));
  if (node && typeof node === 'object') {
    return Object.entries(node).filter(([child]) => child !== 'data').flatMap(([child, value]) => collectStrings(value, Array.isArray(value) ? key : child));
  }
  return [];
}

function describe(received: ReceivedActivity[]): string {
  return received.map((activity) => `- [${activity.operation}] ${visibleText(activity).replace(/\s+/g, ' ').slice(0, 120)}`).join('\n');
}

/** Not chained: restify, loaded in the same process, patches ServerResponse so writeHead returns nothing. */
function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}
