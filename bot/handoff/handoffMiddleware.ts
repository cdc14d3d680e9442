import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { HandoffEngine } from './handoffEngine';

/**
 * Sits after the secret guard (so it only ever sees masked text) and before the bot: gives the
 * handoff the turns it owns (help desk commands and presses in channels, replies in a ticket's
 * thread, a user's chat while a ticket is open) and keeps the bot silent for them; every other
 * turn goes on to the bot, with its last lines remembered for a future ticket card.
 */
export class HandoffMiddleware implements Middleware {
  private readonly channelVerbs: ((context: TurnContext) => Promise<boolean>)[] = [];

  constructor(private readonly engine: HandoffEngine) {}

  /** Other help desk verbs in the channel (the renewal requests' registry), tried before the handoff's. */
  useChannelVerbs(handle: (context: TurnContext) => Promise<boolean>): this {
    this.channelVerbs.push(handle);
    return this;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    if (context.activity.conversation.conversationType === 'channel') {
      for (const handle of this.channelVerbs) if (await handle(context)) return;
      if (await this.engine.onChannelMessage(context)) return;
      // A channel gets desk commands, never the user menu: team chatter is not the bot's; an @mention gets the commands.
      await this.engine.channelHint(context);
      return;
    }
    if (await this.engine.onUserMessage(context)) return;
    await this.engine.recordTurn(context, next);
  }
}
