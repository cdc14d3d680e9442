import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PathDialog } from './pathDialog';
import { oldCardInReaderCard, pinDoneCard, stepHelpCard, stuckButtons } from '../cards/pathCards';
import { localeOf, t, wordsOf, type Locale } from '../cards/i18n';
import type { CardPromptOptions, CardPromptResult, SteppedAnswer } from './cardPrompt';
import { z } from 'zod';
import { fillPolicy, policyText, textIn, type Policy } from '../domain/policy';
import type { PathServices } from './pathServices';
import { readReaderCard } from '../domain/readerCard';
import { newCardInReaderCard } from '../cards/agentCards';
import { PIN_STEPS_BY_CASE, rulesCaseOf, type NewCardRulesCase } from '../domain/newCardRules';

export const NEW_CARD_PIN_DIALOG = 'newCardPinDialog';
const PROMPT = `${NEW_CARD_PIN_DIALOG}.prompt`;
const FLOW = `${NEW_CARD_PIN_DIALOG}.flow`;

interface StepOptions {
  index: number;
  /** "Takıldım" presses at this step (a new step starts again at 0). */
  stuckCount: number;
  /** Which new-card rules apply, when a renewal led here (unknown from the menu). */
  rulesCase?: NewCardRulesCase;
  /** The card the previous step's "Tamam, sonraki adım" left: this step is shown in it. */
  card?: string;
}

type PinStep = Policy['newCardPinSteps'][number];

/**
 * Getting the new card's PIN from Kamu SM (S000 steps 1-8), one step per card with progress,
 * "Tamam, sonraki adım" and "Takıldım"; each "Takıldım" gives that step's help, and being stuck
 * twice offers a handoff to Bilgi İşlem.
 */
export class NewCardPinDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(NEW_CARD_PIN_DIALOG, 'menu.newCardPin');
    // A renewal's closing card says which new-card rules apply.
    this.startOptions = z.object({ rulesCase: z.string().optional() });
    this.flow<StepOptions>([this.showStep.bind(this), this.afterStep.bind(this)]);
  }

  private get steps(): PinStep[] {
    return this.services.policy.newCardPinSteps;
  }

  private async showStep(step: WaterfallStepContext<StepOptions>): Promise<DialogTurnResult> {
    const index = step.options?.index ?? 0;
    const locale = localeOf(step.context);
    const pinStep = this.steps[index];
    const last = index === this.steps.length - 1;
    if (step.options?.index === undefined) await this.sayWhichCard(step);
    const { policy } = this.services;
    const intro = index === 0 ? this.intro(rulesCaseOf(step.options?.rulesCase)) : undefined;
    const stepText = fillPolicy(policy, textIn(pinStep, locale), locale);
    const options: CardPromptOptions = {
      card: {
        progress: t(locale, 'newCardPin.progress', { step: index + 1, total: this.steps.length }),
        title: intro ? `${policyText(policy, intro, locale)} ${stepText}` : stepText,
        warning: pinStep.notes?.warning && policyText(policy, pinStep.notes.warning, locale),
        paragraphs: (pinStep.notes?.paragraphs ?? []).map((id) => policyText(policy, id, locale)),
      },
      choices: [
        { value: 'next', label: t(locale, last ? 'newCardPin.finish' : 'newCardPin.next'), synonyms: wordsOf('words.choice.next') },
        { value: 'stuck', label: t(locale, 'stuck.button'), synonyms: wordsOf('words.choice.stuck') },
      ],
      // One card walks the steps: "Tamam, sonraki adım" turns it into the next step.
      advanceInPlaceOn: last ? [] : ['next'],
      replaces: step.options?.card,
    };
    return step.beginDialog(PROMPT, options);
  }

  private async afterStep(step: WaterfallStepContext<StepOptions>): Promise<DialogTurnResult> {
    const index = step.options?.index ?? 0;
    const stuckCount = step.options?.stuckCount ?? 0;
    const rulesCase = rulesCaseOf(step.options?.rulesCase);
    const answer = step.result as CardPromptResult | SteppedAnswer;
    const [value, card] = typeof answer === 'string' ? [answer, undefined] : [answer.value, answer.card];
    if (value === 'stuck') {
      const stuck = stuckCount + 1;
      await step.context.sendActivity(MessageFactory.attachment(this.helpCard(this.steps[index], stuck, localeOf(step.context))));
      return step.replaceDialog(FLOW, { index, stuckCount: stuck, rulesCase } satisfies StepOptions);
    }
    if (index + 1 < this.steps.length) return step.replaceDialog(FLOW, { index: index + 1, stuckCount: 0, rulesCase, card } satisfies StepOptions);
    const locale = localeOf(step.context);
    await step.context.sendActivity(MessageFactory.attachment(pinDoneCard(locale, this.closingRules(rulesCase, locale))));
    return step.endDialog();
  }

  /** S000 frames the steps "once the old e-signature expires"; not after a revocation (F1). */
  private intro(rulesCase: NewCardRulesCase | undefined): string | undefined {
    return rulesCase ? PIN_STEPS_BY_CASE[rulesCase].intro : PIN_STEPS_BY_CASE.beforeExpiry.intro;
  }

  /** The rules that apply once the PIN is known; from the menu (case unknown) R3 says when it applies. */
  private closingRules(rulesCase: NewCardRulesCase | undefined, locale: Locale): string[] {
    const { policy } = this.services;
    if (!rulesCase) return [t(locale, 'newCardPin.doneR3', { rule: policyText(policy, 'r3', locale) })];
    return PIN_STEPS_BY_CASE[rulesCase].closing.map((id) => policyText(policy, id, locale));
  }

  /** With a paired agent, first says which card is in the reader: the new one (R3) or the old one. */
  private async sayWhichCard(step: WaterfallStepContext<StepOptions>): Promise<void> {
    const locale = localeOf(step.context);
    const reader = await readReaderCard(this.services, step.context);
    if (reader.kind === 'new') {
      await step.context.sendActivity(MessageFactory.attachment(newCardInReaderCard(locale, reader, [t(locale, 'agent.newCardPinHint')])));
    } else if (reader.kind === 'current') {
      await step.context.sendActivity(MessageFactory.attachment(oldCardInReaderCard(locale, reader.serial, reader.expiry)));
    }
  }

  /** "Takıldım": this step's help from the policy (or the general advice); a person from the second press. */
  private helpCard(pinStep: PinStep, stuckCount: number, locale: Locale) {
    const { policy } = this.services;
    const paragraphs = pinStep.help.length ? pinStep.help.map((id) => policyText(policy, id, locale)) : [t(locale, 'newCardPin.help.generic')];
    return stepHelpCard(locale, paragraphs, stuckButtons(locale, stuckCount, policy.stuck.offerPersonAfter));
  }
}
