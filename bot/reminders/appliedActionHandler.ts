import { MessageFactory, type TurnContext } from 'botbuilder';
import { messageCard } from '../../cards/index';
import { localeOf, t, type Locale } from '../../cards/i18n';
import { z } from 'zod';
import { backButton } from '../../cards/common';
import { Verb } from '../../cards/verbs';
import { dialogEntry, type RouteEntry } from '../router/registry';
import { userOf } from '../../dialogs/pathServices';
import type { ExpiryRoster } from '../../state/expiryRoster';
import { policyText, type Policy } from '../../dialogs/policy';

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
    await context.sendActivity(MessageFactory.attachment(messageCard({
      title: text,
      // Pings are about an ordinary expiry, so the old certificate stays valid until then (R3).
      paragraphs: [...(done ? [policyText(this.policy, 'r3', locale), policyText(this.policy, 'r4', locale)] : []), ...(record ? [t(locale, 'request.recordOffer')] : [])],
      buttons: [...(record ? [{ label: t(locale, 'request.recordButton'), data: { verb: Verb.renewal } }] : []), backButton(locale)],
    })));
  }
}
