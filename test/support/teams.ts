import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const ayse: TeamsUser = { id: '29:1ayse', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Ayşe Yılmaz' };
export const BOT = { id: '28:eimza-bot', name: 'eimza-bot' };
export const TENANT_ID = '11111111-2222-3333-4444-555555555555';

export interface MessageOptions {
  serviceUrl: string;
  conversationId: string;
  text?: string;
  value?: Record<string, unknown>;
  replyToId?: string;
  user?: TeamsUser;
  locale?: string;
}

/** A message activity shaped as Teams sends it in a personal chat. */
export function teamsMessage(options: MessageOptions): Partial<Activity> {
  const user = options.user ?? ayse;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString() as unknown as Date,
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: options.conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
    text: options.text,
    value: options.value,
    replyToId: options.replyToId,
    locale: options.locale ?? 'tr-TR',
    textFormat: 'plain',
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** Teams' conversationUpdate when the bot is installed in a personal chat. */
export function teamsInstall(serviceUrl: string, conversationId: string, user: TeamsUser = ayse): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
    membersAdded: [{ id: BOT.id, name: BOT.name }],
    locale: 'tr-TR',
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** POSTs an activity (or any body) to the bot's /api/messages; returns the HTTP status. */
export async function postToBot(botUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

export function newConversationId(): string {
  return `a:${randomUUID()}`;
}
