import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PathDialog } from './pathDialog';
import { comingSoonCard } from '../cards/common';
import { localeOf } from '../cards/i18n';
import { DOWNLOAD_PATH } from '../bot/agentLink/agentDownloads';
import { devicesCard, pairingCodeCard, pairingPausedCard } from '../cards/agentCards';
import type { PathServices } from './pathServices';
import { userOf } from '../domain/people';

export const AGENT_PAIRING_DIALOG = 'agentPairingDialog';

/**
 * "Bilgisayarımı eşleştir": a one-time code (10 minutes, single use, bound to this Teams user)
 * with the exact `eimza-agent pair` command, and the PCs already paired with "Kaldır" buttons.
 */
export class AgentPairingDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(AGENT_PAIRING_DIALOG, 'intents.agentPairing');
    this.flow([this.codeStep.bind(this)]);
  }

  private async codeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const agent = this.services.agent;
    if (!agent) {
      await step.context.sendActivity(MessageFactory.attachment(comingSoonCard(locale)));
      return step.endDialog();
    }
    const owner = userOf(step.context);
    const devices = await agent.devices(owner.userId);
    if (devices.length > 0) await step.context.sendActivity(MessageFactory.attachment(devicesCard(locale, devices)));
    const issued = await agent.issueCode(owner);
    if (issued.kind === 'paused') {
      await step.context.sendActivity(MessageFactory.attachment(pairingPausedCard(locale, issued.until)));
      return step.endDialog();
    }
    const minutes = Math.round((Date.parse(issued.expiresAt) - this.services.now().getTime()) / 60_000);
    const command = `eimza-agent pair ${issued.code} --server ${agent.publicUrl()}`;
    const downloadUrl = `${agent.publicUrl()}${DOWNLOAD_PATH}`;
    await step.context.sendActivity(MessageFactory.attachment(pairingCodeCard(locale, issued.code, command, minutes, issued.expiresAt, downloadUrl)));
    return step.endDialog();
  }
}
