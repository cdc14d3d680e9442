import { t, type Locale } from '../../cards/i18n';
import { formatDate, istanbulDate } from '../../domain/dates';
import type { LastReport } from '../agentLink/cardAgent';

/**
 * The card report the person's paired agent last sent, in one line for the help desk (request and
 * ticket cards): device, when, which card, valid until, PIN state. Nothing secret is in a report.
 */
export function cardReportText(last: LastReport | undefined, locale: Locale, formatTime: (at: Date) => string): string | undefined {
  if (!last) return undefined;
  const state = t(locale, last.online ? 'agent.deviceOnline' : 'agent.deviceOffline');
  const report = last.report;
  if (!report) return t(locale, 'request.reportNone', { device: last.deviceName, state });
  const at = new Date(report.receivedAt);
  const time = `${formatDate(istanbulDate(at))} ${formatTime(at)}`;
  if (!report.isEsignCard || !report.certificate) return t(locale, 'request.reportNoCard', { device: last.deviceName, time });
  return t(locale, 'request.reportLine', {
    device: last.deviceName, time, card: t(locale, 'agent.cardAkis'),
    until: formatDate(istanbulDate(new Date(report.certificate.notAfter))), pin: t(locale, `agent.pin.${report.pin.state}`),
  });
}
