import { MessageFactory, type TurnContext } from 'botbuilder';
import { messageCard } from '../../cards/index';
import { localeOf, t } from '../../cards/i18n';
import { Verb, type CardActionData } from '../../cards/verbs';
import type { CardActionHandler } from '../../dialogs/cardActionHandler';
import { userOf } from '../../domain/people';
import type { CardAgent } from './cardAgent';

/** "Kaldır" on the paired-devices card: unpairs that PC (only the user's own) and tells its agent. */
export class UnpairActionHandler implements CardActionHandler {
  readonly verb = Verb.agentUnpair;

  constructor(private readonly agent: CardAgent) {}

  async handle(context: TurnContext, data: CardActionData): Promise<void> {
    const locale = localeOf(context);
    const deviceId = typeof data.deviceId === 'string' ? data.deviceId : '';
    const name = typeof data.deviceName === 'string' ? data.deviceName : '';
    const done = deviceId !== '' && (await this.agent.unpair(userOf(context).userId, deviceId));
    await context.sendActivity(MessageFactory.attachment(messageCard({
      title: done ? t(locale, 'agent.unpairedTitle', { device: name }) : t(locale, 'agent.unpairGone'),
      paragraphs: done ? [t(locale, 'agent.unpairedBody')] : [],
      buttons: [{ label: t(locale, 'common.back'), data: { verb: Verb.menu } }],
    })));
  }
}
