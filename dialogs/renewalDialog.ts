import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messageCard } from '../cards/index';
import { localeOf, t } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { answerIdOf, CardPrompt, type CardPromptOptions } from './cardPrompt';
import { addDays, daysBetween, formatDate, istanbulDate } from './dates';
import { renewalTiming, say, type RenewalTiming } from './policy';
import { userOf, type PathServices } from './pathServices';
import { WHO_PAYS_DIALOG, WhoPaysDialog, type WhoPaysOptions, type WhoPaysResult } from './whoPaysDialog';
import { LOST_CARD_DIALOG } from './lostCardDialog';
import { expiryFact, feeExplanation, feeFacts, newCardRulesCard } from './closingCards';
import { newCardCard, readReaderCard } from './agentReading';

export const RENEWAL_DIALOG = 'renewalDialog';
const PROMPT = `${RENEWAL_DIALOG}.prompt`;
const FLOW = `${RENEWAL_DIALOG}.flow`;
const NORMAL_EXPIRY = 'normalExpiry';
const LOST_OR_STOLEN = 'lostOrStolen';

interface RenewalValues {
  reason: string;
  expiry?: string;
  timing?: RenewalTiming;
}

const valuesOf = (step: WaterfallStepContext) => step.values as RenewalValues;

/**
 * Renewal (R1-R5, F1-F4): why, when the certificate expires, whether it is too early, in the window
 * or late (wet-signed form), who pays; records the request for the help desk and closes with how
 * to switch to the new card.
 */
export class RenewalDialog extends ComponentDialog {
  constructor(private readonly services: PathServices) {
    super(RENEWAL_DIALOG);
    this.addDialog(new CardPrompt(PROMPT));
    this.addDialog(new WhoPaysDialog(services.policy));
    this.addDialog(new WaterfallDialog(FLOW, [
      this.reasonStep.bind(this),
      this.expiryStep.bind(this),
      this.timingStep.bind(this),
      this.reminderStep.bind(this),
      this.recordStep.bind(this),
    ]));
    this.initialDialogId = FLOW;
  }

  private async reasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    return step.beginDialog(PROMPT, {
      card: { title: t(locale, 'renewal.reasonQuestion') },
      choices: this.services.policy.reasons.map((reason) => ({ value: reason.id, label: reason[locale] })),
    } satisfies CardPromptOptions);
  }

  private async expiryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).reason = step.result as string;
    if (valuesOf(step).reason === LOST_OR_STOLEN) return step.replaceDialog(LOST_CARD_DIALOG);
    if (valuesOf(step).reason !== NORMAL_EXPIRY) return step.next(undefined);
    const locale = localeOf(step.context);
    // With a paired agent, the expiry comes from the card in the reader instead of the user.
    const reader = await readReaderCard(this.services, step.context);
    if (reader.kind === 'current') {
      await step.context.sendActivity(t(locale, 'agent.readFromCard', { device: reader.deviceName, date: formatDate(reader.expiry) }));
      return step.next(reader.expiry);
    }
    if (reader.kind === 'new') {
      await step.context.sendActivity(MessageFactory.attachment(newCardCard(step.context, reader)));
      if (reader.oldExpiry) return step.next(reader.oldExpiry);
    }
    const today = this.today();
    return step.beginDialog(PROMPT, {
      card: { title: t(locale, 'renewal.expiryQuestion'), paragraphs: [t(locale, 'renewal.expiryWhere')] },
      date: { inputLabel: t(locale, 'renewal.expiryLabel'), submitLabel: t(locale, 'renewal.expirySubmit'), min: addDays(today, -5 * 366), max: addDays(today, 6 * 366) },
    } satisfies CardPromptOptions);
  }

  private async timingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const expiry = step.result as string | undefined;
    if (!expiry) return step.next(undefined);
    valuesOf(step).expiry = expiry;
    const timing = renewalTiming(this.services.policy, expiry, this.today());
    valuesOf(step).timing = timing;
    if (timing.kind === 'tooEarly') return this.tooEarly(step, expiry, timing);
    if (timing.kind === 'late') await this.sayLate(step, expiry, timing.daysOverdue);
    return step.next(undefined);
  }

  private async reminderStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const timing = valuesOf(step).timing;
    if (timing?.kind === 'tooEarly') {
      const locale = localeOf(step.context);
      const applyFrom = formatDate(timing.applyFrom);
      const remind = step.result === 'remind';
      await this.services.roster.record({ ...userOf(step.context), expiry: valuesOf(step).expiry!, source: 'typed', remind }, this.services.now());
      const text = t(locale, remind ? 'renewal.reminderNoted' : 'renewal.comeBack', { date: applyFrom });
      await step.context.sendActivity(MessageFactory.attachment(messageCard({ title: text, buttons: [{ label: t(locale, 'common.back'), data: { verb: Verb.menu } }] })));
      return step.endDialog();
    }
    return step.beginDialog(WHO_PAYS_DIALOG, { reason: valuesOf(step).reason } satisfies WhoPaysOptions);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const fee = step.result as WhoPaysResult;
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const expiry = valuesOf(step).expiry;
    const late = valuesOf(step).timing?.kind === 'late';
    await this.services.renewals.add({
      ...userOf(step.context), reason: fee.reason, role: fee.role, expiry, payer: fee.payer, feeSource: fee.rules.map((rule) => rule.source).join(','), late, sourceId: answerIdOf(step.context),
    }, this.services.now());
    const paragraphs = [
      t(locale, 'renewal.recorded', { department: say(policy.institution.itDepartment, locale) }),
      ...(fee.revokeFirst ? [t(locale, 'renewal.revokeFirst')] : []),
      ...(late ? [say(policy.institution.handIn, locale)] : []),
      ...feeExplanation(fee, locale),
    ];
    await step.context.sendActivity(MessageFactory.attachment(messageCard({
      title: t(locale, 'renewal.recordedTitle'),
      facts: [...(expiry ? [expiryFact(expiry, daysBetween(this.today(), expiry), locale)] : []), ...feeFacts(policy, fee, locale)],
      paragraphs,
    })));
    await step.context.sendActivity(MessageFactory.attachment(newCardRulesCard(locale)));
    return step.endDialog();
  }

  private async tooEarly(step: WaterfallStepContext, expiry: string, timing: Extract<RenewalTiming, { kind: 'tooEarly' }>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    return step.beginDialog(PROMPT, {
      card: {
        title: t(locale, 'renewal.tooEarlyTitle'),
        facts: [expiryFact(expiry, timing.daysLeft, locale), { label: t(locale, 'renewal.applyFromLabel'), value: formatDate(timing.applyFrom) }],
        paragraphs: [t(locale, 'renewal.tooEarlyBody', { days: this.services.policy.renewal.applyDaysBeforeExpiry, date: formatDate(timing.applyFrom) })],
      },
      choices: [
        { value: 'remind', label: t(locale, 'renewal.remindMe'), synonyms: ['hatirlat', 'evet', 'remind', 'yes'] },
        { value: 'ok', label: t(locale, 'renewal.noThanks'), synonyms: ['tamam', 'hayir', 'gerek yok', 'no', 'ok'] },
      ],
    } satisfies CardPromptOptions);
  }

  private async sayLate(step: WaterfallStepContext, expiry: string, daysOverdue: number): Promise<void> {
    const locale = localeOf(step.context);
    const { policy } = this.services;
    await step.context.sendActivity(MessageFactory.attachment(messageCard({
      title: t(locale, 'renewal.lateTitle'),
      warning: say(policy.renewal.lateRequirement, locale),
      facts: [expiryFact(expiry, -daysOverdue, locale)],
      paragraphs: [say(policy.institution.handIn, locale)],
    })));
  }

  private today(): string {
    return istanbulDate(this.services.now());
  }
}
