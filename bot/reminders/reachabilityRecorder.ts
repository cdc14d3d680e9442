import { TeamsInfo, TurnContext } from 'botbuilder';
import type { ConversationReferenceStore } from '../../state/conversationReferences';
import type { Logger } from '../logger';

/**
 * Keeps the conversation references the pings need: saved when the bot is installed for someone
 * or they first write (once per user per process, and again if the chat changes), dropped on
 * uninstall. Never fails a turn: a storage hiccup is logged and tried again next time.
 */
export class ReachabilityRecorder {
  private readonly known = new Map<string, string>();

  constructor(private readonly store: ConversationReferenceStore, private readonly log: Logger) {}

  /**
   * `install`: also asks Teams for the user's UPN (so imported UPN rows find them). Only on
   * install, never on a message, so an ordinary turn makes no extra call to the connector.
   */
  async seen(context: TurnContext, install = false): Promise<void> {
    const { activity } = context;
    if (activity.conversation?.conversationType && activity.conversation.conversationType !== 'personal') return;
    const userId = activity.from?.aadObjectId ?? activity.from?.id;
    if (!userId || this.known.get(userId) === activity.conversation?.id) return;
    try {
      const previous = await this.store.get(userId);
      const upn = install && !previous?.upn ? await this.upnOf(context) : undefined;
      const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      await this.store.save({
        userId, tenantId, locale: activity.locale, upn: upn ?? previous?.upn,
        reference: TurnContext.getConversationReference(activity), savedAt: new Date().toISOString(),
      });
      this.known.set(userId, activity.conversation.id);
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'could not save the conversation reference');
    }
  }

  async removed(context: TurnContext): Promise<void> {
    const userId = context.activity.from?.aadObjectId ?? context.activity.from?.id;
    if (!userId) return;
    this.known.delete(userId);
    try {
      await this.store.remove(userId);
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'could not drop the conversation reference');
    }
  }

  private async upnOf(context: TurnContext): Promise<string | undefined> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return member.userPrincipalName ?? undefined;
    } catch {
      return undefined;
    }
  }
}
