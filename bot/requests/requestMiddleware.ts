import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { RequestVerbs } from './requestVerbs';

/**
 * In the personal chat, after the handoff: "taleplerim" and the withdrawal presses are answered
 * here, whatever path the user is on (the path waits where it was); everything else goes on.
 */
export class RequestMiddleware implements Middleware {
  constructor(private readonly verbs: RequestVerbs) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message && context.activity.conversation.conversationType !== 'channel' && (await this.verbs.personal(context))) return;
    await next();
  }
}
