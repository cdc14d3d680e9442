import type { CardEventBody } from '../paired-agent/protocol';
import type { CardReport } from '../paired-agent/report';
import type { RevocationPointers } from '../paired-agent/revocation';

/** Who asked for a pairing code (from the Teams turn). */
export interface PairingOwner {
  userId: string;
  userName: string;
  conversationId: string;
}

/** A paired agent as the bot keeps it. No personal data beyond the Teams user id and name. */
export interface DeviceRecord extends PairingOwner {
  deviceId: string;
  /** Base64 SPKI DER of the device's Ed25519 key. */
  publicKey: string;
  deviceName: string;
  agentVersion: string;
  pairedAt: string;
}

/** What the bot last learned from a device: the last card event and/or the last report. */
export interface LastSeen {
  event?: CardEventBody & { at: string };
  report?: CardReport & { receivedAt: string };
}

/** A certificate the user's agent has shown us (for telling the old card from the new one). */
export interface SeenCertificate {
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  seenAt: string;
  /** What a revocation check needs (issuer hashes, OCSP/CRL addresses); from agents that report it. */
  revocation?: RevocationPointers;
}

export type IssueResult =
  | { kind: 'issued'; code: string; expiresAt: string }
  | { kind: 'paused'; until: string };

/** ok: paired; wrong/unknown: 401; expired/used: 410; paused: 429. */
export type RedeemResult =
  | { kind: 'ok'; owner: PairingOwner }
  | { kind: 'wrong' | 'unknown' | 'expired' | 'used' | 'paused' };

/** A pairing code's two halves (bot/agentLink/pairingCode.ts): the handle names the pending pairing, the secret proves it. */
export interface CodeParts {
  handle: string;
  secret: string;
}
