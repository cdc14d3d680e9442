import { MessageFactory, type TurnContext } from 'botbuilder';
import { localeOf } from '../../cards/i18n';
import { Verb, type CardActionData } from '../../cards/verbs';
import type { CardActionHandler } from '../cardActionHandler';
import { istanbulDate } from '../../domain/dates';
import { snoozeAnswerCard, snoozeTooLateCard } from '../../cards/reminderCards';
import { snoozePingDay } from './sendWindow';
import { userOf } from '../../domain/people';
import type { ReminderPolicy } from '../../domain/policy';
import type { ExpiryRoster } from '../../state/expiryRoster';

/**
 * "Daha sonra hatırlat": the next ping for that certificate waits `snoozeDays` (policy), but never
 * past expiry (a press on an older ping, whose button should no longer be there, is refused).
 */
export class SnoozeActionHandler implements CardActionHandler {
  readonly verb = Verb.reminderSnooze;

  constructor(private readonly roster: ExpiryRoster, private readonly policy: ReminderPolicy, private readonly now: () => Date) {}

  async handle(context: TurnContext, data: CardActionData): Promise<void> {
    const locale = localeOf(context);
    const expiry = typeof data.expiry === 'string' ? data.expiry : '';
    const now = this.now();
    // The snooze ends on the day its ping can go out (a window day), never after expiry.
    const until = expiry ? snoozePingDay(this.policy, istanbulDate(now), expiry) : istanbulDate(now);
    if (!until) {
      await context.sendActivity(MessageFactory.attachment(snoozeTooLateCard(locale)));
      return;
    }
    const done = await this.roster.snooze(userOf(context).userId, expiry, until, now);
    await context.sendActivity(MessageFactory.attachment(snoozeAnswerCard(done ? until : undefined, locale)));
  }
}
