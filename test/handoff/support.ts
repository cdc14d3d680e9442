import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { TeamsChat, cardButtons, urlOf } from '../support/chat';
import { FakeConnector, visibleText, type ReceivedActivity } from '../support/fakeConnector';
import { randomPrefix } from '../support/keys';
import { logSink } from '../support/logs';
import { BOT, TENANT_ID, ayse, postToBot, type TeamsUser } from '../support/teams';

/** Help desk staff (their ids are in HELPDESK_MEMBER_IDS) and a colleague who is not. */
export const mehmet: TeamsUser = { id: '29:1mehmet', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Mehmet Demir' };
export const zeynep: TeamsUser = { id: '29:1zeynep', aadObjectId: '00000000-0000-0000-0000-0000000000b2', name: 'Zeynep Kaya' };
export const ali: TeamsUser = { id: '29:1ali', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Ali Çelik' };
export { ayse };

export const TEAM_ID = '19:helpdeskteam@thread.tacv2';

/** A Tuesday, 10:00 in Istanbul (inside 08:30-17:30, Monday to Friday). */
export const TUESDAY_10 = new Date('2026-03-10T10:00:00+03:00');
/** A Saturday, 11:00 in Istanbul. */
export const SATURDAY_11 = new Date('2026-03-14T11:00:00+03:00');

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current: Date) {}
  readonly now = (): Date => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface HandoffBot {
  app: App;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export interface HandoffBotOptions {
  redisUrl?: string;
  prefix?: string;
  clock: TestClock;
  env?: Record<string, string>;
}

/** A bot (in this process, on a free port) with the help desk configured; timers are swept by the test. */
export async function startHandoffBot(options: HandoffBotOptions): Promise<HandoffBot> {
  const { stream, lines: logs } = logSink();
  const env: Record<string, string> = {
    PORT: '0', LOG_LEVEL: 'info',
    HELPDESK_MEMBER_IDS: `${mehmet.aadObjectId}, ${zeynep.aadObjectId.toUpperCase()}`,
    HELPDESK_HOURS: '08:30-17:30', HELPDESK_DAYS: '1-5', HELPDESK_TIMEZONE: 'Europe/Istanbul',
    HANDOFF_REANNOUNCE_SECONDS: '600', HANDOFF_IDLE_CLOSE_SECONDS: '1800', HANDOFF_RETENTION_DAYS: '30',
    HANDOFF_SWEEP_INTERVAL_MS: '3600000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.prefix ?? randomPrefix() } : {}),
    ...options.env,
  };
  const app = createApp(loadConfig(env), { logDestination: stream, now: options.clock.now });
  const port = await app.listen();
  return { app, logs, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export { randomPrefix, cardButtons };

/** A message in a Teams channel, as a new post or as a reply in the thread of `rootId`. */
export function channelMessage(options: {
  serviceUrl: string; channelId: string; rootId?: string; text?: string; value?: Record<string, unknown>; user: TeamsUser;
}): Partial<Activity> {
  const id = randomUUID();
  const text = options.text === undefined ? undefined : `<at>${BOT.name}</at> ${options.text}`;
  return {
    type: 'message', id, timestamp: new Date().toISOString() as unknown as Date, serviceUrl: options.serviceUrl, channelId: 'msteams',
    from: { id: options.user.id, name: options.user.name, aadObjectId: options.user.aadObjectId },
    recipient: BOT,
    conversation: { id: `${options.channelId};messageid=${options.rootId ?? id}`, conversationType: 'channel', tenantId: TENANT_ID, isGroup: true, name: '' },
    text, value: options.value, replyToId: options.rootId, locale: 'tr-TR', textFormat: 'plain',
    entities: text ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : [],
    channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, channel: { id: options.channelId }, teamsChannelId: options.channelId, teamsTeamId: TEAM_ID },
  };
}

export function newChannelId(): string {
  return `19:${randomBytes(8).toString('hex')}@thread.tacv2`;
}

/**
 * The people and places of one scenario: a user's personal chat with the bot (the shared
 * TeamsChat driver, test/support/chat.ts) and the help desk channel.
 */
export class Scenario {
  readonly chat: TeamsChat;
  readonly channelId = newChannelId();

  constructor(readonly connector: FakeConnector, public bot: HandoffBot) {
    this.chat = new TeamsChat(connector, () => this.bot.url);
  }

  get userConversation(): string {
    return this.chat.conversationId;
  }

  say(text: string, bot: HandoffBot = this.bot): Promise<ReceivedActivity[]> {
    return this.chat.say(text, bot);
  }

  /** Presses a button in the user's chat: by its title (newest card that has it) or its data. */
  press(button: string | Record<string, unknown>, bot: HandoffBot = this.bot): Promise<ReceivedActivity[]> {
    return this.chat.press(button, bot);
  }

  /** A help desk member writes in the channel (a new post, or in a thread). */
  deskSays(user: TeamsUser, text: string, rootId?: string, bot = this.bot): Promise<number> {
    return postToBot(urlOf(bot), channelMessage({ serviceUrl: this.connector.serviceUrl, channelId: this.channelId, rootId, text, user }));
  }

  deskPresses(user: TeamsUser, value: Record<string, unknown>, rootId: string, bot = this.bot): Promise<number> {
    return postToBot(urlOf(bot), channelMessage({ serviceUrl: this.connector.serviceUrl, channelId: this.channelId, rootId, value, user }));
  }

  /** Everything sent into the user's chat (messages only, events left out). */
  toUser(): ReceivedActivity[] {
    return this.chat.messages();
  }

  events(): ReceivedActivity[] {
    return this.chat.events();
  }

  /** Ticket cards posted in the channel (new threads). */
  ticketCards(): ReceivedActivity[] {
    return this.connector.in(this.channelId).filter((activity) => activity.operation === 'send');
  }

  threadId(rootId: string): string {
    return `${this.channelId};messageid=${rootId}`;
  }

  /** Messages the bot sent into a ticket's thread. */
  inThread(rootId: string): ReceivedActivity[] {
    return this.connector.in(this.threadId(rootId)).filter((activity) => activity.operation === 'send');
  }

  /** In-place updates of the ticket card. */
  cardUpdates(rootId: string): ReceivedActivity[] {
    return this.connector.received.filter((activity) => activity.operation === 'update' && activity.id === rootId);
  }

  async setDesk(by: TeamsUser = mehmet): Promise<void> {
    await this.deskSays(by, 'yardım masası burası');
    await this.connector.waitFor(() => this.connector.received.some((activity) => /yardım taleplerini bu kanala/.test(visibleText(activity))));
  }

  /** The user asks for a person; returns the ticket card (its id is the thread's root) and the ticket id. */
  async request(text = 'yetkiliye bağlan'): Promise<{ card: ReceivedActivity; ticketId: string }> {
    const before = this.ticketCards().length;
    await this.say(text);
    await this.connector.waitFor(() => this.ticketCards().length > before && this.toUser().some((activity) => /Sizi yardım masasındaki bir yetkiliye aktarıyorum/.test(visibleText(activity))));
    const card = this.ticketCards()[before];
    const ticketId = /Yeni talep (T-[A-Z0-9]{6})/.exec(visibleText(card))?.[1];
    if (!ticketId) throw new Error(`no ticket id on the card: ${visibleText(card)}`);
    return { card, ticketId };
  }

  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<unknown> {
    return this.connector.waitFor(predicate, timeoutMs);
  }
}

export { visibleText, FakeConnector };
