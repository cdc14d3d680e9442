import { MessageFactory, type TurnContext } from 'botbuilder';
import { unpairAnswerCard } from '../../cards/agentCards';
import { localeOf } from '../../cards/i18n';
import { Verb, type CardActionData } from '../../cards/verbs';
import type { CardActionHandler } from '../cardActionHandler';
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
    await context.sendActivity(MessageFactory.attachment(unpairAnswerCard(locale, done ? name : undefined)));
  }
}
