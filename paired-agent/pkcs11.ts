import { existsSync } from 'node:fs';
import * as pkcs11js from 'pkcs11js';
import { defaultPkcs11Paths, type AgentConfig } from './config';
import { Pkcs11LibraryNotFoundError, Pkcs11LoadError, Pkcs11WrongArchitectureError } from './errors';
import type { RawCertificate } from './certificate';
import { SerialQueue } from './serial-queue';
import { assertSmartCardServiceRunning } from './windows-service';

/**
 * A READ-ONLY view of a PKCS#11 library. It can list tokens and read public
 * certificate objects; it has no login, no PIN, no key and no signing function, on
 * purpose: the agent must never spend a PIN try (domain.md). Sessions are opened
 * read-only (CKF_SERIAL_SESSION without CKF_RW_SESSION) and never logged in.
 */

export interface TokenInfoSummary {
  /** Slot id as a decimal string (PKCS#11 handles are opaque buffers). */
  slotId: string;
  slotDescription: string;
  label: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  /** CK_TOKEN_INFO.flags as read; PIN state comes from these bits only. */
  flags: number;
}

export interface TokenContents {
  token: TokenInfoSummary;
  certificates: RawCertificate[];
}

/** One queue per process: the library is process-global, whatever wrapper calls it. */
export const pkcs11Queue = new SerialQueue();

/** The library to load: --lib, then EIMZA_PKCS11_LIB, then the OS default paths. */
export function resolvePkcs11Library(config: AgentConfig, cliLib?: string): string {
  const explicit = cliLib ?? config.pkcs11LibOverride;
  const candidates = explicit ? [explicit] : defaultPkcs11Paths(config);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Pkcs11LibraryNotFoundError(candidates);
  return found;
}

/** dlopen/LoadLibrary messages that mean "built for another CPU or bitness". */
const WRONG_ARCH_PATTERNS = [
  /wrong ELF class/i, // Linux 32-bit vs 64-bit
  /ELF file's? (?:machine|data encoding|OS ABI)/i,
  /incompatible architecture/i, // macOS x86_64 vs arm64
  /mach-o file, but is an incompatible/i,
  /not a valid Win32 application/i, // Windows error 193
  /%1 is not a valid/i,
];

/** Turns a library load failure into the error a staff member can act on. */
export function classifyLoadError(path: string, err: unknown): Pkcs11WrongArchitectureError | Pkcs11LoadError {
  const message = err instanceof Error ? err.message : String(err);
  const detail = `${path}: ${message}`;
  if (WRONG_ARCH_PATTERNS.some((re) => re.test(message))) return new Pkcs11WrongArchitectureError(detail);
  return new Pkcs11LoadError(detail);
}

const CKF_TOKEN_INITIALIZED = 0x400;

const text = (value: string): string => value.replace(/\0/g, '').trim();

export class ReadOnlyPkcs11 {
  private module: pkcs11js.PKCS11 | null;
  private closing: Promise<void> | null = null;

  private constructor(module: pkcs11js.PKCS11, readonly libraryPath: string) {
    this.module = module;
  }

  /** Loads the library and calls C_Initialize with NO arguments (AKIS rejects init args). */
  static open(libraryPath: string): Promise<ReadOnlyPkcs11> {
    return pkcs11Queue.run(() => {
      if (process.platform === 'win32') assertSmartCardServiceRunning();
      const module = new pkcs11js.PKCS11();
      try {
        module.load(libraryPath);
      } catch (err) {
        throw classifyLoadError(libraryPath, err);
      }
      try {
        module.C_Initialize();
      } catch (err) {
        if (!/CKR_CRYPTOKI_ALREADY_INITIALIZED/.test(String(err))) {
          safely(() => module.close());
          throw new Pkcs11LoadError(`${libraryPath}: C_Initialize failed: ${String(err)}`);
        }
      }
      return new ReadOnlyPkcs11(module, libraryPath);
    });
  }

  /** Initialised tokens in any slot, with their info (label, serial, manufacturer, flags). */
  listTokens(): Promise<TokenInfoSummary[]> {
    return pkcs11Queue.run(() => {
      const module = this.live();
      return module
        .C_GetSlotList(true)
        .map((slot) => tokenSummary(module, slot))
        .filter((token) => (token.flags & CKF_TOKEN_INITIALIZED) !== 0);
    });
  }

  /** Token info and every X.509 certificate object, read in a public (not logged-in) session. */
  readToken(slotId: string): Promise<TokenContents> {
    return pkcs11Queue.run(() => {
      const module = this.live();
      const slot = module.C_GetSlotList(true).find((s) => slotIdOf(s) === slotId);
      if (!slot) throw new Pkcs11LoadError(`slot ${slotId} has no token any more`);
      const token = tokenSummary(module, slot);
      const session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        return { token, certificates: readCertificates(module, session) };
      } finally {
        safely(() => module.C_CloseSession(session));
      }
    });
  }

  /** C_Finalize and unload. Safe to call twice; the second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= pkcs11Queue.run(() => {
      const module = this.module;
      this.module = null;
      if (!module) return;
      safely(() => module.C_Finalize());
      safely(() => module.close());
    });
    return this.closing;
  }

  private live(): pkcs11js.PKCS11 {
    if (!this.module) throw new Pkcs11LoadError('PKCS#11 module already closed');
    return this.module;
  }
}

function slotIdOf(slot: pkcs11js.Handle): string {
  return slot.length >= 8 ? slot.readBigUInt64LE(0).toString() : slot.readUInt32LE(0).toString();
}

function tokenSummary(module: pkcs11js.PKCS11, slot: pkcs11js.Handle): TokenInfoSummary {
  const info = module.C_GetTokenInfo(slot);
  const slotInfo = module.C_GetSlotInfo(slot);
  return {
    slotId: slotIdOf(slot),
    slotDescription: text(slotInfo.slotDescription),
    label: text(info.label),
    serialNumber: text(info.serialNumber),
    manufacturer: text(info.manufacturerID),
    model: text(info.model),
    flags: info.flags,
  };
}

function readCertificates(module: pkcs11js.PKCS11, session: pkcs11js.Handle): RawCertificate[] {
  module.C_FindObjectsInit(session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
  ]);
  let handles: pkcs11js.Handle[];
  try {
    handles = module.C_FindObjects(session, 64);
  } finally {
    module.C_FindObjectsFinal(session);
  }
  return handles.map((handle) => readCertificate(module, session, handle));
}

function readCertificate(module: pkcs11js.PKCS11, session: pkcs11js.Handle, handle: pkcs11js.Handle): RawCertificate {
  const [value, label, id] = module.C_GetAttributeValue(session, handle, [
    { type: pkcs11js.CKA_VALUE },
    { type: pkcs11js.CKA_LABEL },
    { type: pkcs11js.CKA_ID },
  ]);
  return {
    der: Buffer.from(value.value as Buffer),
    label: label.value instanceof Buffer ? label.value.toString('utf8') : null,
    id: id.value instanceof Buffer ? id.value.toString('hex') : null,
  };
}

function safely(step: () => void): void {
  try {
    step();
  } catch {
    // closing: nothing useful to do with a failure here
  }
}
