import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { CloseCode, WS_PATH, verifyEnvelope, type AgentMessage, type CardEventBody, type ProbeResultBody } from '../../paired-agent/protocol';
import type { Logger } from '../logger';
import type { AgentConnection, AgentHub } from './agentHub';
import type { AgentStore } from '../../state/agentStore';
import type { DeviceRecord } from '../../state/agentRecords';
import { throttledWarn } from '../throttledLog';

/** Card events one socket may send per window; the rest are dropped, so one device cannot flood the bot. */
const CARD_EVENTS_PER_WINDOW = 20;
const CARD_EVENT_WINDOW_MS = 10_000;

/** A fixed window of `limit` events. */
class EventAllowance {
  private count = 0;
  private resetAt = 0;
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  take(): boolean {
    const now = Date.now();
    if (now >= this.resetAt) {
      this.count = 0;
      this.resetAt = now + this.windowMs;
    }
    return ++this.count <= this.limit;
  }
}

export interface AgentSocketServerOptions {
  store: AgentStore;
  hub: AgentHub;
  log: Logger;
  /** Server pings this often; a socket that missed the previous pong is dropped. */
  pingIntervalMs: number;
  /** A hello must come this soon after the challenge. Default 10 s. */
  helloTimeoutMs?: number;
  onCardEvent: (device: DeviceRecord, body: CardEventBody) => void;
  onProbeResult: (device: DeviceRecord, body: ProbeResultBody) => void;
}

/**
 * `GET /api/agent/ws` on the bot's own http server (`ws`, noServer + upgrade). Each connection
 * gets a random challenge; the first message must be the device's signed hello over it. Every
 * later message is verified too (signature, device, clock window, nonce); a refused message
 * closes the socket (4400 malformed, 4401 unauthorised, 4403 unpaired, 4409 replay/stale).
 */
export class AgentSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  private readonly pinger: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  private attachedTo?: Server;
  private closed?: Promise<void>;
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => this.upgrade(req, socket, head);

  private readonly floodWarn: (fields: object, message: string) => void;

  constructor(private readonly options: AgentSocketServerOptions) {
    this.floodWarn = throttledWarn(options.log);
    this.pinger = setInterval(() => this.pingAll(), options.pingIntervalMs);
    this.pinger.unref();
  }

  /** Takes the WebSocket upgrades of `server` for WS_PATH (others are refused). */
  attach(server: Server): void {
    this.attachedTo = server;
    server.on('upgrade', this.onUpgrade);
  }

  /** Closes every agent socket (1001, the agents reconnect elsewhere) and the server. Safe to call twice. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      clearInterval(this.pinger);
      this.attachedTo?.off('upgrade', this.onUpgrade);
      for (const ws of this.wss.clients) ws.close(1001, 'bot instance stopping');
      await new Promise<void>((resolve) => setTimeout(resolve, 50).unref());
      for (const ws of this.wss.clients) ws.terminate();
      await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    })();
    return this.closed;
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH || this.closed) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
  }

  private pingAll(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }

  private onSocket(ws: WebSocket): void {
    const { store, hub, log } = this.options;
    const challenge = randomBytes(32).toString('base64url');
    let device: DeviceRecord | null = null;
    let connection: AgentConnection | null = null;
    let queue = Promise.resolve();
    const events = new EventAllowance(CARD_EVENTS_PER_WINDOW, CARD_EVENT_WINDOW_MS);
    const floodWarn = this.floodWarn;
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', () => ws.terminate());
    const helloTimer = setTimeout(() => ws.close(CloseCode.Unauthorised, 'no hello'), this.options.helloTimeoutMs ?? 10_000);
    helloTimer.unref();
    ws.on('close', () => {
      clearTimeout(helloTimer);
      if (connection) hub.detach(connection);
    });

    const refuse = (code: number, reason: string): void => {
      log.info({ deviceId: device?.deviceId, reason }, 'agent link: message refused');
      ws.close(code, reason);
    };

    const handle = async (data: RawData): Promise<void> => {
      if (ws.readyState !== WebSocket.OPEN) return;
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return refuse(CloseCode.Malformed, 'not JSON');
      }
      const claimed = device?.deviceId ?? claimedDevice(raw);
      if (!claimed) return refuse(CloseCode.Malformed, 'no device');
      const known = device ?? (await store.device(claimed));
      if (!known) {
        return (await store.isRevoked(claimed)) ? refuse(CloseCode.DeviceRevoked, 'unpaired') : refuse(CloseCode.Unauthorised, 'unknown device');
      }
      const result = await verifyEnvelope(raw, {
        publicKey: known.publicKey,
        deviceId: known.deviceId,
        rememberNonce: (id, nonce) => store.rememberNonce(id, nonce),
      });
      if (!result.ok) {
        const code = result.reason === 'malformed' ? CloseCode.Malformed
          : result.reason === 'replay' || result.reason === 'stale' ? CloseCode.Replay : CloseCode.Unauthorised;
        return refuse(code, result.reason);
      }
      const message: AgentMessage = result.message;
      if (!device) {
        if (message.type !== 'hello' || message.body.challenge !== challenge) return refuse(CloseCode.Unauthorised, 'bad hello');
        clearTimeout(helloTimer);
        device = known;
        connection = {
          deviceId: known.deviceId,
          sendProbe: (probeId) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'probe', probeId })),
          revoke: () => ws.close(CloseCode.DeviceRevoked, 'unpaired'),
          replaced: () => ws.close(CloseCode.Replaced, 'replaced by a newer connection'),
        };
        ws.send(JSON.stringify({ type: 'welcome', deviceId: known.deviceId }));
        hub.attach(connection);
        log.info({ deviceId: known.deviceId, agentVersion: message.body.agentVersion }, 'agent connected');
        return;
      }
      if (message.type === 'card.event') {
        // A card goes in and out a few times a minute; a flood of signed events is dropped, not probed.
        if (events.take()) this.options.onCardEvent(device, message.body);
        else floodWarn({ deviceId: device.deviceId }, 'agent link: card events over the limit dropped');
      }
      else if (message.type === 'probe.result') this.options.onProbeResult(device, message.body);
    };

    // One message at a time per socket, so hello is settled before the next frame is read.
    ws.on('message', (data) => {
      queue = queue.then(() => handle(data)).catch((error: Error) => {
        log.warn({ err: { message: error.message } }, 'agent link: message handling failed');
        ws.close(1011, 'server error');
      });
    });
    ws.send(JSON.stringify({ type: 'challenge', challenge }));
  }
}

/** The device an envelope names (not trusted until verified). */
function claimedDevice(raw: unknown): string | null {
  try {
    const payload = JSON.parse(String((raw as { payload?: unknown }).payload)) as { deviceId?: unknown };
    return typeof payload.deviceId === 'string' && payload.deviceId.length <= 100 ? payload.deviceId : null;
  } catch {
    return null;
  }
}
