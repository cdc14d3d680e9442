import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PathDialog } from './pathDialog';
import { localeOf } from '../cards/i18n';
import { cardStatusCard, noReportCard } from '../cards/agentCards';
import { certificatePhase, currentCardExpiry } from '../domain/certificates';
import type { PathServices } from './pathServices';
import { userOf } from '../domain/people';
import { checkCertificate } from '../domain/certificateCheck';

export const CARD_STATUS_DIALOG = 'cardStatusDialog';

/**
 * "Kartımı kontrol et" (intent card_status): asks the user's paired agent what is in the reader
 * and shows it, with the PIN state's advice. Not paired: offers pairing; agent offline: says so.
 */
export class CardStatusDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(CARD_STATUS_DIALOG, 'intents.cardStatus');
    this.flow([this.readStep.bind(this)]);
  }

  private async readStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const { userId } = userOf(step.context);
    const reading = this.services.agent ? await this.services.agent.readCard(userId) : { kind: 'notPaired' as const };
    if (reading.kind !== 'report') {
      await step.context.sendActivity(MessageFactory.attachment(noReportCard(locale, reading)));
      return step.endDialog();
    }
    const now = this.services.now();
    const cert = reading.report.certificate;
    const oldExpiry = cert && certificatePhase(cert, now) === 'new' && this.services.agent
      ? currentCardExpiry(await this.services.agent.certificates(userId), cert.serialNumber, now)
      : undefined;
    const revocation = cert?.isKamuSm && cert.revocation
      ? await checkCertificate(this.services, { serialNumber: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter, revocation: cert.revocation })
      : undefined;
    await step.context.sendActivity(MessageFactory.attachment(cardStatusCard(locale, reading.report, now, this.services.policy, oldExpiry, revocation)));
    return step.endDialog();
  }
}
