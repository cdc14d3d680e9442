import { MessageFactory, type TurnContext } from 'botbuilder';
import { messageCard } from '../../cards/index';
import { localeOf, t } from '../../cards/i18n';
import { Verb, type CardActionData } from '../../cards/verbs';
import type { CardActionHandler } from '../../dialogs/cardActionHandler';
import { userOf } from '../../dialogs/pathServices';
import type { ExpiryRoster } from '../../state/expiryRoster';
import { policyText, type Policy } from '../../dialogs/policy';

/** "Başvurdum" on an expiry ping: no more pings for that certificate until a new one is seen. */
export class AppliedActionHandler implements CardActionHandler {
  readonly verb = Verb.reminderApplied;

  constructor(private readonly roster: ExpiryRoster, private readonly policy: Policy, private readonly now: () => Date) {}

  async handle(context: TurnContext, data: CardActionData): Promise<void> {
    const locale = localeOf(context);
    const expiry = typeof data.expiry === 'string' ? data.expiry : '';
    const done = await this.roster.markApplied(userOf(context).userId, expiry, this.now());
    const text = t(locale, done ? 'reminder.appliedDone' : 'reminder.stale');
    // Pings are about an ordinary expiry, so the old certificate stays valid until then (R3).
    const paragraphs = done ? [policyText(this.policy, 'r3', locale), policyText(this.policy, 'r4', locale)] : [];
    await context.sendActivity(MessageFactory.attachment(messageCard({ title: text, paragraphs, buttons: [{ label: t(locale, 'common.back'), data: { verb: Verb.menu } }] })));
  }
}
