import { MessageFactory, type TurnContext } from 'botbuilder';
import { localeOf } from '../../cards/i18n';
import { snoozeAnswerCard, snoozeTooLateCard } from '../../cards/reminderCards';
import { z } from 'zod';
import { Verb } from '../../cards/verbs';
import { dialogEntry, type RouteEntry } from '../router/registry';
import { istanbulDate } from '../../domain/dates';
import { snoozePingDay } from './sendWindow';
import { userOf } from '../../domain/people';
import type { ReminderPolicy } from '../../domain/policy';
import type { ExpiryRoster } from '../../state/expiryRoster';

/**
 * "Daha sonra hatırlat": the next ping for that certificate waits `snoozeDays` (policy), but never
 * past expiry (a press on an older ping, whose button should no longer be there, is refused).
 */
export class SnoozeActionHandler {
  constructor(private readonly roster: ExpiryRoster, private readonly policy: ReminderPolicy, private readonly now: () => Date) {}

  /** The ping's "Daha sonra hatırlat" (carries the certificate's `expiry`). */
  entry(): RouteEntry {
    return dialogEntry({ verb: Verb.reminderSnooze, payload: z.object({ expiry: z.string() }), where: ['personal'], run: (turn, payload) => this.handle(turn.context, payload) });
  }

  async handle(context: TurnContext, { expiry }: { expiry: string }): Promise<void> {
    const locale = localeOf(context);
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
