import { createHmac, createPublicKey, randomUUID } from 'node:crypto';
import { CARD_REPORT_SCHEMA, type CardReport } from '../../paired-agent/report';
import { CloseCode, verifyEnvelope, type CardEventBody, type ProbeResultBody } from '../../paired-agent/protocol';
import { istanbulDate } from '../../domain/dates';
import type { ExpiryRoster } from '../../state/expiryRoster';
import type { Logger } from '../logger';
import type { AgentHub } from './agentHub';
import type { AgentStore } from '../../state/agentStore';
import type { CardAgent, CardReading, DeviceView, LastReport } from './cardAgent';
import { AgentOfflineError, ProbeTimeoutError } from './errors';
import { newCodeParts, parseCode } from './pairingCode';
import { PairingLimiter, type PairingLimits } from './pairingLimiter';
import type { DeviceRecord, IssueResult, PairingOwner, SeenCertificate } from '../../state/agentRecords';

export interface CardAgentServiceOptions {
  store: AgentStore;
  hub: AgentHub;
  roster: ExpiryRoster;
  log: Logger;
  now: () => Date;
  /** PUBLIC_URL; else http://localhost:<listening port>. */
  publicUrl?: string;
  tcknSalt?: string;
  /** Failed pairing attempts allowed per source and overall (defaults: DEFAULT_PAIRING_LIMITS). */
  pairingLimits?: PairingLimits;
}

/** An HTTP answer for the agent's two calls. */
export interface HttpAnswer {
  status: number;
  body?: Record<string, unknown>;
  /** Sent as Retry-After with a 429. */
  retryAfterSeconds?: number;
}

const REDEEM_STATUS = { wrong: 401, unknown: 401, expired: 410, used: 410, paused: 429 } as const;

/**
 * The bot's side of the paired agent: pairing codes and the pairing call, devices, probes and
 * what their reports change (the device's last report, the roster's expiry with source
 * 'agent'). Never stores or logs a clear T.C. number: the agent sends only a mask and a hash,
 * and the bot drops the mask before storing.
 */
export class CardAgentService implements CardAgent {
  private port = 0;

  private readonly limiter: PairingLimiter;

  constructor(private readonly options: CardAgentServiceOptions) {
    this.limiter = new PairingLimiter(options.pairingLimits, () => options.now().getTime());
  }

  setListeningPort(port: number): void {
    this.port = port;
  }

  publicUrl(): string {
    return (this.options.publicUrl ?? `http://localhost:${this.port}`).replace(/\/+$/, '');
  }

  async issueCode(owner: PairingOwner): Promise<IssueResult> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const result = await this.options.store.issueCode(owner, newCodeParts(), this.options.now().getTime());
      if (result !== 'collision') return result;
    }
    throw new Error('Could not find a free pairing code');
  }

  /** POST /api/agent/pair. */
  /**
   * POST /api/agent/pair from `source` (its address). An unknown code and a wrong one get the same
   * answer, and failures are limited per source and overall (PairingLimiter).
   */
  async pair(body: unknown, source = 'unknown'): Promise<HttpAnswer> {
    const wait = this.limiter.retryAfterMs(source);
    if (wait > 0) return { status: 429, body: { error: 'rate_limited' }, retryAfterSeconds: Math.ceil(wait / 1000) };
    const answer = await this.redeem(body);
    if (answer.body?.error === 'wrong_code') this.limiter.failed(source);
    return answer;
  }

  private async redeem(body: unknown): Promise<HttpAnswer> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const { code, publicKey } = input;
    const deviceName = typeof input.deviceName === 'string' && input.deviceName.trim() ? input.deviceName.trim().slice(0, 80) : 'PC';
    const agentVersion = typeof input.agentVersion === 'string' ? input.agentVersion.slice(0, 40) : '';
    if (typeof code !== 'string' || !/^[A-Za-z0-9-]{4,32}$/.test(code) || typeof publicKey !== 'string' || !isEd25519Spki(publicKey)) {
      return { status: 400, body: { error: 'malformed' } };
    }
    const parts = parseCode(code);
    if (!parts) return { status: 401, body: { error: 'wrong_code' } };
    const result = await this.options.store.redeemCode(parts, this.options.now().getTime());
    if (result.kind !== 'ok') {
      this.options.log.info({ outcome: result.kind }, 'agent pairing refused');
      // "unknown" and "wrong" must read alike, or the answer tells which first halves are pending.
      const error = result.kind === 'unknown' || result.kind === 'wrong' ? 'wrong_code' : result.kind;
      return { status: REDEEM_STATUS[result.kind], body: { error } };
    }
    const device: DeviceRecord = {
      ...result.owner, deviceId: randomUUID(), publicKey, deviceName, agentVersion, pairedAt: this.options.now().toISOString(),
    };
    await this.options.store.addDevice(device);
    this.options.log.info({ deviceId: device.deviceId }, 'agent paired');
    return { status: 201, body: { deviceId: device.deviceId, tcknSalt: await this.userSalt(result.owner.userId) } };
  }

  /**
   * The T.C. hash salt for one user's agents: derived from the deployment's secret and the user, so
   * every PC of that user hashes a card alike, while a salt read from one PC says nothing about
   * anyone else's hashes. The deployment's secret itself never leaves the bot.
   */
  private async userSalt(userId: string): Promise<string> {
    const deployment = await this.options.store.tcknSalt(this.options.tcknSalt);
    return createHmac('sha256', Buffer.from(deployment, 'utf8')).update(`tckn-salt:${userId}`, 'utf8').digest('hex');
  }

  /** POST /api/agent/unpair: a signed `unpair` envelope from the agent. */
  async unpairFromAgent(body: unknown): Promise<HttpAnswer> {
    const claimed = claimedDevice(body);
    const device = claimed ? await this.options.store.device(claimed) : null;
    if (!device) return { status: claimed && (await this.options.store.isRevoked(claimed)) ? 204 : 401 };
    const verified = await verifyEnvelope(body, {
      publicKey: device.publicKey, deviceId: device.deviceId, rememberNonce: (id, nonce) => this.options.store.rememberNonce(id, nonce),
    });
    if (!verified.ok || verified.message.type !== 'unpair') return { status: 401, body: { error: verified.ok ? 'wrong_type' : verified.reason } };
    await this.forget(device.deviceId);
    return { status: 204 };
  }

  /** The newest card report among the user's devices (for the help desk), with the device it came from. */
  async lastReport(userId: string): Promise<LastReport | undefined> {
    const devices = await this.options.store.devicesOf(userId);
    const views = await Promise.all(devices.map(async (device) => ({
      deviceName: device.deviceName,
      online: await this.options.hub.isOnline(device.deviceId).catch(() => false),
      report: (await this.options.store.lastSeen(device.deviceId)).report,
    })));
    return views.sort((a, b) => (b.report?.receivedAt ?? '').localeCompare(a.report?.receivedAt ?? ''))[0];
  }

  async devices(userId: string): Promise<DeviceView[]> {
    const devices = await this.options.store.devicesOf(userId);
    return Promise.all(devices.map(async (d) => ({
      deviceId: d.deviceId, deviceName: d.deviceName, pairedAt: d.pairedAt,
      online: await this.options.hub.isOnline(d.deviceId).catch(() => false),
      lastEvent: (await this.options.store.lastSeen(d.deviceId)).event,
    })));
  }

  async unpair(userId: string, deviceId: string): Promise<boolean> {
    const device = await this.options.store.device(deviceId);
    if (!device || device.userId !== userId) return false;
    await this.forget(deviceId);
    return true;
  }

  async readCard(userId: string): Promise<CardReading> {
    const devices = await this.options.store.devicesOf(userId);
    if (devices.length === 0) return { kind: 'notPaired' };
    let outcome: CardReading = { kind: 'offline', deviceName: devices[devices.length - 1].deviceName };
    // The newest pairing first: that is usually the PC the user sits at.
    for (const device of [...devices].reverse()) {
      try {
        const answer = await this.options.hub.probe(device.deviceId);
        await this.absorb(device, answer);
        if (answer.ok) return { kind: 'report', deviceName: device.deviceName, report: withoutMask(answer.report) };
        outcome = { kind: 'failed', deviceName: device.deviceName, code: answer.error.code, message: answer.error.message };
      } catch (error) {
        if (error instanceof ProbeTimeoutError) outcome = { kind: 'failed', deviceName: device.deviceName, code: 'timeout' };
        else if (!(error instanceof AgentOfflineError)) throw error;
      }
    }
    return outcome;
  }

  async certificates(userId: string): Promise<SeenCertificate[]> {
    return (await this.options.store.certificates(userId)).sort((a, b) => a.notAfter.localeCompare(b.notAfter));
  }

  /** A verified card event from a local socket: stored; an insertion is read at once (fresh expiry for the roster). */
  onCardEvent(device: DeviceRecord, body: CardEventBody): void {
    void this.options.store.setLastSeen(device.deviceId, { event: { ...body, at: this.options.now().toISOString() } }).catch((error: Error) => this.warn(error));
    if (body.event === 'inserted' || body.event === 'present') {
      this.options.hub.probe(device.deviceId).then((answer) => this.absorb(device, answer)).catch(() => {});
    }
  }

  /** What a report changes: the device's last report, the certificates seen, the roster. */
  private async absorb(device: DeviceRecord, answer: ProbeResultBody): Promise<void> {
    if (!answer.ok || answer.report?.schema !== CARD_REPORT_SCHEMA) return;
    const report = withoutMask(answer.report);
    const now = this.options.now();
    await this.options.store.setLastSeen(device.deviceId, { report: { ...report, receivedAt: now.toISOString() } });
    const cert = report.certificate;
    if (!cert || !cert.isKamuSm) return;
    await this.options.store.rememberCertificate(device.userId, {
      serialNumber: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter, seenAt: now.toISOString(), revocation: cert.revocation,
    });
    const outcome = await this.options.roster.record({
      userId: device.userId, userName: device.userName, conversationId: device.conversationId || undefined,
      expiry: istanbulDate(new Date(cert.notAfter)), source: 'agent', serial: cert.serialNumber,
    }, now);
    this.options.log.debug({ deviceId: device.deviceId, outcome: outcome.outcome }, 'agent report recorded');
  }

  private async forget(deviceId: string): Promise<void> {
    await this.options.store.removeDevice(deviceId);
    await this.options.hub.revoke(deviceId);
    this.options.log.info({ deviceId, closeCode: CloseCode.DeviceRevoked }, 'agent unpaired');
  }

  private warn(error: Error): void {
    this.options.log.warn({ err: { message: error.message } }, 'agent link: could not store a card event');
  }
}

function isEd25519Spki(base64: string): boolean {
  try {
    return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** The report as stored: the masked T.C. number is dropped (the hash stays, it tells two people's cards apart). */
function withoutMask(report: CardReport): CardReport {
  return report.certificate ? { ...report, certificate: { ...report.certificate, tcknMasked: null } } : report;
}

function claimedDevice(raw: unknown): string | null {
  try {
    const payload = JSON.parse(String((raw as { payload?: unknown }).payload)) as { deviceId?: unknown };
    return typeof payload.deviceId === 'string' ? payload.deviceId : null;
  } catch {
    return null;
  }
}
