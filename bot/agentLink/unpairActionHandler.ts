import { MessageFactory, type TurnContext } from 'botbuilder';
import { messageCard } from '../../cards/index';
import { localeOf, t } from '../../cards/i18n';
import { z } from 'zod';
import { backButton } from '../../cards/common';
import { Verb } from '../../cards/verbs';
import { dialogEntry, type RouteEntry } from '../router/registry';
import { userOf } from '../../dialogs/pathServices';
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
    await context.sendActivity(MessageFactory.attachment(messageCard({
      title: done ? t(locale, 'agent.unpairedTitle', { device: name }) : t(locale, 'agent.unpairGone'),
      paragraphs: done ? [t(locale, 'agent.unpairedBody')] : [],
      buttons: [backButton(locale)],
    })));
  }
}
