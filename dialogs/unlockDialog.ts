import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messageCard } from '../cards/index';
import { localeOf, t } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { CardPrompt, type CardPromptOptions } from './cardPrompt';
import { menuPathText, policyText } from '../domain/policy';
import type { PathServices } from './pathServices';

export const UNLOCK_DIALOG = 'unlockDialog';
const PROMPT = `${UNLOCK_DIALOG}.prompt`;
const FLOW = `${UNLOCK_DIALOG}.flow`;

/**
 * A locked (or forgotten) PIN (L1-L3): three wrong PINs lock the card; Kilit Çözme on Kamu SM
 * makes a new PIN; the PUK is NOT for unlocking, and trying codes as PUK can ruin the card.
 */
export class UnlockDialog extends ComponentDialog {
  constructor(private readonly services: PathServices) {
    super(UNLOCK_DIALOG);
    this.addDialog(new CardPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(FLOW, [this.explainStep.bind(this), this.outcomeStep.bind(this)]));
    this.initialDialogId = FLOW;
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
        { value: 'done', label: t(locale, 'unlock.done'), synonyms: ['aldim', 'tamam', 'oldu', 'done'] },
        { value: 'stuck', label: t(locale, 'stuck.button'), synonyms: ['takildim', 'olmadi', 'yapamadim', 'stuck'] },
      ],
    };
    return step.beginDialog(PROMPT, options);
  }

  private async outcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const card = step.result === 'done'
      ? messageCard({ title: t(locale, 'unlock.doneTitle'), warning: policyText(policy, 'pinPageNeverShare', locale), buttons: [{ label: t(locale, 'common.back'), data: { verb: Verb.menu } }] })
      : messageCard({
        title: t(locale, 'stuck.title'),
        paragraphs: [policyText(policy, 'helpSecurityWordForgot', locale), policyText(policy, 'helpSmsNumber', locale), t(locale, 'stuck.offerPerson')],
        buttons: [{ label: t(locale, 'menu.human'), data: { verb: Verb.human } }, { label: t(locale, 'common.back'), data: { verb: Verb.menu } }],
      });
    await step.context.sendActivity(MessageFactory.attachment(card));
    return step.endDialog();
  }
}
