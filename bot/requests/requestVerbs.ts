import { MessageFactory, type TurnContext } from 'botbuilder';
import { t } from '../../cards/i18n';
import { Verb } from '../../cards/verbs';
import { cardAction } from '../../dialogs/mainDialog';
import { csvReadyCard } from '../../cards/deskCards';
import { scanForSecrets } from '../secrets';
import type { ChangeOutcome, RequestService } from './requestService';
import { fold } from './requestService';

/** The desk's note from the card's field: trimmed, at most 300 characters, anything like a PIN or T.C. number masked. */
function noteOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  return text ? scanForSecrets(text, true).masked : undefined;
}

/** A desk or staff verb: a card press (by `verb`) or a typed command (by its first words). */
interface VerbEntry {
  verb?: string;
  /** Folded command words; the rest of the message is the argument ("talepler geciken"). */
  words?: string[];
  run(context: TurnContext, data: Record<string, unknown>, rest: string): Promise<void>;
}

/**
 * Every verb of the renewal requests in one place (issue 13): what the help desk does in its
 * channel and what the staff member does in the personal chat. A router only asks `channel()` or
 * `personal()` whether a turn is theirs.
 */
export class RequestVerbs {
  private readonly channelVerbs: VerbEntry[];
  private readonly personalVerbs: VerbEntry[];

  constructor(private readonly service: RequestService, private readonly desk: { isMember(context: TurnContext): boolean; locale: 'tr' | 'en' }) {
    this.channelVerbs = [
      { verb: Verb.requestClaim, run: (context, data) => this.memberOnly(context, () => this.service.claim(String(data.number ?? ''), context.activity.from)) },
      {
        verb: Verb.requestMove,
        run: (context, data) => this.memberOnly(context, () => this.service.move(
          String(data.number ?? ''), String(data.status ?? ''), String(data.from ?? ''), context.activity.from, noteOf(data.note),
        )),
      },
      { words: ['talepler csv', 'talepleri csv', 'requests csv'], run: (context) => this.memberOnly(context, () => this.sendCsv(context)) },
      { words: ['talepler', 'yenileme talepleri', 'requests'], run: (context, _data, rest) => this.memberOnly(context, async () => void (await context.sendActivity(MessageFactory.attachment(await this.service.listCard(rest))))) },
    ];
    this.personalVerbs = [
      { verb: Verb.requestMine, run: (context) => this.service.showMine(context) },
      { words: ['taleplerim', 'taleplerimi goster', 'talebim', 'talebim ne durumda', 'talebimin durumu', 'basvurum ne durumda', 'basvurularim', 'my requests'], run: (context) => this.service.showMine(context) },
      {
        verb: Verb.requestWithdraw,
        run: (context, data) => this.service.onWithdrawPress(context, String(data.number ?? ''), typeof data.confirm === 'boolean' ? data.confirm : undefined),
      },
    ];
  }

  /** A help desk channel message: true when it was a request verb (handled). */
  channel(context: TurnContext): Promise<boolean> {
    return this.dispatch(this.channelVerbs, context);
  }

  /** A personal chat message: true when it was a request verb (handled). */
  personal(context: TurnContext): Promise<boolean> {
    return this.dispatch(this.personalVerbs, context);
  }

  private async dispatch(entries: VerbEntry[], context: TurnContext): Promise<boolean> {
    const action = cardAction(context);
    if (action) {
      const entry = entries.find((candidate) => candidate.verb === action.verb);
      if (!entry) return false;
      await entry.run(context, action, '');
      return true;
    }
    const text = fold((context.activity.text ?? '').replace(/<at>.*?<\/at>/gi, ' '));
    for (const entry of entries) {
      const word = entry.words?.find((candidate) => text === candidate || text.startsWith(`${candidate} `));
      if (word !== undefined) {
        await entry.run(context, {}, text.slice(word.length).trim());
        return true;
      }
    }
    return false;
  }

  /** Only help desk members act on requests; anyone else is refused politely and nothing changes. */
  private async memberOnly(context: TurnContext, run: () => Promise<ChangeOutcome | void>): Promise<void> {
    const locale = this.desk.locale;
    const name = context.activity.from.name ?? '';
    if (!this.desk.isMember(context)) return void (await context.sendActivity(t(locale, 'request.notMember', { name })));
    const outcome = await run();
    if (!outcome || outcome.kind === 'changed') return;
    const request = outcome.request;
    if (outcome.reason === 'unknown' || !request) return void (await context.sendActivity(t(locale, 'request.unknownRequest', { name })));
    if (outcome.reason === 'noteNeeded') {
      const data: Record<string, unknown> = cardAction(context) ?? {};
      return void (await context.sendActivity(t(locale, 'request.noteNeeded', { name, status: this.service.life.label(String(data.status ?? ''), locale) })));
    }
    if (outcome.reason === 'assigned') return void (await context.sendActivity(t(locale, 'request.alreadyAssigned', { name, assignee: request.assignee?.name ?? '' })));
    await this.service.refreshDesk(request);
    await context.sendActivity(t(locale, 'request.changedMeanwhile', { name, status: this.service.life.label(request.status, locale) }));
  }

  private async sendCsv(context: TurnContext): Promise<void> {
    const locale = this.desk.locale;
    const { url, count } = await this.service.csvLink();
    await context.sendActivity(MessageFactory.attachment(csvReadyCard(count, url, locale)));
  }
}
