import type { CardReport } from '../../paired-agent/report';
import type { CardEventBody } from '../../paired-agent/protocol';
import type { IssueResult, PairingOwner, SeenCertificate } from '../../state/agentRecords';

/** A paired PC as the dialogs show it. */
export interface DeviceView {
  deviceId: string;
  deviceName: string;
  pairedAt: string;
  online: boolean;
  lastEvent?: CardEventBody & { at: string };
}

/** A user's newest stored card report and the device it came from (undefined report: paired, nothing read yet). */
export interface LastReport {
  deviceName: string;
  online: boolean;
  report?: CardReport & { receivedAt: string };
}

/** What reading the user's card gave. */
export type CardReading =
  | { kind: 'notPaired' }
  | { kind: 'offline'; deviceName: string }
  | { kind: 'failed'; deviceName: string; code: string; message?: string }
  | { kind: 'report'; deviceName: string; report: CardReport };

/**
 * What the dialogs ask of the paired agent (bot/agentLink). Optional in PathServices: without
 * it (tests of the paths, a bot without agents) the dialogs behave as if nobody were paired.
 */
export interface CardAgent {
  /** The address agents use (`eimza-agent pair <code> --server <this>`). */
  publicUrl(): string;
  issueCode(owner: PairingOwner): Promise<IssueResult>;
  devices(userId: string): Promise<DeviceView[]>;
  /** Unpairs one of the user's devices and tells its agent; false when it is not theirs. */
  unpair(userId: string, deviceId: string): Promise<boolean>;
  /** Probes the user's connected agent (the report also updates the roster). */
  readCard(userId: string): Promise<CardReading>;
  /** Certificates the user's agents have shown, oldest first by notAfter. */
  certificates(userId: string): Promise<SeenCertificate[]>;
}
