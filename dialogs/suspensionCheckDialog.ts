import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { PathDialog } from './pathDialog';
import type { RevocationResult } from '../bot/certStatus';
import { suspensionSettledCard } from '../cards/pathCards';
import { localeOf, t, wordsOf, type StringKey } from '../cards/i18n';
import type { CardPromptOptions } from './cardPrompt';
import { istanbulTime } from '../domain/dates';
import { checkUserCertificate } from '../domain/certificateCheck';
import { menuPathText } from '../domain/policy';
import type { PathServices } from './pathServices';
import { userOf } from '../domain/people';

export const SUSPENSION_CHECK_DIALOG = 'suspensionCheckDialog';
const PROMPT = `${SUSPENSION_CHECK_DIALOG}.prompt`;
const FLOW = `${SUSPENSION_CHECK_DIALOG}.flow`;

/** What each answer other than "still valid" says, with its card title. */
const SETTLED: Record<Exclude<RevocationResult['status'], 'good'>, { title: StringKey; body: StringKey }> = {
  suspended: { title: 'lostCard.confirmedTitle', body: 'lostCard.confirmed' },
  revoked: { title: 'lostCard.checkTitle', body: 'lostCard.revoked' },
  unknown: { title: 'lostCard.checkTitle', body: 'lostCard.unknown' },
  unchecked: { title: 'lostCard.checkTitle', body: 'lostCard.unchecked' },
};

/**
 * After "Askıya aldım": asks Kamu SM whether the certificate in use really is suspended. Still
 * valid: says so, with the Askıya Alma path and the phone, and checks again when the user says
 * they finished. Ends with the last result (undefined when the bot cannot know the certificate).
 */
export class SuspensionCheckDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(SUSPENSION_CHECK_DIALOG);
    this.flow([this.checkStep.bind(this), this.answerStep.bind(this)]);
  }

  private async checkStep(step: WaterfallStepContext<{ fresh?: boolean }>): Promise<DialogTurnResult> {
    const result = await checkUserCertificate(this.services, userOf(step.context).userId, { fresh: step.options?.fresh });
    if (!result) return step.endDialog(undefined);
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const values = { time: istanbulTime(result.checkedAt), phone: policy.kamuSm.callCenter };
    (step.values as { result?: RevocationResult }).result = result;
    if (result.status !== 'good') {
      const { title, body } = SETTLED[result.status];
      await step.context.sendActivity(MessageFactory.attachment(suspensionSettledCard(locale, title, body, values)));
      return step.endDialog(result);
    }
    return step.beginDialog(PROMPT, {
      card: {
        title: t(locale, 'lostCard.stillValidTitle'),
        warning: t(locale, 'lostCard.stillValidWarning'),
        paragraphs: [t(locale, 'lostCard.stillValid', values)],
        steps: [menuPathText(policy.menuPaths.suspend)],
      },
      choices: [
        { value: 'recheck', label: t(locale, 'lostCard.recheck'), synonyms: wordsOf('words.choice.recheck') },
        { value: 'continue', label: t(locale, 'lostCard.continueAnyway'), synonyms: wordsOf('words.choice.continue') },
      ],
    } satisfies CardPromptOptions);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === 'recheck') return step.replaceDialog(FLOW, { fresh: true });
    return step.endDialog((step.values as { result?: RevocationResult }).result);
  }
}
