import type { AtrClassification } from './atr';
import { formatAtr } from './atr';
import type { CertificateSummary } from './certificate';
import { t, type Lang, type MessageKey } from './messages';
import type { PinState, PinStateReport } from './pin-state';

/**
 * The card report: what `eimza-agent status --json` prints and what the agent sends the
 * bot in answer to a probe. The bot imports these types (`import type { CardReport }
 * from '../paired-agent/report'`). It never holds a clear T.C. Kimlik No, PIN or PUK.
 *
 * @example
 * {
 *   "schema": "eimza-agent.card-report/v1",
 *   "reader": "ACS ACR39U ICC Reader 00 00", "cardPresent": true,
 *   "atr": "3BBA11008131FE4D55454B41452056312E30AE",
 *   "atrClassification": { "verdict": "akis", "label": "AKIS v1.0", "rule": "known-atr" },
 *   "certificate": { "holderName": "Ayşe Yılmaz", "tcknMasked": "1*******46", "isKamuSm": true, ... },
 *   "pin": { "state": "unknown", "advice": ["advice.three_wrong_lock", ...] },
 *   "problems": []
 * }
 */
export const CARD_REPORT_SCHEMA = 'eimza-agent.card-report/v1';

export interface TokenReport {
  label: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  /** CK_TOKEN_INFO.flags, as a number. */
  flags: number;
  slotDescription: string;
}

export interface ReportProblem {
  /** Stable code (errors.ts), e.g. `certificate_not_kamusm`. */
  code: string;
  /** The plain sentence in the report's language. */
  message: string;
}

export interface CardReport {
  schema: typeof CARD_REPORT_SCHEMA;
  /** ISO time of the reading. */
  readAt: string;
  agentVersion: string;
  /** Language of the `message` texts in `problems`. */
  lang: Lang;
  /** Reader holding the reported card (null when none). */
  reader: string | null;
  /** Every reader the smart card service listed. */
  readers: string[];
  cardPresent: boolean;
  /** Upper-case hex without spaces. */
  atr: string | null;
  atrClassification: AtrClassification | null;
  /**
   * The final word on "is this an e-signature card": a signing certificate issued by
   * Kamu SM was found. The ATR alone cannot tell AKIS 2.x from an ID card.
   */
  isEsignCard: boolean;
  token: TokenReport | null;
  /** The signing (nonRepudiation) certificate; null when none. */
  certificate: CertificateSummary | null;
  /**
   * Where the signing certificate stands at `readAt`: `not_yet_valid` (notBefore in the future:
   * the new card before the old one expires, R3), `valid` or `expired`; null without one.
   * Absent from reports of agents older than this field: read the dates then.
   */
  certificateState?: CertificateState | null;
  /** How many other certificate objects the token holds. */
  otherCertificateCount: number;
  pin: {
    state: PinState;
    /** Message keys (messages.ts) of the advice for this state, most important first. */
    advice: MessageKey[];
    flags: PinStateReport['flags'];
  };
  problems: ReportProblem[];
  /** The PKCS#11 library that was read. */
  pkcs11Library: string | null;
}

export type CertificateState = 'not_yet_valid' | 'valid' | 'expired';

export function certificateStateAt(cert: { notBefore: string; notAfter: string }, now: Date): CertificateState {
  if (Date.parse(cert.notBefore) > now.getTime()) return 'not_yet_valid';
  return Date.parse(cert.notAfter) < now.getTime() ? 'expired' : 'valid';
}

/** Whole days from `now` to `iso` (negative when in the past). */
export function daysUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / 86_400_000);
}

/** dd.mm.yyyy, as Turkish institutions write dates (UTC day). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

function validityLine(cert: CertificateSummary, lang: Lang, now: Date): string {
  const until = `${formatDate(cert.notAfter)}`;
  const state = certificateStateAt(cert, now);
  if (state === 'not_yet_valid') return `${until} (${t('report.not_yet_valid', lang)})`;
  return state === 'expired' ? `${until} (${t('report.expired', lang)})` : `${until} (${daysUntil(cert.notAfter, now)} ${t('report.days_left', lang)})`;
}

/** The human-readable form of the report, for the terminal. */
export function renderReportText(report: CardReport, lang: Lang, now: Date = new Date()): string {
  const lines: string[] = [t('report.title', lang), ''];
  const row = (key: MessageKey, value: string): number => lines.push(`  ${t(key, lang)}: ${value}`);
  row('report.reader', report.reader ?? '-');
  row('report.card', t(report.cardPresent ? 'report.card_present' : 'report.card_absent', lang));
  if (report.atr) {
    const verdict = report.atrClassification?.verdict === 'akis'
      ? `${t('report.akis_yes', lang)}${report.atrClassification.label ? `, ${report.atrClassification.label}` : ''}`
      : t('report.akis_unknown', lang);
    row('report.atr', `${formatAtr(report.atr)} (${verdict})`);
  }
  if (report.token) row('report.token', report.token.label);
  const cert = report.certificate;
  if (cert) {
    row('report.holder', cert.holderName ?? '-');
    if (cert.tcknMasked) row('report.tckn', cert.tcknMasked);
    row('report.issuer', cert.issuer);
    row('report.serial', cert.serialNumber);
    row('report.valid_from', formatDate(cert.notBefore));
    row('report.valid_until', validityLine(cert, lang, now));
  }
  row('report.pin_state', t(`pin.${report.pin.state}`, lang));
  for (const key of report.pin.advice) lines.push(`    - ${t(key, lang)}`);
  if (report.problems.length > 0) {
    lines.push('', `${t('report.problems', lang)}:`);
    for (const p of report.problems) lines.push(`  ! ${p.message}`);
  }
  return lines.join('\n');
}
