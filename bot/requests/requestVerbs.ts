import { MessageFactory, type TurnContext } from 'botbuilder';
import { t } from '../../cards/i18n';
import { Verb } from '../../cards/verbs';
import { z } from 'zod';
import { turnEntry, type RouteEntry } from '../router/registry';
import { csvReadyCard } from '../../cards/deskCards';
import { scanForSecrets } from '../secrets';
import type { ChangeOutcome, RequestService } from './requestService';

/** The desk's note from the card's field: trimmed, at most 300 characters, anything like a PIN or T.C. number masked. */
function noteOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, 300) : '';
  return text ? scanForSecrets(text, true).masked : undefined;
}

const nothing = z.object({});
const numbered = z.object({ number: z.string() });

/**
 * Every entry of the renewal requests: what the help desk does in its channel and what
 * the staff member does in the personal chat. Typed commands take an argument ("talepler geciken").
 */
export function requestEntries(service: RequestService, desk: { isMember(context: TurnContext): boolean; locale: 'tr' | 'en' }): RouteEntry[] {
  const verbs = new RequestVerbs(service, desk);
  return [
    turnEntry({ verb: Verb.requestClaim, payload: numbered, where: ['channel'], run: (context, { number }) => verbs.memberOnly(context, () => service.claim(number, context.activity.from)) }),
    turnEntry({
      verb: Verb.requestMove, payload: numbered.extend({ from: z.string(), status: z.string(), note: z.unknown().optional() }), where: ['channel'],
      run: (context, { number, status, from, note }) => verbs.memberOnly(context, () => service.move(number, status, from, context.activity.from, noteOf(note)), status),
    }),
    turnEntry({ words: 'words.requestsCsv', takesRest: true, payload: nothing, where: ['channel'], run: (context) => verbs.memberOnly(context, () => verbs.sendCsv(context)) }),
    turnEntry({
      words: 'words.requests', takesRest: true, payload: nothing, where: ['channel'],
      run: (context, _payload, { rest }) => verbs.memberOnly(context, async () => void (await context.sendActivity(MessageFactory.attachment(await service.listCard(rest))))),
    }),
    turnEntry({ verb: Verb.requestMine, words: 'words.myRequests', takesRest: true, payload: nothing, where: ['personal'], run: (context) => service.showMine(context) }),
    turnEntry({
      verb: Verb.requestWithdraw, payload: numbered.extend({ confirm: z.boolean().optional() }), where: ['personal'],
      run: (context, { number, confirm }) => service.onWithdrawPress(context, number, confirm),
    }),
  ];
}

/** The desk side's shared answers: members only, and what a refused change says. */
class RequestVerbs {
  constructor(private readonly service: RequestService, private readonly desk: { isMember(context: TurnContext): boolean; locale: 'tr' | 'en' }) {}

  /** Only help desk members act on requests; anyone else is refused politely and nothing changes. */
  async memberOnly(context: TurnContext, run: () => Promise<ChangeOutcome | void>, status = ''): Promise<void> {
    const locale = this.desk.locale;
    const name = context.activity.from.name ?? '';
    if (!this.desk.isMember(context)) return void (await context.sendActivity(t(locale, 'request.notMember', { name })));
    const outcome = await run();
    if (!outcome || outcome.kind === 'changed') return;
    const request = outcome.request;
    if (outcome.reason === 'unknown' || !request) return void (await context.sendActivity(t(locale, 'request.unknownRequest', { name })));
    if (outcome.reason === 'noteNeeded') {
      return void (await context.sendActivity(t(locale, 'request.noteNeeded', { name, status: this.service.life.label(status, locale) })));
    }
    if (outcome.reason === 'assigned') return void (await context.sendActivity(t(locale, 'request.alreadyAssigned', { name, assignee: request.assignee?.name ?? '' })));
    await this.service.refreshDesk(request);
    await context.sendActivity(t(locale, 'request.changedMeanwhile', { name, status: this.service.life.label(request.status, locale) }));
  }

  async sendCsv(context: TurnContext): Promise<void> {
    const locale = this.desk.locale;
    const { url, count } = await this.service.csvLink();
    await context.sendActivity(MessageFactory.attachment(csvReadyCard(count, url, locale)));
  }
}
