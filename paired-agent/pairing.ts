import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { TcknSalt } from './certificate';
import { ensureConfigDir, writePrivateFile, type AgentConfig } from './config';
import { NotPairedError, PairingRefusedError, ServerUnreachableError, UsageError } from './errors';
import { PAIR_PATH, UNPAIR_PATH, signEnvelope } from './protocol';
import { AGENT_VERSION } from './version';

/**
 * Pairing, client side (PROTOCOL.md): an Ed25519 key pair made here; the public key goes
 * to the bot with the one-time code; the private key stays in the config folder (0600).
 */

export interface DeviceRecord {
  server: string;
  deviceId: string;
  deviceName: string;
  /** Base64 SPKI DER of the device's Ed25519 public key. */
  publicKey: string;
  pairedAt: string;
  /** Hex salt for the T.C. number hash, given by the bot (same for all of a user's devices). */
  tcknSalt: string | null;
}

export interface PairedDevice {
  record: DeviceRecord;
  privateKey: KeyObject;
}

const DEVICE_FILE = 'device.json';
const KEY_FILE = 'device-key.pem';
const CODE_PATTERN = /^[A-Za-z0-9-]{4,32}$/;

export function devicePaths(config: AgentConfig): { device: string; key: string } {
  return { device: join(config.configDir, DEVICE_FILE), key: join(config.configDir, KEY_FILE) };
}

/** Normalises "https://bot.example/" to "https://bot.example". */
export function normaliseServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`not a URL: ${server}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`not an http(s) URL: ${server}`);
  return url.toString().replace(/\/+$/, '');
}

export interface PairOptions {
  config: AgentConfig;
  code: string;
  server: string;
  deviceName?: string;
  /** Request timeout (ms). */
  timeoutMs?: number;
}

/** POSTs {code, publicKey, deviceName} to <server>/api/agent/pair and stores the pairing. */
export async function pairDevice(options: PairOptions): Promise<DeviceRecord> {
  if (!CODE_PATTERN.test(options.code)) throw new UsageError('pairing code must be 4-32 letters, digits or "-"');
  const server = normaliseServer(options.server);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyB64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const deviceName = options.deviceName ?? hostname();
  const answer = await postJson(
    `${server}${PAIR_PATH}`,
    { code: options.code, publicKey: publicKeyB64, deviceName, agentVersion: AGENT_VERSION },
    options.timeoutMs ?? 10_000,
  );
  const deviceId = typeof answer.deviceId === 'string' ? answer.deviceId : null;
  if (!deviceId) throw new PairingRefusedError('server answer has no deviceId');
  const tcknSalt = typeof answer.tcknSalt === 'string' && /^[0-9a-f]{32,128}$/i.test(answer.tcknSalt) ? answer.tcknSalt : null;
  const record: DeviceRecord = { server, deviceId, deviceName, publicKey: publicKeyB64, pairedAt: new Date().toISOString(), tcknSalt };
  saveDevice(options.config, record, privateKey);
  return record;
}

async function postJson(url: string, body: unknown, timeoutMs: number): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new ServerUnreachableError(`${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await response.text();
  if (response.status >= 400 && response.status < 500) throw new PairingRefusedError(`${url}: HTTP ${response.status} ${text.slice(0, 200)}`);
  if (!response.ok) throw new ServerUnreachableError(`${url}: HTTP ${response.status}`);
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ServerUnreachableError(`${url}: answer is not JSON`);
  }
}

function saveDevice(config: AgentConfig, record: DeviceRecord, privateKey: KeyObject): void {
  ensureConfigDir(config.configDir);
  const paths = devicePaths(config);
  writePrivateFile(paths.key, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  writePrivateFile(paths.device, JSON.stringify(record, null, 2) + '\n');
}

/** The stored pairing, or null when this computer is not paired. */
export function loadDevice(config: AgentConfig): PairedDevice | null {
  const paths = devicePaths(config);
  if (!existsSync(paths.device) || !existsSync(paths.key)) return null;
  const record = JSON.parse(readFileSync(paths.device, 'utf8')) as DeviceRecord;
  const privateKey = createPrivateKey(readFileSync(paths.key, 'utf8'));
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  if (derived !== record.publicKey) throw new NotPairedError('device key does not match device.json');
  return { record, privateKey };
}

export function requireDevice(config: AgentConfig): PairedDevice {
  const device = loadDevice(config);
  if (!device) throw new NotPairedError();
  return device;
}

/** The server-given salt when paired, else null (callers then use the per-install salt). */
export function loadTcknSalt(config: AgentConfig): TcknSalt | null {
  try {
    const salt = loadDevice(config)?.record.tcknSalt;
    return salt ? { salt: Buffer.from(salt, 'hex'), scope: 'server' } : null;
  } catch {
    return null;
  }
}

/**
 * Forgets the pairing here and tells the server (best effort, signed). Returns false
 * when there was nothing to remove.
 */
export async function unpairDevice(config: AgentConfig, timeoutMs = 5000): Promise<boolean> {
  let device: PairedDevice | null = null;
  try {
    device = loadDevice(config);
  } catch {
    device = null;
  }
  const paths = devicePaths(config);
  const existed = existsSync(paths.device) || existsSync(paths.key);
  if (device) {
    const envelope = signEnvelope(device.privateKey, device.record.deviceId, 'unpair', {});
    try {
      await fetch(`${device.record.server}${UNPAIR_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      // the bot may be unreachable; the local pairing is removed anyway
    }
  }
  rmSync(paths.device, { force: true });
  rmSync(paths.key, { force: true });
  return existed;
}
