import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { isHandOver, PathDialog } from './pathDialog';
import { lostCardHelpCard, lostCardRecordedCard } from '../cards/pathCards';
import { localeOf, t, wordsOf } from '../cards/i18n';
import type { CardPromptOptions } from './cardPrompt';
import { menuPathText, reasonForPath } from '../domain/policy';
import { stopExpiryPings, type PathServices } from './pathServices';
import { userOf } from '../domain/people';
import { WHO_PAYS_DIALOG, WhoPaysDialog, type WhoPaysOptions, type WhoPaysResult } from './whoPaysDialog';
import { newCardRulesCard } from '../cards/closingCards';
import { SUSPENSION_CHECK_DIALOG, SuspensionCheckDialog } from './suspensionCheckDialog';
import { checkRecord, type CheckRecord } from '../domain/certificateCheck';

export const LOST_CARD_DIALOG = 'lostCardDialog';
const PROMPT = `${LOST_CARD_DIALOG}.prompt`;
const FLOW = `${LOST_CARD_DIALOG}.flow`;

/**
 * Lost or stolen card (K1, F1/F3): suspend the certificate first (Askıya Alma, or the Kamu SM
 * line), confirm it is done, then record the renewal request and say who pays.
 */
export class LostCardDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(LOST_CARD_DIALOG, 'menu.lostCard');
    this.addDialog(new WhoPaysDialog(services.policy));
    this.addDialog(new SuspensionCheckDialog(services));
    this.flow([this.suspendStep.bind(this), this.confirmedStep.bind(this), this.checkedStep.bind(this), this.recordStep.bind(this)]);
  }

  private async suspendStep(step: WaterfallStepContext<{ retry?: boolean }>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const { policy } = this.services;
    return step.beginDialog(PROMPT, {
      card: {
        title: t(locale, 'lostCard.title'),
        warning: t(locale, 'lostCard.urgent'),
        paragraphs: [t(locale, 'lostCard.howTo')],
        steps: [menuPathText(policy.menuPaths.suspend)],
        note: t(locale, 'lostCard.phone', { phone: policy.kamuSm.callCenter }),
      },
      choices: [
        { value: 'suspended', label: t(locale, 'lostCard.done'), synonyms: wordsOf('words.choice.suspended') },
        { value: 'couldNot', label: t(locale, 'lostCard.couldNot'), synonyms: wordsOf('words.choice.couldNot') },
      ],
    } satisfies CardPromptOptions);
  }

  private async confirmedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === 'couldNot') {
      const locale = localeOf(step.context);
      await step.context.sendActivity(MessageFactory.attachment(lostCardHelpCard(locale, this.services.policy.kamuSm.callCenter)));
      return step.replaceDialog(FLOW, { retry: true });
    }
    return step.beginDialog(SUSPENSION_CHECK_DIALOG);
  }

  /** Kamu SM's answer (is the certificate really suspended?), kept with the renewal request for the desk. */
  private async checkedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as { check?: unknown }).check = checkRecord(step.result);
    return step.beginDialog(WHO_PAYS_DIALOG, { reason: reasonForPath(this.services.policy, 'lostCard')?.id } satisfies WhoPaysOptions);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isHandOver(step.result)) return step.endDialog(step.result);
    const fee = step.result as WhoPaysResult;
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const { created } = await this.services.renewals.add({
      ...userOf(step.context), reason: fee.reason, role: fee.role, payer: fee.payer, feeSource: fee.rules.map((rule) => rule.source).join(','), late: false,
      suspensionCheck: (step.values as { check?: CheckRecord }).check,
    }, this.services.now(), step.context);
    await stopExpiryPings(this.services, step.context);
    await step.context.sendActivity(MessageFactory.attachment(lostCardRecordedCard(locale, policy, fee, created)));
    // The new card replaces a suspended certificate: R4 and the PIN steps, never R3.
    await step.context.sendActivity(MessageFactory.attachment(newCardRulesCard(policy, 'replaced', locale)));
    return step.endDialog();
  }
}
