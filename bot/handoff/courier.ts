import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Proactive sends for the handoff: to the user's personal chat, to the help desk channel (a new
 * thread) and into a ticket's thread, each through `continueConversationAsync` with a stored
 * conversation reference, so any bot instance can speak for any ticket, even after a restart.
 */
export class Courier {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string) {}

  /** Runs `logic` in a turn of the referenced conversation. */
  async within(ref: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, ref, logic);
  }

  /** Sends the activities in order; returns the id the channel gave each. */
  async send(ref: Partial<ConversationReference>, ...activities: Partial<Activity>[]): Promise<(string | undefined)[]> {
    const ids: (string | undefined)[] = [];
    await this.within(ref, async (context) => {
      for (const activity of activities) ids.push((await context.sendActivity(activity))?.id);
    });
    return ids;
  }

  /** Replaces an activity already sent (a card updated in place). */
  async update(ref: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.within(ref, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, conversation: context.activity.conversation });
    });
  }
}
