import { MessageFactory, type TurnContext } from 'botbuilder';
import { localeOf } from '../../cards/i18n';
import { unpairAnswerCard } from '../../cards/agentCards';
import { z } from 'zod';
import { Verb } from '../../cards/verbs';
import { dialogEntry, type RouteEntry } from '../router/registry';
import { userOf } from '../../domain/people';
import type { CardAgent } from './cardAgent';

/** "Kaldır" on the paired-devices card: unpairs that PC (only the user's own) and tells its agent. */
export class UnpairActionHandler {
  constructor(private readonly agent: CardAgent) {}

  /** "Kaldır" (carries `deviceId` and `deviceName`). */
  entry(): RouteEntry {
    return dialogEntry({
      verb: Verb.agentUnpair, payload: z.object({ deviceId: z.string(), deviceName: z.string().default('') }), where: ['personal'],
      run: (turn, payload) => this.handle(turn.context, payload),
    });
  }

  async handle(context: TurnContext, { deviceId, deviceName: name }: { deviceId: string; deviceName: string }): Promise<void> {
    const locale = localeOf(context);
    const done = deviceId !== '' && (await this.agent.unpair(userOf(context).userId, deviceId));
    await context.sendActivity(MessageFactory.attachment(unpairAnswerCard(locale, done ? name : undefined)));
  }
}
