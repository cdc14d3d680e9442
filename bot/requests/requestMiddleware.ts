import type { Activity, Middleware, TurnContext } from 'botbuilder';

/** Where a turn's request messages wait, so they follow the path's own answer ("kaydettim", then the number). */
export const TURN_END_MESSAGES = Symbol('requestMessagesAtTurnEnd');

/** The request messages a turn queued (number, form link) are sent after the path's own answer. */
export class RequestMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const queued: Partial<Activity>[] = [];
    context.turnState.set(TURN_END_MESSAGES, queued);
    await next();
    for (const activity of queued) await context.sendActivity(activity);
  }
}
