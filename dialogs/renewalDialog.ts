import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { isHandOver, PathDialog, type HandOver } from './pathDialog';
import { renewalLateCard, renewalNoteCard, renewalRecordedCard } from '../cards/pathCards';
import { localeOf, t, wordsOf, type Locale } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import type { CardPromptOptions } from './cardPrompt';
import { addDays, daysBetween, formatDate, istanbulDate } from '../domain/dates';
import { expiryDateBounds, labelledChoices, policyText, reasonOf, renewalTiming, textIn, type RenewalTiming } from '../domain/policy';
import { stopExpiryPings, type PathServices } from './pathServices';
import { userOf } from '../domain/people';
import { WHO_PAYS_DIALOG, WhoPaysDialog, type WhoPaysOptions, type WhoPaysResult } from './whoPaysDialog';
import { expiryFact, feeExplanation, feeFacts, newCardRulesCard } from '../cards/closingCards';
import type { NewCardRulesCase } from '../domain/newCardRules';
import { readReaderCard } from '../domain/readerCard';
import { newCardInReaderCard } from '../cards/agentCards';

export const RENEWAL_DIALOG = 'renewalDialog';
const PROMPT = `${RENEWAL_DIALOG}.prompt`;
/** The paths a reason's `path` (policy) hands over to, by their verbs. */
const REASON_PATHS = { lostCard: Verb.lostCard } as const;

interface RenewalValues {
  reason: string;
  expiry?: string;
  timing?: RenewalTiming;
}

const valuesOf = (step: WaterfallStepContext) => step.values as RenewalValues;

/**
 * Renewal (R1-R5, F1-F3): why (the reason's policy flags decide what follows), when the
 * certificate expires, whether it is beyond the window (reminder), inside it (on time or past R1's
 * target) or late (wet-signed form), who pays; records the request for the help desk and closes
 * with the new-card rules that apply.
 */
export class RenewalDialog extends PathDialog {
  constructor(private readonly services: PathServices) {
    super(RENEWAL_DIALOG, 'menu.renewal');
    this.addDialog(new WhoPaysDialog(services.policy));
    this.flow([
      this.reasonStep.bind(this),
      this.expiryStep.bind(this),
      this.timingStep.bind(this),
      this.reminderStep.bind(this),
      this.recordStep.bind(this),
    ]);
  }

  private async reasonStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    return step.beginDialog(PROMPT, {
      card: { title: t(locale, 'renewal.reasonQuestion') },
      choices: labelledChoices(this.services.policy.reasons, locale),
    } satisfies CardPromptOptions);
  }

  private async expiryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).reason = step.result as string;
    const reason = reasonOf(this.services.policy, valuesOf(step).reason);
    if (reason?.path) return step.endDialog({ handOverTo: REASON_PATHS[reason.path] } satisfies HandOver);
    if (!reason?.asksExpiry) return step.next(undefined);
    const locale = localeOf(step.context);
    // With a paired agent, the expiry comes from the card in the reader instead of the user.
    const reader = await readReaderCard(this.services, step.context);
    if (reader.kind === 'current') {
      await step.context.sendActivity(t(locale, 'agent.readFromCard', { device: reader.deviceName, date: formatDate(reader.expiry) }));
      return step.next(reader.expiry);
    }
    if (reader.kind === 'new') {
      await step.context.sendActivity(MessageFactory.attachment(newCardInReaderCard(locale, reader)));
      if (reader.oldExpiry) return step.next(reader.oldExpiry);
    }
    const today = this.today();
    return step.beginDialog(PROMPT, {
      card: { title: t(locale, 'renewal.expiryQuestion'), paragraphs: [t(locale, 'renewal.expiryWhere')] },
      date: { inputLabel: t(locale, 'renewal.expiryLabel'), submitLabel: t(locale, 'renewal.expirySubmit'), ...expiryDateBounds(this.services.policy, today) },
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
      const remind = step.result === 'remind';
      await this.services.roster.record({ ...userOf(step.context), expiry: valuesOf(step).expiry!, source: 'typed', remind }, this.services.now());
      const text = remind
        ? t(locale, 'renewal.reminderNoted', { date: formatDate(this.firstPingDay(valuesOf(step).expiry!)) })
        : t(locale, 'renewal.comeBack', { date: formatDate(timing.acceptFrom) });
      await step.context.sendActivity(MessageFactory.attachment(renewalNoteCard(locale, text)));
      return step.endDialog();
    }
    return step.beginDialog(WHO_PAYS_DIALOG, { reason: valuesOf(step).reason } satisfies WhoPaysOptions);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (isHandOver(step.result)) return step.endDialog(step.result);
    const fee = step.result as WhoPaysResult | undefined;
    // No fee: the person was sent to another path instead (a PIN that is only locked is unlocked for free).
    if (!fee) return step.endDialog();
    const locale = localeOf(step.context);
    const { policy } = this.services;
    const { expiry, timing } = valuesOf(step);
    const late = timing?.kind === 'late';
    const { created } = await this.services.renewals.add({
      ...userOf(step.context), reason: fee.reason, role: fee.role, expiry, payer: fee.payer, feeSource: fee.rules.map((rule) => rule.source).join(','), late,
    }, this.services.now(), step.context);
    await stopExpiryPings(this.services, step.context, reasonOf(policy, fee.reason)?.oldCardStaysValid ? expiry : undefined);
    const paragraphs = [
      ...(created ? [t(locale, 'request.sentTo', { department: textIn(policy.institution.itDepartment, locale) })] : []),
      ...this.timingNote(timing, locale),
      ...feeExplanation(fee, locale),
    ];
    const facts = [...(expiry ? [expiryFact(expiry, daysBetween(this.today(), expiry), locale)] : []), ...feeFacts(policy, fee, locale)];
    await step.context.sendActivity(MessageFactory.attachment(renewalRecordedCard(locale, facts, paragraphs, created)));
    await step.context.sendActivity(MessageFactory.attachment(newCardRulesCard(policy, this.rulesCase(fee.reason, late), locale)));
    return step.endDialog();
  }

  /** R1 on the in-window path: on time (the target is ahead) or the target has passed. */
  private timingNote(timing: RenewalTiming | undefined, locale: Locale): string[] {
    if (!timing || timing.kind === 'late' || timing.kind === 'tooEarly') return [];
    const target = policyText(this.services.policy, 'r1', locale);
    return [t(locale, timing.kind === 'beforeTarget' ? 'renewal.onTime' : 'renewal.pastTarget', { rule: target, date: formatDate(timing.target) })];
  }

  /** R3 only while the old certificate stays valid: an ordinary renewal made before expiry. */
  private rulesCase(reasonId: string, late: boolean): NewCardRulesCase {
    if (!reasonOf(this.services.policy, reasonId)?.oldCardStaysValid) return 'replaced';
    return late ? 'expired' : 'beforeExpiry';
  }

  /** The first expiry ping the roster will send for this certificate (policy milestones). */
  private firstPingDay(expiry: string): string {
    return addDays(expiry, -Math.max(...this.services.policy.reminders.milestones));
  }

  private async tooEarly(step: WaterfallStepContext, expiry: string, timing: Extract<RenewalTiming, { kind: 'tooEarly' }>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    return step.beginDialog(PROMPT, {
      card: {
        title: t(locale, 'renewal.tooEarlyTitle'),
        facts: [expiryFact(expiry, timing.daysLeft, locale), { label: t(locale, 'renewal.targetLabel'), value: formatDate(timing.target) }],
        paragraphs: [t(locale, 'renewal.tooEarlyBody', { rule: policyText(this.services.policy, 'r1', locale), date: formatDate(timing.target), from: formatDate(timing.acceptFrom) })],
      },
      choices: [
        { value: 'remind', label: t(locale, 'renewal.remindMe'), synonyms: wordsOf('words.choice.remind') },
        { value: 'ok', label: t(locale, 'renewal.noThanks'), synonyms: wordsOf('words.choice.noThanks') },
      ],
    } satisfies CardPromptOptions);
  }

  private async sayLate(step: WaterfallStepContext, expiry: string, daysOverdue: number): Promise<void> {
    const locale = localeOf(step.context);
    await step.context.sendActivity(MessageFactory.attachment(renewalLateCard(locale, this.services.policy, expiry, daysOverdue)));
  }

  private today(): string {
    return istanbulDate(this.services.now());
  }
}
