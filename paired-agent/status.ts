import { AGENT_VERSION } from './version';
import {
  chooseSigningCertificate,
  parseCertificate,
  summariseCertificate,
  type ParsedCertificate,
  type TcknSalt,
} from './certificate';
import { loadOrCreateInstallSalt, type AgentConfig } from './config';
import {
  AgentError,
  CardNotAkisError,
  CardNotPresentError,
  CertificateNotFromKamuSmError,
  NoReaderError,
  NoSigningCertificateError,
} from './errors';
import { readReadersOnce, type ReaderSnapshot } from './pcsc';
import { pinStateFromFlags } from './pin-state';
import { ReadOnlyPkcs11, resolvePkcs11Library, type TokenContents, type TokenInfoSummary } from './pkcs11';
import { CARD_REPORT_SCHEMA, certificateStateAt, type CardReport } from './report';

/** Reads the card in the reader now: PC/SC for reader and ATR, PKCS#11 for token and certificate. */
export interface StatusOptions {
  config: AgentConfig;
  /** --lib from the command line. */
  lib?: string;
  /** Salt for the T.C. number hash; the per-install salt when absent. */
  tcknSalt?: TcknSalt;
  /** How long to wait for the readers to report (ms). */
  pcscTimeoutMs?: number;
}

export { AGENT_VERSION };

/**
 * Builds the CardReport. Throws an AgentError when there is nothing to report on
 * (no service, no reader, no card, no driver, no token); card-level findings such as
 * "not from Kamu SM" are listed in `report.problems` instead.
 */
export async function readCardReport(options: StatusOptions): Promise<CardReport> {
  const readers = await readReadersOnce(options.pcscTimeoutMs);
  const reader = pickReader(readers);
  const libraryPath = resolvePkcs11Library(options.config, options.lib);
  const contents = await readTokenForReader(libraryPath, reader);
  if (!contents) {
    throw new CardNotAkisError(`no PKCS#11 token for reader "${reader.name}" (ATR ${reader.atr ?? '-'})`);
  }
  const salt = options.tcknSalt ?? { salt: loadOrCreateInstallSalt(options.config.configDir), scope: 'install' };
  return buildReport({ readers, reader, contents, libraryPath, salt, lang: options.config.lang });
}

/** The reader whose card to report: one with an AKIS ATR first, else any with a card. */
export function pickReader(readers: readonly ReaderSnapshot[]): ReaderSnapshot {
  if (readers.length === 0) throw new NoReaderError('the smart card service lists no reader');
  const withCard = readers.filter((r) => r.cardPresent);
  const chosen = withCard.find((r) => r.classification?.verdict === 'akis') ?? withCard[0];
  if (!chosen) throw new CardNotPresentError(`readers: ${readers.map((r) => r.name).join(', ')}`);
  return chosen;
}

/** Tokens whose slot is named after the reader come first (AKIS names slots by reader). */
export function orderTokensForReader(tokens: readonly TokenInfoSummary[], readerName: string): TokenInfoSummary[] {
  const matches = (t: TokenInfoSummary): boolean =>
    t.slotDescription.length > 0 && (readerName.includes(t.slotDescription) || t.slotDescription.includes(readerName));
  return [...tokens.filter(matches), ...tokens.filter((t) => !matches(t))];
}

async function readTokenForReader(libraryPath: string, reader: ReaderSnapshot): Promise<TokenContents | null> {
  const module = await ReadOnlyPkcs11.open(libraryPath);
  try {
    const tokens = orderTokensForReader(await module.listTokens(), reader.name);
    let first: TokenContents | null = null;
    for (const token of tokens) {
      const contents = await module.readToken(token.slotId);
      first ??= contents;
      if (chooseSigningCertificate(contents.certificates.map(parseCertificate))) return contents;
    }
    return first;
  } finally {
    await module.close();
  }
}

export interface BuildReportInput {
  readers: readonly ReaderSnapshot[];
  reader: ReaderSnapshot | null;
  contents: TokenContents;
  libraryPath: string | null;
  salt: TcknSalt;
  lang: CardReport['lang'];
  now?: Date;
}

/** Pure: turns what was read into the report (also used by tests without a reader). */
export function buildReport(input: BuildReportInput): CardReport {
  const now = input.now ?? new Date();
  const parsed: ParsedCertificate[] = [];
  for (const raw of input.contents.certificates) {
    try {
      parsed.push(parseCertificate(raw));
    } catch {
      // an unreadable object is not the signing certificate; skip it
    }
  }
  const signing = chooseSigningCertificate(parsed);
  const certificate = signing ? summariseCertificate(signing, input.salt) : null;
  const pin = pinStateFromFlags(input.contents.token.flags);
  const problems: AgentError[] = [];
  if (!signing) problems.push(new NoSigningCertificateError());
  else if (!certificate?.isKamuSm) problems.push(new CertificateNotFromKamuSmError(certificate?.issuerDn));
  if (!signing && input.reader?.classification?.verdict !== 'akis') problems.unshift(new CardNotAkisError());
  const { token } = input.contents;
  return {
    schema: CARD_REPORT_SCHEMA,
    readAt: now.toISOString(),
    agentVersion: AGENT_VERSION,
    lang: input.lang,
    reader: input.reader?.name ?? null,
    readers: input.readers.map((r) => r.name),
    cardPresent: input.reader?.cardPresent ?? true,
    atr: input.reader?.atr ?? null,
    atrClassification: input.reader?.classification ?? null,
    isEsignCard: certificate?.isKamuSm === true,
    token: {
      label: token.label,
      serialNumber: token.serialNumber,
      manufacturer: token.manufacturer,
      model: token.model,
      flags: token.flags,
      slotDescription: token.slotDescription,
    },
    certificate,
    certificateState: certificate ? certificateStateAt(certificate, now) : null,
    otherCertificateCount: parsed.length - (signing ? 1 : 0),
    pin: { state: pin.state, advice: pin.advice, flags: pin.flags },
    problems: problems.map((p) => ({ code: p.code, message: p.userMessage(input.lang) })),
    pkcs11Library: input.libraryPath,
  };
}

/** The exit code a report deserves: its first problem's, or 0. */
export function reportExitCode(report: CardReport): number {
  const codes: Record<string, number> = {
    card_not_akis: new CardNotAkisError().exitCode,
    no_signing_certificate: new NoSigningCertificateError().exitCode,
    certificate_not_kamusm: new CertificateNotFromKamuSmError().exitCode,
  };
  const first = report.problems[0];
  return first ? (codes[first.code] ?? 1) : 0;
}
