import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { AgentConfig } from './config';
import { ExitCode, toAgentError } from './errors';
import { t } from './messages';
import { requireDevice, type PairedDevice } from './pairing';
import { PcscMonitor, type ReaderSnapshot } from './pcsc';
import {
  CloseCode,
  signEnvelope,
  wsUrlFor,
  type AgentBodies,
  type AgentMessage,
  type CardEventBody,
  type ServerMessage,
} from './protocol';
import type { CardReport } from './report';
import { readCardReport } from './status';
import { AGENT_VERSION } from './version';

/**
 * `eimza-agent run`: ONE outbound WebSocket to the bot (the agent opens no port).
 * Authenticates by signing the server's challenge, pushes card events, answers probes,
 * reconnects with backoff. Protocol: PROTOCOL.md / protocol.ts.
 */

export interface LinkOptions {
  device: PairedDevice;
  /** Reads the card for a probe (default: the `status` read with this config). */
  readReport: () => Promise<CardReport>;
  /** Card events source; null to run without PC/SC watching. */
  monitor: PcscMonitor | null;
  /** Reconnect delays: initial, doubled up to max, with +-20 % jitter. Defaults 1 s / 60 s. */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  /** Ping period; a missing pong by the next ping drops the socket. Default 30 s. */
  pingIntervalMs?: number;
  log?: (line: string) => void;
}

export interface AgentLinkEvents {
  welcome: [];
  disconnected: [code: number];
  revoked: [];
  /** Another agent process for the same device connected: this one stops instead of taking it back. */
  replaced: [];
  sent: [type: AgentMessage['type']];
}

export class AgentLink extends EventEmitter<AgentLinkEvents> {
  private socket: WebSocket | null = null;
  private closed = false;
  private authenticated = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private delay: number;
  private readonly answered = new Set<string>();
  private readonly url: string;

  constructor(private readonly options: LinkOptions) {
    super();
    this.delay = options.backoffInitialMs ?? 1000;
    this.url = wsUrlFor(options.device.record.server);
  }

  start(): void {
    this.options.monitor?.on('card-inserted', (r) => this.sendCardEvent('inserted', r));
    this.options.monitor?.on('card-removed', (r) => this.sendCardEvent('removed', r));
    this.options.monitor?.on('reader-added', (name) => this.sendCardEvent('reader-added', readerOnly(name)));
    this.options.monitor?.on('reader-removed', (name) => this.sendCardEvent('reader-removed', readerOnly(name)));
    this.options.monitor?.on('service-down', () => this.sendCardEvent('service-down', null));
    this.options.monitor?.on('service-up', () => this.sendCardEvent('service-up', null));
    this.options.monitor?.start();
    this.dial();
  }

  get isAuthenticated(): boolean {
    return this.authenticated;
  }

  /** Closes the socket and stops reconnecting. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.options.monitor?.close();
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close(1000, 'agent stopping');
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 2000).unref();
      });
    }
  }

  private dial(): void {
    if (this.closed) return;
    const socket = new WebSocket(this.url, { handshakeTimeout: 10_000 });
    this.socket = socket;
    this.authenticated = false;
    let alive = true;
    socket.on('pong', () => (alive = true));
    socket.on('open', () => {
      this.pingTimer = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, this.options.pingIntervalMs ?? 30_000);
    });
    socket.on('message', (data) => this.onMessage(socket, data.toString()));
    socket.on('error', (err) => this.log(`link: ${err.message}`));
    socket.on('close', (code) => this.onClose(socket, code));
  }

  private onClose(socket: WebSocket, code: number): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    if (this.socket !== socket) return;
    this.socket = null;
    this.authenticated = false;
    this.emit('disconnected', code);
    if (this.closed) return;
    if (code === CloseCode.DeviceRevoked) {
      this.emit('revoked');
      return;
    }
    if (code === CloseCode.Replaced) {
      this.log(t('run.replaced'));
      this.emit('replaced');
      return;
    }
    this.log(t('run.reconnecting'));
    const jitter = 0.8 + Math.random() * 0.4;
    this.retryTimer = setTimeout(() => this.dial(), Math.round(this.delay * jitter));
    this.delay = Math.min(this.delay * 2, this.options.backoffMaxMs ?? 60_000);
  }

  private onMessage(socket: WebSocket, text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'challenge':
        this.send(socket, 'hello', {
          challenge: String(message.challenge),
          agentVersion: AGENT_VERSION,
          deviceName: this.options.device.record.deviceName,
        });
        break;
      case 'welcome':
        this.authenticated = true;
        this.delay = this.options.backoffInitialMs ?? 1000;
        this.log(t('run.connected'));
        this.emit('welcome');
        this.sendPresentCards();
        break;
      case 'probe':
        void this.answerProbe(socket, String(message.probeId));
        break;
      default:
        break;
    }
  }

  private async answerProbe(socket: WebSocket, probeId: string): Promise<void> {
    if (!this.authenticated || this.answered.has(probeId)) return; // a probe is answered once
    this.answered.add(probeId);
    if (this.answered.size > 1000) this.answered.delete(this.answered.values().next().value as string);
    try {
      const report = await this.options.readReport();
      this.send(socket, 'probe.result', { probeId, ok: true, report });
    } catch (err) {
      const error = toAgentError(err);
      this.send(socket, 'probe.result', { probeId, ok: false, error: { code: error.code, message: error.userMessage() } });
    }
  }

  private sendPresentCards(): void {
    for (const reader of this.options.monitor?.readers() ?? []) {
      if (reader.cardPresent) this.sendCardEvent('present', reader);
    }
  }

  private sendCardEvent(event: CardEventBody['event'], reader: ReaderSnapshot | null): void {
    const socket = this.socket;
    if (!socket || !this.authenticated) return; // the bot gets the state again on welcome
    this.send(socket, 'card.event', {
      event,
      reader: reader?.name ?? null,
      atr: reader?.atr ?? null,
      atrClassification: reader?.classification ?? null,
    });
  }

  private send<T extends keyof AgentBodies>(socket: WebSocket, type: T, body: AgentBodies[T]): void {
    if (socket.readyState !== WebSocket.OPEN) return;
    const { device } = this.options;
    socket.send(JSON.stringify(signEnvelope(device.privateKey, device.record.deviceId, type, body)));
    this.emit('sent', type);
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function readerOnly(name: string): ReaderSnapshot {
  return { name, cardPresent: false, atr: null, classification: null };
}

export interface RunOptions {
  config: AgentConfig;
  lib?: string;
  log: (line: string) => void;
}

/** Runs until SIGINT/SIGTERM (exit 0) or until the bot revokes the device (exit 10). */
export async function runAgent(options: RunOptions): Promise<number> {
  const device = requireDevice(options.config);
  const salt = device.record.tcknSalt ? { salt: Buffer.from(device.record.tcknSalt, 'hex'), scope: 'server' as const } : undefined;
  const link = new AgentLink({
    device,
    monitor: new PcscMonitor({ reconnect: true }),
    readReport: () => readCardReport({ config: options.config, lib: options.lib, tcknSalt: salt }),
    log: options.log,
  });
  const code = await new Promise<number>((resolve) => {
    const stop = (): void => resolve(ExitCode.Ok);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    link.once('revoked', () => resolve(ExitCode.NotPaired));
    link.once('replaced', () => resolve(ExitCode.Ok));
    link.start();
  });
  await link.close();
  return code;
}
