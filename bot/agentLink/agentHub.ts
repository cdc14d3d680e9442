import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ProbeResultBody } from '../../paired-agent/protocol';
import type { Logger } from '../logger';
import { AgentLinkClosedError, AgentOfflineError, ProbeTimeoutError } from './errors';

/** One authenticated agent socket on this instance, as the hub sees it. */
export interface AgentConnection {
  readonly deviceId: string;
  sendProbe(probeId: string): void;
  /** Tells the agent it was unpaired (close 4403). */
  revoke(): void;
  /** Closes this older socket: a newer one of the same device took over (close 4410). */
  replaced?(): void;
}

export interface AgentHubOptions {
  /** Commands (PUBLISH, PUBSUB); absent: one instance, no routing. */
  redis?: Redis;
  /** A connection of its own for SUBSCRIBE (required with `redis`). */
  subscriber?: Redis;
  keyPrefix: string;
  probeTimeoutMs: number;
  log: Logger;
  /** Called with the number of agents connected to this instance whenever it changes. */
  onCount?: (count: number) => void;
}

type DeviceCommand = { kind: 'probe'; probeId: string; replyTo: string } | { kind: 'revoke' };
interface Reply { probeId: string; body: ProbeResultBody }

interface Waiting {
  resolve: (body: ProbeResultBody) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Where probes go. An agent's socket lives on one bot instance; a dialog may run on another.
 * The instance holding the socket subscribes to `agent:dev:<deviceId>`; any instance publishes a
 * probe there with its own reply channel `agent:reply:<instanceId>` and waits. PUBLISH says how
 * many instances hold the socket, so "offline" is known at once instead of after a timeout.
 * Without Redis, only local sockets exist.
 */
export class AgentHub {
  readonly instanceId = randomUUID();
  private readonly local = new Map<string, AgentConnection>();
  private readonly waiting = new Map<string, Waiting>();
  /** Probes this instance forwards for another one: probeId -> reply channel. */
  private readonly relayed = new Map<string, { replyTo: string; timer: NodeJS.Timeout }>();
  private closed?: Promise<void>;

  constructor(private readonly options: AgentHubOptions) {
    options.subscriber?.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message.toString()));
  }

  private get replyChannel(): string {
    return `${this.options.keyPrefix}agent:reply:${this.instanceId}`;
  }

  private deviceChannel(deviceId: string): string {
    return `${this.options.keyPrefix}agent:dev:${deviceId}`;
  }

  /**
   * Connects the subscriber and subscribes to this instance's reply channel. When Redis is down
   * at start, the subscription stays queued (the subscriber keeps reconnecting) and start returns.
   */
  async start(): Promise<void> {
    const { subscriber, log } = this.options;
    if (!subscriber) return;
    const warn = (error: Error): void => log.warn({ err: { message: error.message } }, 'agent link: Redis subscriber not ready; remote probes wait for it');
    if (subscriber.status === 'wait') subscriber.connect().catch(warn);
    const subscribed = subscriber.subscribe(this.replyChannel).then(() => true, (error: Error) => (warn(error), false));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([subscribed, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }

  /** Number of agents connected to this instance. */
  get count(): number {
    return this.local.size;
  }

  isLocal(deviceId: string): boolean {
    return this.local.has(deviceId);
  }

  attach(connection: AgentConnection): void {
    const previous = this.local.get(connection.deviceId);
    const first = !previous;
    this.local.set(connection.deviceId, connection);
    if (previous && previous !== connection) previous.replaced?.();
    if (first) void this.options.subscriber?.subscribe(this.deviceChannel(connection.deviceId)).catch(() => {});
    this.options.onCount?.(this.local.size);
  }

  detach(connection: AgentConnection): void {
    if (this.local.get(connection.deviceId) !== connection) return;
    this.local.delete(connection.deviceId);
    if (!this.closed) void this.options.subscriber?.unsubscribe(this.deviceChannel(connection.deviceId)).catch(() => {});
    this.options.onCount?.(this.local.size);
  }

  /** Whether any instance holds the device's socket. */
  async isOnline(deviceId: string): Promise<boolean> {
    if (this.local.has(deviceId)) return true;
    if (!this.options.redis) return false;
    const reply = (await this.options.redis.call('PUBSUB', 'NUMSUB', this.deviceChannel(deviceId))) as [string, number];
    return Number(reply[1]) > 0;
  }

  /**
   * Asks the device's agent to read the card; resolves with its signed answer's body.
   * @throws AgentOfflineError when no instance holds its socket; ProbeTimeoutError.
   */
  async probe(deviceId: string, timeoutMs = this.options.probeTimeoutMs): Promise<ProbeResultBody> {
    if (this.closed) throw new AgentLinkClosedError();
    const probeId = randomUUID();
    const answer = new Promise<ProbeResultBody>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(probeId);
        reject(new ProbeTimeoutError(deviceId, timeoutMs));
      }, timeoutMs);
      this.waiting.set(probeId, { resolve, reject, timer });
    });
    answer.catch(() => {}); // observed below; keeps an early rejection from being "unhandled"
    const connection = this.local.get(deviceId);
    if (connection) {
      connection.sendProbe(probeId);
    } else {
      const receivers = this.options.redis && this.options.subscriber
        ? await this.publish(deviceId, { kind: 'probe', probeId, replyTo: this.replyChannel })
        : 0;
      if (receivers === 0) {
        this.settle(probeId, new AgentOfflineError(deviceId));
      }
    }
    return answer;
  }

  /** A verified probe.result from a local socket. */
  onProbeResult(body: ProbeResultBody): void {
    if (this.waiting.has(body.probeId)) return this.settle(body.probeId, body);
    const relay = this.relayed.get(body.probeId);
    if (!relay) return;
    clearTimeout(relay.timer);
    this.relayed.delete(body.probeId);
    void this.options.redis?.publish(relay.replyTo, JSON.stringify({ probeId: body.probeId, body } satisfies Reply)).catch(() => {});
  }

  /** Closes the device's socket with 4403 wherever it is. */
  async revoke(deviceId: string): Promise<void> {
    this.local.get(deviceId)?.revoke();
    if (this.options.redis && this.options.subscriber) await this.publish(deviceId, { kind: 'revoke' }).catch(() => 0);
  }

  /** Fails the probes in flight, unsubscribes. Safe to call twice; does not quit the clients. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      for (const probeId of [...this.waiting.keys()]) this.settle(probeId, new AgentLinkClosedError());
      for (const relay of this.relayed.values()) clearTimeout(relay.timer);
      this.relayed.clear();
    })();
    return this.closed;
  }

  private async publish(deviceId: string, command: DeviceCommand): Promise<number> {
    try {
      return await this.options.redis!.publish(this.deviceChannel(deviceId), JSON.stringify(command));
    } catch (error) {
      this.options.log.warn({ err: { message: (error as Error).message } }, 'agent link: could not publish to Redis');
      return 0;
    }
  }

  private settle(probeId: string, outcome: ProbeResultBody | Error): void {
    const waiting = this.waiting.get(probeId);
    if (!waiting) return;
    this.waiting.delete(probeId);
    clearTimeout(waiting.timer);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  private onMessage(channel: string, message: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (channel === this.replyChannel) {
      const reply = parsed as Reply;
      if (typeof reply.probeId === 'string' && reply.body) this.settle(reply.probeId, reply.body);
      return;
    }
    const prefix = `${this.options.keyPrefix}agent:dev:`;
    if (!channel.startsWith(prefix)) return;
    const connection = this.local.get(channel.slice(prefix.length));
    const command = parsed as DeviceCommand;
    if (!connection) return;
    if (command.kind === 'revoke') return connection.revoke();
    if (command.kind === 'probe' && typeof command.probeId === 'string' && typeof command.replyTo === 'string') {
      if (!command.replyTo.startsWith(`${this.options.keyPrefix}agent:reply:`)) return;
      const timer = setTimeout(() => this.relayed.delete(command.probeId), this.options.probeTimeoutMs * 2);
      this.relayed.set(command.probeId, { replyTo: command.replyTo, timer });
      connection.sendProbe(command.probeId);
    }
  }
}
