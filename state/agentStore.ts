import type { CodeParts, DeviceRecord, IssueResult, LastSeen, PairingOwner, RedeemResult, SeenCertificate } from './agentRecords';

/** Pairing policy, from bot/config.ts. */
export interface PairingRules {
  codeTtlMs: number;
  maxWrong: number;
  pauseMs: number;
}

/** How long a seen nonce is kept (PROTOCOL.md: at least 2 x the 60 s clock window). */
export const NONCE_TTL_MS = 120_000;
/** How long an unpaired device id is remembered, so its agent is told 4403 and stops. */
export const REVOKED_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Everything the agent link keeps: pairing codes and the wrong-code counter, devices, the last
 * report, nonces. Redis in production (atomic Lua), memory without Redis.
 */
export interface AgentStore {
  /** A new one-time code for `owner` (refused while pairing is paused for them). */
  issueCode(owner: PairingOwner, parts: CodeParts, now: number): Promise<IssueResult | 'collision'>;
  /** Uses a code once; wrong secrets count against the code's owner. */
  redeemCode(parts: CodeParts, now: number): Promise<RedeemResult>;
  /** When pairing is paused for the user, until when (ms since epoch). */
  pausedUntil(userId: string, now: number): Promise<number | null>;
  addDevice(device: DeviceRecord): Promise<void>;
  device(deviceId: string): Promise<DeviceRecord | null>;
  devicesOf(userId: string): Promise<DeviceRecord[]>;
  /** Forgets a device (and remembers it was revoked). False when it was not there. */
  removeDevice(deviceId: string): Promise<boolean>;
  isRevoked(deviceId: string): Promise<boolean>;
  setLastSeen(deviceId: string, change: LastSeen): Promise<void>;
  lastSeen(deviceId: string): Promise<LastSeen>;
  rememberCertificate(userId: string, cert: SeenCertificate): Promise<void>;
  certificates(userId: string): Promise<SeenCertificate[]>;
  /** Records a nonce; false when it was already seen. */
  rememberNonce(deviceId: string, nonce: string): Promise<boolean>;
  /** The deployment's T.C. number hash salt (one for all instances). */
  tcknSalt(preferred: string | undefined): Promise<string>;
}
