import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/** Sends one activity into an existing conversation, outside any turn (what the reminders need; tests fake it). */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<unknown>;
}

/**
 * Every message the bot sends outside a user's turn goes through here: the expiry pings, the
 * handoff's messages to the user, the help desk channel (a new thread) and a ticket's thread, and
 * the renewal requests' notices. Each goes through `continueConversationAsync` with a stored
 * conversation reference, so any bot instance can speak for any conversation, even after a restart.
 */
export class ProactiveMessenger implements ProactiveSender {
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
