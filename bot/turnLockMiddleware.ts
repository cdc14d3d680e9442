import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { ConversationLock } from '../state/conversationLock';

/** Messages and invokes a person sends: the turns that read and write the conversation's state. */
const SERIALISED = new Set<string>([ActivityTypes.Message, ActivityTypes.Invoke]);

/** First in the pipeline: one turn at a time per conversation (see ConversationLock). */
export class TurnLockMiddleware implements Middleware {
  constructor(private readonly lock: ConversationLock) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!SERIALISED.has(context.activity.type) || typeof conversationId !== 'string') return next();
    await this.lock.run(conversationId, next);
  }
}
