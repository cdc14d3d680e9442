import { MessageFactory, type TurnContext } from 'botbuilder';
import { appliedAnswerCard } from '../../cards/reminderCards';
import { localeOf, t, type Locale } from '../../cards/i18n';
import { z } from 'zod';
import { Verb } from '../../cards/verbs';
import { dialogEntry, type RouteEntry } from '../router/registry';
import { userOf } from '../../domain/people';
import type { ExpiryRoster } from '../../state/expiryRoster';
import { policyText, type Policy } from '../../domain/policy';

/** The person's open renewal request, its status in the given language (bot/requests). */
export type OpenRequestLookup = (userId: string, locale: Locale) => Promise<{ number: string; status: string } | undefined>;

/**
 * "Başvurdum" on an expiry ping: no more pings for that certificate until a new one is seen; when
 * the person has an open renewal request, the answer names it (the request is the application).
 */
export class AppliedActionHandler {
  constructor(private readonly roster: ExpiryRoster, private readonly policy: Policy, private readonly now: () => Date, private readonly openRequest?: OpenRequestLookup) {}

  /** The ping's "Başvurdum" (carries the certificate's `expiry`). */
  entry(): RouteEntry {
    return dialogEntry({ verb: Verb.reminderApplied, payload: z.object({ expiry: z.string() }), where: ['personal'], run: (turn, payload) => this.handle(turn.context, payload) });
  }

  async handle(context: TurnContext, { expiry }: { expiry: string }): Promise<void> {
    const locale = localeOf(context);
    const { userId } = userOf(context);
    const done = await this.roster.markApplied(userId, expiry, this.now());
    const open = done ? await this.openRequest?.(userId, locale).catch(() => undefined) : undefined;
    const text = open ? t(locale, 'request.appliedLinked', open) : t(locale, done ? 'reminder.appliedDone' : 'reminder.stale');
    // No request recorded through the bot yet: offer to record it (the renewal path makes the request the desk works on).
    const record = done && !open && this.openRequest;
    // Pings are about an ordinary expiry, so the old certificate stays valid until then (R3).
    const rules = done ? [policyText(this.policy, 'r3', locale), policyText(this.policy, 'r4', locale)] : [];
    await context.sendActivity(MessageFactory.attachment(appliedAnswerCard(text, rules, Boolean(record), locale)));
  }
}
