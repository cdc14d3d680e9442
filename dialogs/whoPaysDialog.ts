import type { WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { PathDialog, type HandOver } from './pathDialog';
import { localeOf, t, wordsOf } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import type { CardPromptOptions } from './cardPrompt';
import { feeDecision, labelledChoices, policyText, reasonOf, type FeeDecision, type Policy } from '../domain/policy';

export const WHO_PAYS_DIALOG = 'whoPaysDialog';
const PROMPT = `${WHO_PAYS_DIALOG}.prompt`;

export interface WhoPaysOptions {
  /** Skip the reason question when the path already knows it (e.g. a lost card). */
  reason?: string;
}

export interface WhoPaysResult extends FeeDecision {
  reason: string;
  role?: string;
}

/** Answers of the "is it only the PIN?" question; `unsure` is unlocked first too (it is free). */
/**
 * Finds the fee rule (F1-F3): asks the reason unless known, and the role whenever it changes what
 * the user must read. A reason marked `askIfOnlyPinLocked` (PIN and PUK block) first asks whether
 * only the PIN is locked: that is unlocked for free (L2), so the person goes to Kilit Çözme and
 * the dialog ends with no result (nothing is recorded).
 */
export class WhoPaysDialog extends PathDialog {
  constructor(private readonly policy: Policy) {
    super(WHO_PAYS_DIALOG);
    this.flow([
      this.reasonStep.bind(this),
      this.pinLockStep.bind(this),
      this.roleStep.bind(this),
      this.ruleStep.bind(this),
    ]);
  }

  private async reasonStep(step: WaterfallStepContext<WhoPaysOptions>): Promise<DialogTurnResult> {
    if (step.options.reason) return step.next(step.options.reason);
    const locale = localeOf(step.context);
    const options: CardPromptOptions = {
      card: { title: t(locale, 'whoPays.reasonQuestion') },
      choices: labelledChoices(this.policy.reasons, locale),
    };
    return step.beginDialog(PROMPT, options);
  }

  private async pinLockStep(step: WaterfallStepContext<WhoPaysOptions>): Promise<DialogTurnResult> {
    const reason = step.result as string;
    (step.values as { reason: string }).reason = reason;
    if (!reasonOf(this.policy, reason)?.askIfOnlyPinLocked) return step.next(undefined);
    const locale = localeOf(step.context);
    return step.beginDialog(PROMPT, {
      card: { title: policyText(this.policy, 'pinLockQuestion', locale), paragraphs: [policyText(this.policy, 'pinLockWhy', locale)] },
      choices: [
        { value: 'onlyPin', label: t(locale, 'pinLock.onlyPin'), synonyms: wordsOf('words.choice.onlyPin') },
        { value: 'pukToo', label: t(locale, 'pinLock.pukToo'), synonyms: wordsOf('words.choice.pukToo') },
        { value: 'unsure', label: t(locale, 'pinLock.unsure'), synonyms: wordsOf('words.choice.unsure') },
      ],
    } satisfies CardPromptOptions);
  }

  private async roleStep(step: WaterfallStepContext<WhoPaysOptions>): Promise<DialogTurnResult> {
    // Only the PIN is locked (or unsure): Kilit Çözme, for free; the path hands over to it.
    if (step.result === 'onlyPin' || step.result === 'unsure') return step.endDialog({ handOverTo: Verb.unlock } satisfies HandOver);
    const { reason } = step.values as { reason: string };
    if (feeDecision(this.policy, reason)) return step.next(undefined);
    const locale = localeOf(step.context);
    const options: CardPromptOptions = {
      card: { title: t(locale, 'whoPays.roleQuestion'), paragraphs: [t(locale, 'whoPays.roleWhy')] },
      choices: labelledChoices(this.policy.roles, locale),
    };
    return step.beginDialog(PROMPT, options);
  }

  private async ruleStep(step: WaterfallStepContext<WhoPaysOptions>): Promise<DialogTurnResult> {
    const { reason } = step.values as { reason: string };
    const role = step.result as string | undefined;
    const result: WhoPaysResult = { reason, role, ...feeDecision(this.policy, reason, role)! };
    return step.endDialog(result);
  }
}
