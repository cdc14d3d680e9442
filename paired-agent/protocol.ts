import { createPublicKey, sign, verify, randomBytes, type KeyObject } from 'node:crypto';
import type { CardReport } from './report';
import type { AtrClassification } from './atr';

/**
 * The agent <-> bot wire protocol, v1 (PROTOCOL.md is the prose version). Node-only
 * helpers, no agent state: the bot side imports `verifyEnvelope` and the message types.
 */

export const PROTOCOL_VERSION = 1;
/** Accepted clock difference between agent and server, both ways. */
export const MAX_CLOCK_SKEW_MS = 60_000;
export const PAIR_PATH = '/api/agent/pair';
export const UNPAIR_PATH = '/api/agent/unpair';
export const WS_PATH = '/api/agent/ws';

/** WebSocket close codes used by the server. */
export const CloseCode = {
  /** Message not understood. */
  Malformed: 4400,
  /** Bad or missing signature, unknown device, wrong challenge. */
  Unauthorised: 4401,
  /** The device was unpaired from the bot: the agent stops. */
  DeviceRevoked: 4403,
  /** Nonce seen before or timestamp outside the window. */
  Replay: 4409,
  /** A newer connection of the same device took over (the bot keeps one socket per device). */
  Replaced: 4410,
} as const;

/** What the agent signs: the exact JSON text travels in `payload`. */
export interface SignedPayload<T extends string = string, B = unknown> {
  v: typeof PROTOCOL_VERSION;
  type: T;
  deviceId: string;
  /** 16 random bytes, base64url; never reused by a device. */
  nonce: string;
  /** Milliseconds since the epoch, agent clock. */
  ts: number;
  body: B;
}

/** On the wire: `{ "payload": "<the JSON text above>", "sig": "<base64url Ed25519 over payload's UTF-8>" }`. */
export interface Envelope {
  payload: string;
  sig: string;
}

export interface CardEventBody {
  event: 'present' | 'inserted' | 'removed' | 'reader-added' | 'reader-removed' | 'service-down' | 'service-up';
  reader: string | null;
  atr: string | null;
  atrClassification: AtrClassification | null;
}

export type ProbeResultBody =
  | { probeId: string; ok: true; report: CardReport }
  | { probeId: string; ok: false; error: { code: string; message: string } };

export interface HelloBody {
  challenge: string;
  agentVersion: string;
  deviceName: string;
}

/** Body of each agent message type. */
export interface AgentBodies {
  hello: HelloBody;
  'card.event': CardEventBody;
  'probe.result': ProbeResultBody;
  unpair: Record<string, never>;
}

/** Agent -> server messages (all signed). */
export type AgentMessage =
  | SignedPayload<'hello', HelloBody>
  | SignedPayload<'card.event', CardEventBody>
  | SignedPayload<'probe.result', ProbeResultBody>
  | SignedPayload<'unpair', Record<string, never>>;

/** Server -> agent messages (plain JSON; the server is authenticated by TLS). */
export type ServerMessage =
  | { type: 'challenge'; challenge: string }
  | { type: 'welcome'; deviceId: string }
  | { type: 'probe'; probeId: string };

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Builds and signs a message. */
export function signEnvelope<T extends keyof AgentBodies>(
  privateKey: KeyObject,
  deviceId: string,
  type: T,
  body: AgentBodies[T],
  now: number = Date.now(),
): Envelope {
  const payload = JSON.stringify({ v: PROTOCOL_VERSION, type, deviceId, nonce: newNonce(), ts: now, body });
  return { payload, sig: sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64url') };
}

export type VerifyFailure = 'malformed' | 'bad_signature' | 'wrong_device' | 'stale' | 'replay';

export type VerifyResult = { ok: true; message: AgentMessage } | { ok: false; reason: VerifyFailure };

export interface VerifyOptions {
  /** Base64 SPKI DER of the device's Ed25519 key (as sent at pairing). */
  publicKey: string;
  /** The device the socket/request is bound to; the payload must name it. */
  deviceId: string;
  now?: number;
  /**
   * Records a nonce; returns false when it was already seen. Keep nonces for at least
   * 2 * MAX_CLOCK_SKEW_MS (e.g. Redis `SET key 1 NX PX 120000`).
   */
  rememberNonce: (deviceId: string, nonce: string) => boolean | Promise<boolean>;
}

/**
 * Server side: checks signature, device, time window and replay, in that order.
 * Unsigned, forged, stale and replayed messages are all refused.
 */
export async function verifyEnvelope(raw: unknown, options: VerifyOptions): Promise<VerifyResult> {
  if (!isEnvelope(raw)) return { ok: false, reason: 'malformed' };
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(options.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const signatureOk = verify(null, Buffer.from(raw.payload, 'utf8'), key, Buffer.from(raw.sig, 'base64url'));
  if (!signatureOk) return { ok: false, reason: 'bad_signature' };
  let message: AgentMessage;
  try {
    message = JSON.parse(raw.payload) as AgentMessage;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (message.v !== PROTOCOL_VERSION || typeof message.nonce !== 'string' || typeof message.ts !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (message.deviceId !== options.deviceId) return { ok: false, reason: 'wrong_device' };
  if (Math.abs((options.now ?? Date.now()) - message.ts) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'stale' };
  if (!(await options.rememberNonce(message.deviceId, message.nonce))) return { ok: false, reason: 'replay' };
  return { ok: true, message };
}

function isEnvelope(raw: unknown): raw is Envelope {
  if (typeof raw !== 'object' || raw === null) return false;
  const e = raw as Record<string, unknown>;
  return typeof e.payload === 'string' && typeof e.sig === 'string' && e.sig.length > 0;
}

/** "https://bot.example" -> "wss://bot.example/api/agent/ws". */
export function wsUrlFor(server: string): string {
  const url = new URL(WS_PATH, server.endsWith('/') ? server : `${server}/`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
