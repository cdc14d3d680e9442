import type { Activity, Middleware, TurnContext } from 'botbuilder';

/**
 * Messages a part sends after the turn's own answer: the renewal request's number and form link
 * follow the path's "kaydettim". The pipeline runs it right around the bot (`usePipeline`'s
 * `outbox`); a part that queues is handed the same instance.
 */
export class TurnOutbox implements Middleware {
  private readonly queues = new WeakMap<TurnContext, Partial<Activity>[]>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const queued: Partial<Activity>[] = [];
    this.queues.set(context, queued);
    await next();
    for (const activity of queued) await context.sendActivity(activity);
  }

  /** Sends `activity` once the turn's answer is out; at once in a turn the outbox does not run. */
  async afterAnswer(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const queue = this.queues.get(context);
    if (queue) queue.push(activity);
    else await context.sendActivity(activity);
  }
}
