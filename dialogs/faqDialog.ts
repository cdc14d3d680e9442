import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { isHandOver, PathDialog } from './pathDialog';
import type { MessageCardModel } from '../cards/index';
import { faqAnswerCard } from '../cards/pathCards';
import { localeOf, t, type Locale } from '../cards/i18n';
import type { CardPromptOptions } from './cardPrompt';
import { z } from 'zod';
import { policyText, requireFaqEntries, textIn, type Policy } from '../domain/policy';
import { routedFaqTopics } from './intentRoutes';
import type { PathServices } from './pathServices';
import { WHO_PAYS_DIALOG, WhoPaysDialog, type WhoPaysResult } from './whoPaysDialog';
import { feeExplanation, feeFacts } from '../cards/closingCards';

export const FAQ_DIALOG = 'faqDialog';
const PROMPT = `${FAQ_DIALOG}.prompt`;

export interface FaqOptions {
  /** Answer this question (a `faq` id of the policy) at once, from free text, instead of listing the questions. */
  topic?: string;
}

type FaqEntry = Policy['faq'][number];

/** "Ücretler ve sorular": the questions and answers of the policy's `faq`; who pays asks the reason and role. */
export class FaqDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(FAQ_DIALOG, 'menu.faq');
    // Free text names the question ("PUK nedir" → puk).
    this.startOptions = z.object({ topic: z.string().optional() });
    requireFaqEntries(services.policy, routedFaqTopics());
    this.addDialog(new WhoPaysDialog(services.policy));
    this.flow<FaqOptions>([this.questionStep.bind(this), this.answerStep.bind(this), this.feeAnswerStep.bind(this)]);
  }

  private get faq(): Policy['faq'] {
    return this.services.policy.faq;
  }

  private async questionStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    if (step.options?.topic && this.faq.some((entry) => entry.id === step.options.topic)) return step.next(step.options.topic);
    const locale = localeOf(step.context);
    const options: CardPromptOptions = {
      card: { title: t(locale, 'faq.title') },
      choices: this.faq.filter((entry) => entry.listed !== false).map((entry) => ({ value: entry.id, label: entry.question[locale] })),
    };
    return step.beginDialog(PROMPT, options);
  }

  private async answerStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    const entry = this.faq.find((candidate) => candidate.id === step.result)!;
    if (entry.whoPays) return step.beginDialog(WHO_PAYS_DIALOG, {});
    await this.sendAnswer(step, answerFor(entry, localeOf(step.context), this.services.policy));
    return step.endDialog();
  }

  private async feeAnswerStep(step: WaterfallStepContext<FaqOptions>): Promise<DialogTurnResult> {
    // A PIN that is only locked goes to Kilit Çözme instead.
    if (isHandOver(step.result)) return step.endDialog(step.result);
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
    await step.context.sendActivity(MessageFactory.attachment(faqAnswerCard(locale, answer)));
  }
}

/** An answer card made of the policy's texts: title (or the question), warning, paragraphs. */
function answerFor(entry: FaqEntry, locale: Locale, policy: Policy): MessageCardModel {
  const text = (id: string) => policyText(policy, id, locale);
  return {
    title: entry.title ? text(entry.title) : textIn(entry.question, locale),
    warning: entry.warning && text(entry.warning),
    paragraphs: (entry.paragraphs ?? []).map(text),
    note: entry.privacyNote ? t(locale, 'welcome.privacy') : undefined,
  };
}
