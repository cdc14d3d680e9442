import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { RequestVerbs } from './requestVerbs';

/** Where a turn's request messages wait, so they follow the path's own answer ("kaydettim", then the number). */
export const TURN_END_MESSAGES = Symbol('requestMessagesAtTurnEnd');

/**
 * In the personal chat, after the handoff: "taleplerim" and the withdrawal presses are answered
 * here, whatever path the user is on (the path waits where it was); everything else goes on, and
 * the request messages the turn queued (number, form link) are sent after the path's answer.
 */
export class RequestMiddleware implements Middleware {
  constructor(private readonly verbs: RequestVerbs) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message && context.activity.conversation.conversationType !== 'channel' && (await this.verbs.personal(context))) return;
    const queued: Partial<Activity>[] = [];
    context.turnState.set(TURN_END_MESSAGES, queued);
    await next();
    for (const activity of queued) await context.sendActivity(activity);
  }
}
