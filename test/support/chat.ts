import type { Activity } from 'botbuilder';
import { adaptiveCardOf, visibleText, type FakeConnector, type ReceivedActivity } from './fakeConnector';
import { ayse, postToBot, teamsMessage, newConversationId, type TeamsUser } from './teams';

/** Where the bot listens: a URL, anything with a `url` (a started bot or bot process), or a getter (the bot may be replaced). */
export type BotAddress = string | { url: string } | (() => string);

export interface CardButton {
  title: string;
  data: Record<string, unknown>;
}

/**
 * The conversation driver of the HTTP suites: one Teams user in a personal chat with a bot over
 * the real /api/messages, the bot's replies read from the fake connector. Same words as the
 * TestAdapter driver (test/dialogs/harness.ts): say, press (a button title or its data),
 * submitDate, lastCard, text, buttons. A turn returns the activities the bot sent during it
 * (CloudAdapter answers the POST after the turn, and the turn awaits its sends).
 */
export class TeamsChat {
  readonly conversationId: string;
  readonly user: TeamsUser;
  /** The HTTP status of the last POST (a turn that is not 2xx throws). */
  lastStatus = 0;

  constructor(readonly connector: FakeConnector, private bot: BotAddress, options: { user?: TeamsUser; conversationId?: string } = {}) {
    this.conversationId = options.conversationId ?? newConversationId();
    this.user = options.user ?? ayse;
  }

  /** Talks to another bot (instance) from now on. */
  use(bot: BotAddress): this {
    this.bot = bot;
    return this;
  }

  say(text: string, bot?: BotAddress): Promise<ReceivedActivity[]> {
    return this.turn({ text }, bot);
  }

  /** Presses the button titled `label` on the newest card that has one, or sends `data` as a button press. */
  press(button: string | Record<string, unknown>, bot?: BotAddress): Promise<ReceivedActivity[]> {
    return this.turn({ value: typeof button === 'string' ? findButton(this.messages(), button).data : button }, bot);
  }

  /** Fills the newest date question and presses its button. */
  submitDate(date: string, bot?: BotAddress): Promise<ReceivedActivity[]> {
    const card = [...this.messages()].reverse().map(adaptiveCardOf).find((content) => JSON.stringify(content ?? {}).includes('Input.Date'));
    if (!card) throw new Error('no card with a date input');
    const action = (card.actions as CardButton[])[0];
    return this.press({ ...action.data, date }, bot);
  }

  /** What the user reads: every send and in-place update into the chat, in order (deletes left out). */
  sent(): ReceivedActivity[] {
    return this.connector.in(this.conversationId).filter((activity) => activity.operation !== 'delete');
  }

  /** New messages only (no updates, no events). */
  messages(): ReceivedActivity[] {
    return this.connector.in(this.conversationId).filter((activity) => activity.type === 'message' && activity.operation === 'send');
  }

  events(): ReceivedActivity[] {
    return this.connector.in(this.conversationId).filter((activity) => activity.type === 'event');
  }

  /** The newest card the user has been shown (sent or updated). */
  lastCard(): ReceivedActivity | undefined {
    return [...this.sent()].reverse().find((activity) => adaptiveCardOf(activity) !== undefined);
  }

  /** All the text of `replies` (default: the whole chat). */
  text(replies: Partial<Activity>[] = this.sent()): string {
    return texts(replies);
  }

  /** Titles of the buttons on a reply (default: the newest card). */
  buttons(reply: Partial<Activity> | undefined = this.lastCard()): string[] {
    return cardButtons(reply).map((button) => button.title);
  }

  /** Waits until `predicate` holds (checked on every activity the connector receives). */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    await this.connector.waitFor(predicate, timeoutMs);
  }

  private async turn(input: { text?: string; value?: Record<string, unknown> }, bot = this.bot): Promise<ReceivedActivity[]> {
    const before = this.sent().length;
    this.lastStatus = await postToBot(urlOf(bot), teamsMessage({ serviceUrl: this.connector.serviceUrl, conversationId: this.conversationId, user: this.user, ...input }));
    if (this.lastStatus >= 300) throw new Error(`the bot answered ${this.lastStatus}`);
    return this.sent().slice(before);
  }
}

export function urlOf(bot: BotAddress): string {
  return typeof bot === 'string' ? bot : typeof bot === 'function' ? bot() : bot.url;
}

/** All the text a person reads on `replies`, one reply after another. */
export function texts(replies: Partial<Activity>[]): string {
  return replies.map(visibleText).join('\n---\n');
}

/** The buttons (title and data) on an activity's card. */
export function cardButtons(activity: Partial<Activity> | undefined): CardButton[] {
  const card = activity && (adaptiveCardOf(activity) as { actions?: CardButton[] } | undefined);
  return card?.actions ?? [];
}

/** The newest button titled `label` among `activities`. */
export function findButton(activities: Partial<Activity>[], label: string): CardButton {
  for (const activity of [...activities].reverse()) {
    const button = cardButtons(activity).find((candidate) => candidate.title === label);
    if (button) return button;
  }
  throw new Error(`no button "${label}" in:\n${texts(activities)}`);
}
