import { t, type Lang, type MessageKey } from './messages';

/**
 * Exit codes of the `eimza-agent` command. Every named error carries one, so the CLI
 * maps an error to a code in one place (see cli.ts) and scripts can tell failures apart.
 */
export const ExitCode = {
  Ok: 0,
  Internal: 1,
  Usage: 2,
  PcscUnavailable: 3,
  NoReader: 4,
  NoCard: 5,
  Pkcs11NotFound: 6,
  Pkcs11LoadFailed: 7,
  CardNotAkis: 8,
  NotKamuSm: 9,
  NotPaired: 10,
  PairingRefused: 11,
  ServerUnreachable: 12,
  AddonRefused: 13,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a problem a staff member can act on, with a Turkish/English message key. */
export abstract class AgentError extends Error {
  abstract readonly code: string;
  abstract readonly messageKey: MessageKey;
  abstract readonly exitCode: ExitCodeValue;

  /** `detail` is technical (for logs and --json), never shown instead of the plain message. */
  constructor(readonly detail?: string) {
    super(detail);
    this.name = new.target.name;
  }

  /** The plain sentence for the user. */
  userMessage(lang: Lang = 'tr'): string {
    return t(this.messageKey, lang);
  }
}

export class PcscServiceUnavailableError extends AgentError {
  readonly code = 'pcsc_unavailable';
  readonly messageKey: MessageKey = 'error.pcsc_unavailable';
  readonly exitCode = ExitCode.PcscUnavailable;
}

/** Windows: SCardSvr is stopped; akisp11.dll is not loaded without it (it can crash the process). */
export class SmartCardServiceStoppedError extends PcscServiceUnavailableError {
  override readonly messageKey = 'error.scardsvr_stopped';
}

export class NoReaderError extends AgentError {
  readonly code = 'no_reader';
  readonly messageKey = 'error.no_reader';
  readonly exitCode = ExitCode.NoReader;
}

export class CardNotPresentError extends AgentError {
  readonly code = 'no_card';
  readonly messageKey = 'error.no_card';
  readonly exitCode = ExitCode.NoCard;
}

export class Pkcs11LibraryNotFoundError extends AgentError {
  readonly code = 'pkcs11_not_found';
  readonly messageKey = 'error.pkcs11_not_found';
  readonly exitCode = ExitCode.Pkcs11NotFound;
  constructor(readonly triedPaths: readonly string[]) {
    super(`PKCS#11 library not found; tried: ${triedPaths.join(', ')}`);
  }
}

export class Pkcs11WrongArchitectureError extends AgentError {
  readonly code = 'pkcs11_wrong_arch';
  readonly messageKey = 'error.pkcs11_wrong_arch';
  readonly exitCode = ExitCode.Pkcs11LoadFailed;
}

export class Pkcs11LoadError extends AgentError {
  readonly code = 'pkcs11_load_failed';
  readonly messageKey = 'error.pkcs11_load_failed';
  readonly exitCode = ExitCode.Pkcs11LoadFailed;
}

export class CardNotAkisError extends AgentError {
  readonly code = 'card_not_akis';
  readonly messageKey = 'error.card_not_akis';
  readonly exitCode = ExitCode.CardNotAkis;
}

export class NoSigningCertificateError extends AgentError {
  readonly code = 'no_signing_certificate';
  readonly messageKey = 'error.no_signing_certificate';
  readonly exitCode = ExitCode.CardNotAkis;
}

export class CertificateNotFromKamuSmError extends AgentError {
  readonly code = 'certificate_not_kamusm';
  readonly messageKey = 'error.certificate_not_kamusm';
  readonly exitCode = ExitCode.NotKamuSm;
}

export class UsageError extends AgentError {
  readonly code = 'usage';
  readonly messageKey = 'error.usage';
  readonly exitCode = ExitCode.Usage;
}

export class NotPairedError extends AgentError {
  readonly code = 'not_paired';
  readonly messageKey = 'error.not_paired';
  readonly exitCode = ExitCode.NotPaired;
}

export class PairingRefusedError extends AgentError {
  readonly code = 'pairing_refused';
  readonly messageKey = 'error.pairing_refused';
  readonly exitCode = ExitCode.PairingRefused;
}

export class ServerUnreachableError extends AgentError {
  readonly code = 'server_unreachable';
  readonly messageKey = 'error.server_unreachable';
  readonly exitCode = ExitCode.ServerUnreachable;
}

/** The single executable's extracted native addon does not match the SHA-256 it was built with. */
export class AddonRefusedError extends AgentError {
  readonly code = 'addon_refused';
  readonly messageKey = 'error.addon_refused';
  readonly exitCode = ExitCode.AddonRefused;
}

/** Anything else: keeps the original error for the log, shows the generic sentence. */
export class InternalAgentError extends AgentError {
  readonly code = 'internal';
  readonly messageKey = 'error.internal';
  readonly exitCode = ExitCode.Internal;
}

/** Wraps an unknown throwable so callers always get an AgentError. */
export function toAgentError(err: unknown): AgentError {
  if (err instanceof AgentError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new InternalAgentError(detail);
}
