import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messageCard, type MessageCardModel } from '../cards/index';
import { localeOf, t, type Locale } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { CardPrompt, type CardPromptOptions } from './cardPrompt';
import { say, type Policy } from './policy';
import type { PathServices } from './pathServices';
import { WHO_PAYS_DIALOG, WhoPaysDialog, type WhoPaysResult } from './whoPaysDialog';
import { feeExplanation, feeFacts } from './closingCards';

export const FAQ_DIALOG = 'faqDialog';
const PROMPT = `${FAQ_DIALOG}.prompt`;
const FLOW = `${FAQ_DIALOG}.flow`;

export const FAQ_TOPICS = ['fees', 'leaving', 'securityWord', 'oldPin', 'whenNewCard'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

export interface FaqOptions {
  /** Answer this question at once (from free text) instead of listing the questions. */
  topic?: FaqTopic;
}

/** "Ücretler ve sorular": who pays (F1-F3), leaving (F4), güvenlik sözcüğü, old PIN (R4), when to start (R3). */
export class FaqDialog extends ComponentDialog {
  constructor(private readonly services: PathServices) {
    super(FAQ_DIALOG);
    this.addDialog(new CardPrompt(PROMPT));
    this.addDialog(new WhoPaysDialog(services.policy));
    this.addDialog(new WaterfallDialog<FaqOptions>(FLOW, [this.questionStep.bind(this), this.answerStep.bind(this), this.feeAnswerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private async questionStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    if (step.options?.topic) return step.next(step.options.topic);
    const locale = localeOf(step.context);
    const options: CardPromptOptions = {
      card: { title: t(locale, 'faq.title') },
      choices: FAQ_TOPICS.map((topic) => ({ value: topic, label: t(locale, `faq.questions.${topic}`) })),
    };
    return step.beginDialog(PROMPT, options);
  }

  private async answerStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    const topic = step.result as FaqTopic;
    if (topic === 'fees') return step.beginDialog(WHO_PAYS_DIALOG, {});
    await this.sendAnswer(step, answerFor(topic, localeOf(step.context), this.services.policy));
    return step.endDialog();
  }

  private async feeAnswerStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    const fee = step.result as WhoPaysResult;
    const locale = localeOf(step.context);
    await this.sendAnswer(step, {
      title: t(locale, fee.payer === 'person' ? 'faq.feePerson' : 'faq.feeInstitution'),
      facts: feeFacts(this.services.policy, fee, locale),
      paragraphs: feeExplanation(fee, locale),
    });
    return step.endDialog();
  }

  private async sendAnswer(step: WaterfallStepContext<FaqOptions>, answer: MessageCardModel): Promise<void> {
    const locale = localeOf(step.context);
    await step.context.sendActivity(MessageFactory.attachment(messageCard({
      ...answer,
      buttons: [
        { label: t(locale, 'faq.another'), data: { verb: Verb.faq } },
        { label: t(locale, 'common.back'), data: { verb: Verb.menu } },
      ],
    })));
  }
}

function answerFor(topic: Exclude<FaqTopic, 'fees'>, locale: Locale, policy: Policy): MessageCardModel {
  switch (topic) {
    case 'leaving':
      return { title: t(locale, 'faq.questions.leaving'), paragraphs: [`${say(policy.leaving, locale)} (${policy.leaving.source})`] };
    case 'securityWord':
      return { title: t(locale, 'faq.questions.securityWord'), paragraphs: [t(locale, 'newCardPin.help.securityWordWhat'), t(locale, 'newCardPin.help.securityWordForgot')], note: t(locale, 'welcome.privacy') };
    case 'oldPin':
      return { title: t(locale, 'faq.oldPinAnswer'), warning: t(locale, 'newCardRules.r4') };
    case 'whenNewCard':
      return { title: t(locale, 'faq.questions.whenNewCard'), paragraphs: [t(locale, 'newCardRules.r3'), t(locale, 'newCardRules.r5')] };
  }
}
