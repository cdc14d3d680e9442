import type { Attachment } from 'botbuilder';
import type { CardReport } from '../paired-agent/report';
import type { CardReading, DeviceView } from '../bot/agentLink/cardAgent';
import { messageCard, type CardButton, type CardFact } from './index';
import { backButton } from './common';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';
import { daysBetween, dayOf, formatDate, istanbulDate, istanbulTime } from '../domain/dates';
import { reportCertificatePhase, STATE_OF_PHASE } from '../domain/certificates';
import { PIN_ADVICE } from '../domain/pinAdvice';
import { expiryFact } from './closingCards';
import { policyText, type Policy } from '../domain/policy';
import type { CheckRecord } from '../domain/certificateCheck';
import type { ReaderCard } from '../domain/readerCard';

/** The cards of the paired agent: pairing code, devices, and what the card in the reader says. */


export function pairingCodeCard(locale: Locale, code: string, command: string, minutes: number, expiresAt: string, downloadUrl: string): Attachment {
  return messageCard({
    title: t(locale, 'agent.pairTitle'),
    paragraphs: [t(locale, 'agent.pairDownload', { url: downloadUrl }), t(locale, 'agent.pairIntro')],
    steps: [command],
    facts: [
      { label: t(locale, 'agent.pairCodeLabel'), value: code },
      { label: t(locale, 'agent.pairValidLabel'), value: t(locale, 'agent.pairValid', { minutes, time: istanbulTime(expiresAt) }) },
    ],
    warning: t(locale, 'agent.pairSecret'),
    note: `${t(locale, 'agent.pairThen')} ${t(locale, 'agent.pairPrivacy')}`,
    buttons: [backButton(locale)],
  });
}

export function pairingPausedCard(locale: Locale, until: string): Attachment {
  return messageCard({ title: t(locale, 'agent.pausedTitle'), paragraphs: [t(locale, 'agent.pausedBody', { time: istanbulTime(until) })], buttons: [backButton(locale)] });
}

/** Teams shows at most 6 buttons on a card. */
const MAX_CARD_BUTTONS = 6;

/** The user's paired PCs, each with a "Kaldır" button (the 6 most recently paired, Teams' limit). */
export function devicesCard(locale: Locale, devices: DeviceView[]): Attachment {
  return messageCard({
    title: t(locale, 'agent.devicesTitle'),
    facts: devices.map((d) => ({
      label: d.deviceName,
      value: t(locale, 'agent.devicePaired', { date: formatDate(dayOf(d.pairedAt)), state: t(locale, d.online ? 'agent.deviceOnline' : 'agent.deviceOffline') }),
    })),
    buttons: [...devices].sort((a, b) => b.pairedAt.localeCompare(a.pairedAt)).slice(0, MAX_CARD_BUTTONS).map((d) => ({ label: t(locale, 'agent.remove', { device: d.deviceName }), data: { verb: Verb.agentUnpair, deviceId: d.deviceId, deviceName: d.deviceName } })),
  });
}

/** "Kaldır" answered: the PC `unpaired` is no longer paired, or (none) it was already gone. */
export function unpairAnswerCard(locale: Locale, unpaired: string | undefined): Attachment {
  return messageCard({
    title: unpaired !== undefined ? t(locale, 'agent.unpairedTitle', { device: unpaired }) : t(locale, 'agent.unpairGone'),
    paragraphs: unpaired !== undefined ? [t(locale, 'agent.unpairedBody')] : [],
    buttons: [backButton(locale)],
  });
}

/** What the card status answer is when there is no report: not paired, offline, or the agent's error. */
export function noReportCard(locale: Locale, reading: Exclude<CardReading, { kind: 'report' }>): Attachment {
  const retry: CardButton = { label: t(locale, 'agent.checkButton'), data: { verb: Verb.cardStatus } };
  switch (reading.kind) {
    case 'notPaired':
      return messageCard({
        title: t(locale, 'agent.notPairedTitle'), paragraphs: [t(locale, 'agent.notPairedBody')],
        buttons: [{ label: t(locale, 'agent.pairButton'), data: { verb: Verb.agentPairing } }, backButton(locale)],
      });
    case 'offline':
      return messageCard({ title: t(locale, 'agent.offlineTitle', { device: reading.deviceName }), paragraphs: [t(locale, 'agent.offlineBody')], buttons: [retry, backButton(locale)] });
    case 'failed':
      return messageCard({
        title: t(locale, 'agent.failedTitle'),
        // The agent's own sentence (Turkish, e.g. "Okuyucuda kart yok…") says what to do.
        paragraphs: [reading.code === 'timeout' || !reading.message ? t(locale, 'agent.timeout') : reading.message],
        buttons: [retry, backButton(locale)],
      });
  }
}

/**
 * "Kartımı kontrol et": reader, card, holder (name only), issuer, validity with days left, PIN
 * state with advice. `oldExpiry` (ISO day) is the current card's expiry when the reader holds
 * the new one (R3).
 */
export function cardStatusCard(locale: Locale, report: CardReport, now: Date, policy: Policy, oldExpiry?: string, revocation?: CheckRecord): Attachment {
  const today = istanbulDate(now);
  const cert = report.certificate;
  const pin = PIN_ADVICE[report.pin.state] ?? PIN_ADVICE.unknown;
  const akis = report.atrClassification?.verdict === 'akis' || report.isEsignCard;
  const facts: CardFact[] = [
    { label: t(locale, 'agent.reader'), value: report.reader ?? '-' },
    { label: t(locale, 'agent.card'), value: akis ? `${t(locale, 'agent.cardAkis')}${report.atrClassification?.label ? ` (${report.atrClassification.label})` : ''}` : t(locale, 'agent.cardUnknown') },
  ];
  const paragraphs: string[] = [];
  let warning: string | undefined;
  let title = t(locale, 'agent.statusTitle');
  if (cert) {
    const until = dayOf(cert.notAfter);
    facts.push(
      { label: t(locale, 'agent.holder'), value: cert.holderName ?? '-' },
      { label: t(locale, 'agent.issuer'), value: cert.issuer },
      { label: t(locale, 'agent.serial'), value: cert.serialNumber },
      { label: t(locale, 'agent.validFrom'), value: formatDate(dayOf(cert.notBefore)) },
      { ...expiryFact(until, daysBetween(today, until), locale), label: t(locale, 'agent.validUntil') },
      ...(revocation ? [revocationFact(locale, revocation)] : []),
    );
    const phase = reportCertificatePhase(report, cert, now);
    facts.push({ label: t(locale, 'agent.certStateLabel'), value: t(locale, `agent.certState.${STATE_OF_PHASE[phase]}`) });
    if (phase === 'new') {
      title = t(locale, 'agent.newCardTitle', { date: formatDate(dayOf(cert.notBefore)) });
      warning = oldExpiry ? t(locale, 'agent.newCardWarningDate', { date: formatDate(oldExpiry) }) : t(locale, 'agent.newCardWarning');
    } else if (phase === 'expired') {
      paragraphs.push(t(locale, 'agent.expiredCard'));
    }
    if (!cert.isKamuSm) paragraphs.push(t(locale, 'agent.notEsign'));
    // Suspended or revoked outweighs everything else the card could warn about.
    if (revocation?.status === 'suspended') warning = t(locale, 'agent.suspendedWarning', { phone: policy.kamuSm.callCenter });
    if (revocation?.status === 'revoked') warning = t(locale, 'agent.revokedWarning');
  } else {
    paragraphs.push(t(locale, 'agent.notEsign'));
  }
  facts.push({ label: t(locale, 'agent.pinState'), value: t(locale, pin.state) });
  if (pin.urgent && !warning) warning = t(locale, pin.advice);
  else paragraphs.push(t(locale, pin.advice));
  if (pin.pukWarning) paragraphs.push(policyText(policy, 'l3', locale));
  for (const problem of report.problems) if (!paragraphs.includes(problem.message)) paragraphs.push(problem.message);
  const buttons: CardButton[] = [
    ...(pin.unlockButton ? [{ label: t(locale, 'agent.unlockButton'), data: { verb: Verb.unlock } }] : []),
    backButton(locale),
  ];
  return messageCard({ title, warning, facts, paragraphs, buttons });
}

/** "Kamu SM durumu: ASKIDA (kontrol saati: 14:02)", next to the certificate's dates. */
export function revocationFact(locale: Locale, result: CheckRecord): CardFact {
  return {
    label: t(locale, 'agent.revocation'),
    value: t(locale, 'agent.revocationChecked', { state: t(locale, `agent.state.${result.status}`), time: istanbulTime(result.checkedAt) }),
  };
}

/** "The card in the reader is your NEW card, valid from …; do not use it before …" (R3). */
export function newCardInReaderCard(locale: Locale, card: Extract<ReaderCard, { kind: 'new' }>, extra: string[] = []): Attachment {
  return messageCard({
    title: t(locale, 'agent.newCardTitle', { date: formatDate(card.validFrom) }),
    warning: card.oldExpiry ? t(locale, 'agent.newCardWarningDate', { date: formatDate(card.oldExpiry) }) : t(locale, 'agent.newCardWarning'),
    paragraphs: [t(locale, 'agent.newCardInReader', { serial: card.serial, from: formatDate(card.validFrom), until: formatDate(card.expiry) }), ...extra],
  });
}
