import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/** Sends one activity into an existing conversation, outside any turn. */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

/** The real one: CloudAdapter's `continueConversationAsync` with the bot's app id. */
export class CloudAdapterSender implements ProactiveSender {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string) {}

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}
