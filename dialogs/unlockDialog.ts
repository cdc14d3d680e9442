import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PathDialog } from './pathDialog';
import { unlockDoneCard, unlockStuckCard } from '../cards/pathCards';
import { localeOf, t, wordsOf } from '../cards/i18n';
import type { CardPromptOptions } from './cardPrompt';
import { menuPathText, policyText } from '../domain/policy';
import type { PathServices } from './pathServices';

export const UNLOCK_DIALOG = 'unlockDialog';
const PROMPT = `${UNLOCK_DIALOG}.prompt`;

/**
 * A locked (or forgotten) PIN (L1-L3): three wrong PINs lock the card; Kilit Çözme on Kamu SM
 * makes a new PIN; the PUK is NOT for unlocking, and trying codes as PUK can ruin the card.
 */
export class UnlockDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(UNLOCK_DIALOG, 'menu.unlock');
    this.flow([this.explainStep.bind(this), this.outcomeStep.bind(this)]);
  }

  private async explainStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const options: CardPromptOptions = {
      card: {
        title: t(locale, 'unlock.title'),
        warning: policyText(policy, 'l3', locale),
        paragraphs: [policyText(policy, 'l1', locale), t(locale, 'unlock.howTo')],
        steps: [menuPathText(policy.menuPaths.unlock)],
        note: t(locale, 'unlock.login'),
      },
      choices: [
        { value: 'done', label: t(locale, 'unlock.done'), synonyms: wordsOf('words.choice.unlockDone') },
        { value: 'stuck', label: t(locale, 'stuck.button'), synonyms: wordsOf('words.choice.stuck') },
      ],
    };
    return step.beginDialog(PROMPT, options);
  }

  private async outcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const card = step.result === 'done' ? unlockDoneCard(locale, policy) : unlockStuckCard(locale, policy);
    await step.context.sendActivity(MessageFactory.attachment(card));
    return step.endDialog();
  }
}
