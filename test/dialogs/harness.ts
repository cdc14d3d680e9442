import { MemoryStorage, TestAdapter, UserState, type Activity, type TurnContext } from 'botbuilder';
import { SnapshotConversationState } from '../../state/conversationState';
import { EimzaBot } from '../../bot/eimzaBot';
import { usePipeline } from '../../bot/pipeline';
import { createRouter } from '../../bot/router';
import { conversationShape } from '../../state/conversationShape';
import { createLogger } from '../../bot/logger';
import { guidedPaths } from '../../bot/app';
import { MainDialog } from '../../dialogs/mainDialog';
import { loadPolicy, type Policy } from '../../domain/policy';
import { addDays } from '../../domain/dates';
import { RequestService } from '../../bot/requests';
import { MemoryRequestStore } from '../../state/memoryRequestStore';
import { ProactiveMessenger } from '../../bot/proactive';
import { TurnOutbox } from '../../bot/turnOutbox';
import { WorkingHours } from '../../bot/handoff/workingHours';
import { ExpiryRoster } from '../../state/expiryRoster';
import { adaptiveCardOf, visibleText } from '../support/fakeConnector';
import { trainRecognizer, type Recognizer } from '../../bot/nlu';

let sharedRecognizer: Recognizer | undefined;

/** TestAdapter that also remembers every in-place card update. */
class RecordingAdapter extends TestAdapter {
  readonly updates: Partial<Activity>[] = [];
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.updates.push(activity);
    await super.updateActivity(context, activity);
  }
}

interface CardAction { title: string; data: Record<string, unknown> }

/**
 * Drives the whole bot (main dialog and every path) through botbuilder's TestAdapter, the way a
 * user would: typing, pressing a card's buttons, submitting a date. `today` is an Istanbul date.
 */
export class DialogHarness {
  readonly policy: Policy;
  readonly adapter: RecordingAdapter;
  readonly renewals: RequestService;
  readonly roster: ExpiryRoster;
  /** Every reply of the conversation so far, in order. */
  readonly transcript: Partial<Activity>[] = [];
  readonly today: string;

  constructor(options: { today?: string; now?: Date; locale?: string; recognizer?: Recognizer } = {}) {
    this.today = options.today ?? '2026-11-21';
    const now = options.now ?? new Date(`${this.today}T10:00:00+03:00`);
    this.policy = loadPolicy();
    const storage = new MemoryStorage();
    this.roster = new ExpiryRoster();
    // No help desk channel here: the request is recorded and numbered, nothing is sent proactively.
    const outbox = new TurnOutbox();
    this.renewals = new RequestService({
      store: new MemoryRequestStore(), policy: this.policy, roster: this.roster, messenger: new ProactiveMessenger(undefined as never, ''), outbox,
      hours: new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' }), log: createLogger('silent'), now: () => now,
      deskLocale: 'tr', desk: async () => undefined, isMember: () => false, publicUrl: () => 'http://localhost:3978',
      linkTtlSeconds: 86_400, numberPrefix: 'EI',
    });
    const services = { policy: this.policy, now: () => now, renewals: this.renewals, roster: this.roster };
    const conversationState = new SnapshotConversationState(storage);
    const shape = conversationShape(conversationState);
    // The app's router and pipeline, without a help desk, requests verbs, pings or agents.
    const paths = guidedPaths(services);
    const router = createRouter(paths, {});
    const bot = new EimzaBot(shape, router, new MainDialog(paths, router.registry, options.recognizer ?? (sharedRecognizer ??= trainRecognizer()), this.policy.otherSystems.names));
    this.adapter = new RecordingAdapter((context) => bot.run(context));
    usePipeline(this.adapter, { conversationState, userState: new UserState(storage), shape, defaultLocale: 'tr-TR', log: createLogger('silent'), outbox });
    this.adapter.locale = options.locale ?? 'tr-TR';
  }

  /** Sends a message; returns this turn's replies. */
  async say(text: string): Promise<Partial<Activity>[]> {
    return this.turn({ text });
  }

  /**
   * Presses the button titled `label` on the newest card that has one, or sends `data` as a
   * button press (as TeamsChat.press does over HTTP).
   */
  async press(button: string | Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.turn({ value: typeof button === 'string' ? this.findButton(button).data : button });
  }

  /** Sends a press with this data, as a client (or an old or mangled card) might. */
  async pressData(data: Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.turn({ value: data });
  }

  /** Presses `label` on `card`, an earlier reply, as it was sent (a stale press, if it was answered since). */
  async pressOld(label: string, card: Partial<Activity>): Promise<Partial<Activity>[]> {
    return this.turn({ value: this.findButton(label, [card]).data });
  }

  /** Fills the newest card's date input and presses its button. */
  async submitDate(date: string): Promise<Partial<Activity>[]> {
    const card = [...this.transcript].reverse().map(adaptiveCardOf).find((content) => JSON.stringify(content ?? {}).includes('Input.Date'));
    if (!card) throw new Error('no card with a date input');
    const action = (card.actions as CardAction[])[0];
    return this.turn({ value: { ...action.data, date } });
  }

  /** The newest card the user has been shown (as updated in place since), as TeamsChat.lastCard. */
  lastCard(): Partial<Activity> | undefined {
    return [...this.transcript].reverse().find((reply) => adaptiveCardOf(reply) !== undefined);
  }

  /** An ISO date `days` from today. */
  inDays(days: number): string {
    return addDays(this.today, days);
  }

  /** Everything the user has read so far (or in `replies`), as one string. */
  text(replies: Partial<Activity>[] = this.transcript): string {
    return replies.map(visibleText).join('\n');
  }

  /** Titles of the buttons on a reply. */
  buttons(reply: Partial<Activity>): string[] {
    return ((adaptiveCardOf(reply)?.actions ?? []) as CardAction[]).map((action) => action.title);
  }

  private findButton(label: string, replies = this.transcript): CardAction {
    for (const reply of [...replies].reverse()) {
      const action = ((adaptiveCardOf(reply)?.actions ?? []) as CardAction[]).find((candidate) => candidate.title === label);
      if (action) return action;
    }
    throw new Error(`no button "${label}" in:\n${this.text(replies)}`);
  }

  private async turn(input: { text?: string; value?: Record<string, unknown> }): Promise<Partial<Activity>[]> {
    const activity: Partial<Activity> = { type: 'message', text: input.text ?? '', value: input.value, locale: this.adapter.locale };
    const updatesBefore = this.adapter.updates.length;
    await this.adapter.processActivity(activity);
    const replies = this.adapter.activeQueue.splice(0);
    const updated = this.adapter.updates.slice(updatesBefore);
    // A card updated in place is what the user now reads where that card stood.
    for (const update of updated) {
      const index = this.transcript.findIndex((reply) => reply.id === update.id);
      if (index >= 0) this.transcript[index] = { ...this.transcript[index], ...update };
    }
    this.transcript.push(...replies);
    return [...updated, ...replies];
  }
}
