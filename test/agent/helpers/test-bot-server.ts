import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CloseCode,
  PAIR_PATH,
  UNPAIR_PATH,
  WS_PATH,
  verifyEnvelope,
  type AgentMessage,
  type ProbeResultBody,
} from '../../../paired-agent/protocol';

/**
 * The bot's side of PROTOCOL.md, reduced to what the agent tests need (the real one
 * lives in bot/ and is not the agent's). Real HTTP and WebSocket on 127.0.0.1; every
 * agent message is checked with protocol.ts `verifyEnvelope`.
 */
interface Device {
  publicKey: string;
  deviceName: string;
}

export class TestBotServer {
  readonly devices = new Map<string, Device>();
  /** Verified messages, in arrival order. */
  readonly received: AgentMessage[] = [];
  /** Messages refused, with the reason. */
  readonly refused: string[] = [];
  readonly tcknSalt = randomBytes(32).toString('hex');
  private readonly codes = new Set<string>();
  private readonly nonces = new Set<string>();
  private readonly sockets = new Map<string, WebSocket>();
  private readonly waiters = new Map<string, (body: ProbeResultBody) => void>();
  private http: Server;
  private wss: WebSocketServer;

  private constructor() {
    this.http = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => {
      if (req.url !== WS_PATH) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  static async start(): Promise<TestBotServer> {
    const server = new TestBotServer();
    await new Promise<void>((r) => server.http.listen(0, '127.0.0.1', () => r()));
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  /** A one-time pairing code, as the bot's pairing dialog would show. */
  issueCode(): string {
    const code = randomBytes(4).toString('hex').toUpperCase();
    this.codes.add(code);
    return code;
  }

  /** Sends a probe to the device's socket and waits for the signed answer. */
  probe(deviceId: string, timeoutMs = 10_000): Promise<ProbeResultBody> {
    const socket = this.sockets.get(deviceId);
    if (!socket) return Promise.reject(new Error(`device ${deviceId} not connected`));
    const probeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('probe timed out')), timeoutMs);
      this.waiters.set(probeId, (body) => {
        clearTimeout(timer);
        resolve(body);
      });
      socket.send(JSON.stringify({ type: 'probe', probeId }));
    });
  }

  /** Drops the device's socket as a crashed bot instance would. */
  dropConnection(deviceId: string): void {
    this.sockets.get(deviceId)?.terminate();
  }

  /** Unpairs from the bot side: the agent is told and stops. */
  revoke(deviceId: string): void {
    this.devices.delete(deviceId);
    this.sockets.get(deviceId)?.close(CloseCode.DeviceRevoked, 'unpaired');
  }

  isConnected(deviceId: string): boolean {
    return this.sockets.has(deviceId);
  }

  /** Injects a raw frame as if it came from the device's socket (forgery tests). */
  async acceptFrame(deviceId: string, raw: unknown): Promise<boolean> {
    const device = this.devices.get(deviceId);
    if (!device) return false;
    const result = await this.verify(deviceId, device, raw);
    return result !== null;
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.http.closeAllConnections();
    await new Promise<void>((r) => this.http.close(() => r()));
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    if (req.method === 'POST' && req.url === PAIR_PATH) return this.pair(body, res);
    if (req.method === 'POST' && req.url === UNPAIR_PATH) return this.unpair(body, res);
    reply(res, 404);
  }

  private pair(body: Record<string, unknown> | null, res: ServerResponse): void {
    const code = typeof body?.code === 'string' ? body.code : '';
    if (!this.codes.delete(code) || typeof body?.publicKey !== 'string') {
      reply(res, 401, '{"error":"bad_code"}');
      return;
    }
    const deviceId = randomUUID();
    this.devices.set(deviceId, { publicKey: body.publicKey, deviceName: String(body.deviceName ?? '') });
    reply(res, 201, JSON.stringify({ deviceId, tcknSalt: this.tcknSalt }));
  }

  private async unpair(body: Record<string, unknown> | null, res: ServerResponse): Promise<void> {
    const deviceId = deviceIdOf(body);
    const device = deviceId ? this.devices.get(deviceId) : undefined;
    if (!deviceId || !device || !(await this.verify(deviceId, device, body))) {
      reply(res, 401);
      return;
    }
    this.devices.delete(deviceId);
    reply(res, 204);
  }

  private onSocket(ws: WebSocket): void {
    const challenge = randomBytes(32).toString('base64url');
    let deviceId: string | null = null;
    ws.send(JSON.stringify({ type: 'challenge', challenge }));
    ws.on('message', async (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return ws.close(CloseCode.Malformed, 'not JSON');
      }
      const claimed = deviceId ?? deviceIdOf(raw as Record<string, unknown>);
      const device = claimed ? this.devices.get(claimed) : undefined;
      if (!claimed || !device) return ws.close(CloseCode.Unauthorised, 'unknown device');
      const message = await this.verify(claimed, device, raw);
      if (!message) return ws.close(CloseCode.Unauthorised, 'refused');
      if (deviceId === null) {
        if (message.type !== 'hello' || message.body.challenge !== challenge) return ws.close(CloseCode.Unauthorised, 'bad hello');
        deviceId = claimed;
        this.sockets.set(deviceId, ws);
        ws.on('close', () => {
          if (deviceId && this.sockets.get(deviceId) === ws) this.sockets.delete(deviceId);
        });
        ws.send(JSON.stringify({ type: 'welcome', deviceId }));
        return;
      }
      if (message.type === 'probe.result') this.waiters.get(message.body.probeId)?.(message.body);
    });
  }

  private async verify(deviceId: string, device: Device, raw: unknown): Promise<AgentMessage | null> {
    const result = await verifyEnvelope(raw, {
      publicKey: device.publicKey,
      deviceId,
      rememberNonce: (id, nonce) => {
        const key = `${id}:${nonce}`;
        if (this.nonces.has(key)) return false;
        this.nonces.add(key);
        return true;
      },
    });
    if (!result.ok) {
      this.refused.push(result.reason);
      return null;
    }
    this.received.push(result.message);
    return result.message;
  }
}

/** Not chained: restify, when loaded in the same test process, makes writeHead return nothing. */
function reply(res: ServerResponse, status: number, json?: string): void {
  res.writeHead(status, json ? { 'content-type': 'application/json' } : {});
  res.end(json);
}

/** Reads deviceId from an envelope's payload without trusting it (verification follows). */
function deviceIdOf(raw: Record<string, unknown> | null): string | null {
  try {
    const payload = JSON.parse(String(raw?.payload)) as { deviceId?: unknown };
    return typeof payload.deviceId === 'string' ? payload.deviceId : null;
  } catch {
    return null;
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : null);
      } catch {
        resolve(null);
      }
    });
  });
}
