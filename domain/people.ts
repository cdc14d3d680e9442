import type { TurnContext } from 'botbuilder';

/** A person the bot talks to, as every part keys its records. */
export interface Person {
  userId: string;
  userName: string;
  conversationId: string;
}

/** Who is talking: the Azure AD object id when Teams gives one (stable across chats), else the channel id. */
export function userOf(context: TurnContext): Person {
  const from = context.activity.from;
  return { userId: from.aadObjectId ?? from.id, userName: from.name ?? '', conversationId: context.activity.conversation.id };
}
