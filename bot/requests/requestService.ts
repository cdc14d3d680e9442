import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MessageFactory, TeamsInfo, TurnContext, type Activity, type ChannelAccount, type ConversationReference } from 'botbuilder';
import { localeOf, t, wordsOf, type Locale } from '../../cards/i18n';
import { formatDate, istanbulDate } from '../../domain/dates';
import { labelOf, textIn, type Policy } from '../../domain/policy';
import { userOf } from '../../domain/people';
import type { Recorded, RenewalDraft, RenewalRecorder } from '../../domain/renewals';
import type { ExpiryRoster } from '../../state/expiryRoster';
import {
  NUMBER_PLACEHOLDER, type OpenFilter, type RenewalRequest, type RequestActor, type RequestChange, type RequestStore,
} from '../../state/requestStore';
import type { Logger } from '../logger';
import { foldWords } from '../nlu/normalize';
import type { ProactiveMessenger } from '../proactive';
import type { WorkingHours } from '../handoff/workingHours';
import { deskCard, expirySourceText, listCard, payerText, suspensionCheckText } from '../../cards/deskCards';
import { LifeCycle } from './lifeCycle';
import { toCsv } from './requestCsv';
import type { TurnOutbox } from '../turnOutbox';
import { LATE_FORM_PATH, renderForm, type FormTemplate } from './requestForm';
import { alreadyOpenCard, formCard, mineCard, requestNumberCard, statusNoticeCard, withdrawQuestionCard, type NoticeContext } from '../../cards/requestCards';

export interface RequestServiceOptions {
  store: RequestStore;
  policy: Policy;
  roster: ExpiryRoster;
  messenger: ProactiveMessenger;
  /** The request's number and form link go out after the path's own answer. */
  outbox: TurnOutbox;
  hours: WorkingHours;
  log: Logger;
  now: () => Date;
  deskLocale: Locale;
  /** The help desk channel (set with "yardım masası burası"), shared with the handoff. */
  desk: () => Promise<Partial<ConversationReference> | undefined>;
  isMember: (account: ChannelAccount) => boolean;
  /** Where the bot is reached from outside, for the form and CSV links (known once it listens). */
  publicUrl: () => string;
  /** How long a form or CSV link works. */
  linkTtlSeconds: number;
  /** Request numbers start with this ("EI" → EI-2026-0042). */
  numberPrefix: string;
  /** What the person's paired agent last reported, in words for the desk. */
  cardReport?: (userId: string) => Promise<string | undefined>;
}

export type ChangeOutcome =
  | { kind: 'changed'; request: RenewalRequest }
  | { kind: 'refused'; reason: 'unknown' | 'stale' | 'notAllowed' | 'assigned' | 'notYours' | 'noteNeeded'; request?: RenewalRequest };

const CAS_ATTEMPTS = 8;
const SWEEP_LEASE_MS = 60_000;
const SWEEP_BATCH = 20;
const LIST_SHOWN = 15;
/** The marker a CSV download token stands for (request numbers never look like this). */
const CSV_TOKEN = 'csv:open';
const CSV_LINK_MAX_SECONDS = 3600;

/**
 * A renewal request's whole life: recorded from the paths (one open per person), posted
 * to the help desk channel as a card, taken and moved through the policy's statuses by desk members
 * (each change a compare-and-set on the request's version, so instances never lose a change), the
 * requester told at each step, withdrawn by them, listed and exported for Kamu SM, and announced
 * again when it waits too long.
 */
export class RequestService implements RenewalRecorder {
  readonly life: LifeCycle;
  private readonly form: FormTemplate;

  constructor(private readonly options: RequestServiceOptions) {
    this.life = new LifeCycle(options.policy);
    this.form = JSON.parse(readFileSync(LATE_FORM_PATH, 'utf8')) as FormTemplate;
  }

  /**
   * Called by the paths: records the request (or shows the open one, updating its reason), posts it
   * to the desk, and tells the user its number (and, when late, hands them the form).
   */
  async add(draft: RenewalDraft, now: Date, context: TurnContext): Promise<Recorded> {
    const { store, roster } = this.options;
    const locale = localeOf(context);
    const who = userOf(context);
    const known = await roster.get(who.userId).catch(() => undefined);
    const sameCertificate = known && draft.expiry && known.expiry === draft.expiry;
    const status = this.life.initial(draft.late, draft.payer);
    const at = now.toISOString();
    const requestDraft: RenewalRequest = {
      number: NUMBER_PLACEHOLDER,
      requester: {
        userId: who.userId, teamsId: context.activity.from.id, name: who.userName, conversationId: who.conversationId,
        upn: await this.upnOf(context),
        ref: TurnContext.getConversationReference(context.activity), locale,
      },
      ...draft,
      expirySource: draft.expiry ? (sameCertificate ? known.source : 'typed') : undefined,
      serial: sameCertificate ? known.serial : undefined,
      status, history: [{ at, by: { kind: 'user', name: who.userName }, to: status }],
      createdAt: at, updatedAt: at, statusSince: at, dueAt: this.dueAt(status, now), version: 1,
    };
    const { request, created } = await store.create(requestDraft, this.options.numberPrefix, Number(istanbulDate(now).slice(0, 4)));
    if (!created) return { request: await this.showOpen(context, request, draft), created: false };
    this.options.log.info({ number: request.number, status, late: request.late }, 'renewal request recorded');
    const posted = await this.postToDesk(request);
    await this.options.outbox.afterAnswer(context, MessageFactory.attachment(requestNumberCard(request, locale)));
    if (request.late) await this.options.outbox.afterAnswer(context, await this.formMessage(context, posted));
    return { request: posted, created: true };
  }

  async forUser(userId: string): Promise<RenewalRequest[]> {
    return this.options.store.forUser(userId, 20);
  }

  async openFor(userId: string): Promise<RenewalRequest | undefined> {
    return this.options.store.openFor(userId);
  }

  /** "Üstlen" on the desk card. */
  async claim(number: string, by: ChannelAccount): Promise<ChangeOutcome> {
    const actor = deskActor(by);
    return this.change(number, (current) => {
      if (!this.life.isOpen(current.status)) return 'notAllowed';
      if (current.assignee) return current.assignee.aadObjectId === actor.aadObjectId ? 'stale' : 'assigned';
      return { ...current, assignee: actor };
    }, async (request) => {
      await this.refreshDesk(request);
      await this.toThread(request, t(this.options.deskLocale, 'request.deskClaimNote', { name: actor.name }));
    });
  }

  /**
   * A status button on the desk card, pressed while the card showed `from`: when two members press
   * at once, the first change wins and the second finds the request no longer in `from`.
   */
  async move(number: string, to: string, from: string, by: ChannelAccount, note?: string): Promise<ChangeOutcome> {
    const actor = deskActor(by);
    return this.change(number, (current) => {
      if (current.status !== from) return 'stale';
      if (!this.life.mayFollow(current.status, to)) return 'notAllowed';
      if (this.life.status(to)?.noteRequired && !note) return 'noteNeeded';
      return this.withStatus(current, to, actor, note);
    }, (request) => this.announce(request, actor));
  }

  /** The requester withdraws their open request. */
  async withdraw(number: string, userId: string, userName: string): Promise<ChangeOutcome> {
    const actor: RequestActor = { kind: 'user', name: userName };
    const to = this.life.withdrawTo;
    return this.change(number, (current) => {
      if (current.requester.userId !== userId) return 'notYours';
      if (!this.life.mayFollow(current.status, to)) return 'notAllowed';
      return this.withStatus(current, to, actor, t(this.options.deskLocale, 'request.withdrawnByUser'));
    }, async (request) => {
      await this.refreshDesk(request);
      await this.toThread(request, t(this.options.deskLocale, 'request.deskWithdrawn', { name: userName }));
    });
  }

  /** Open requests for "talepler", as a card; `filterText` is what follows the command ("geciken", "bu ay", a status). */
  async listCard(filterText: string): Promise<ReturnType<typeof listCard>> {
    const locale = this.options.deskLocale;
    const now = this.options.now();
    const { filter, label } = this.parseFilter(filterText, now);
    const page = await this.options.store.listOpen(filter, LIST_SHOWN);
    const rows = page.requests.map((request) => t(locale, 'request.listRow', {
      number: request.number, name: request.requester.name, status: this.life.label(request.status, locale),
      age: [this.age(request, now), request.assignee ? t(locale, 'request.listAssigned', { assignee: request.assignee.name }) : t(locale, 'request.listUnassigned')].join(' · '),
    }));
    const title = label ? t(locale, 'request.listTitleFiltered', { filter: label, count: page.total }) : t(locale, 'request.listTitle', { count: page.total });
    const footer = [...(page.total > rows.length ? [t(locale, 'request.listMore', { shown: rows.length })] : []), t(locale, 'request.listHelp')];
    return listCard(title, rows, footer, locale);
  }

  /** Every open request as CSV rows for the Kamu SM application (UTF-8 with BOM). */
  async csv(): Promise<{ text: string; count: number }> {
    const locale = this.options.deskLocale;
    const { policy } = this.options;
    const { requests } = await this.options.store.listOpen({});
    const rows = requests.map((request) => [
      request.number, request.requester.name, request.requester.upn ?? '', request.requester.unit ?? '',
      labelOf(policy.reasons, request.reason, locale), request.role ? labelOf(policy.roles, request.role, locale) : '',
      payerText(request, locale), request.feeSource,
      t(locale, request.late ? 'common.yes' : 'common.no'), request.expiry ? formatDate(request.expiry) : '',
      request.expiry ? expirySourceText(request, locale) : '',
      request.serial ?? '', this.life.label(request.status, locale), request.assignee?.name ?? '', formatDate(istanbulDate(new Date(request.createdAt))),
    ]);
    return { text: toCsv(t(locale, 'request.csvHeader'), rows), count: rows.length };
  }

  /** A link to download the open requests as CSV. */
  async csvLink(): Promise<{ url: string; count: number }> {
    const { total } = await this.options.store.listOpen({}, 0);
    // The export carries names of many people: its link lives an hour at most.
    return { url: await this.link('exports', CSV_TOKEN, Math.min(this.options.linkTtlSeconds, CSV_LINK_MAX_SECONDS)), count: total };
  }

  /** What a download token opens: the form PDF of a request, or the CSV; undefined (404) when wrong or expired. */
  async download(kind: 'forms' | 'exports', token: string): Promise<{ body: Uint8Array | string; type: string; name: string } | undefined> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
    const target = await this.options.store.numberForToken(token, this.options.now());
    if (!target) return undefined;
    if (kind === 'exports') {
      if (target !== CSV_TOKEN) return undefined;
      return { body: (await this.csv()).text, type: 'text/csv; charset=utf-8', name: 'talepler.csv' };
    }
    if (target === CSV_TOKEN) return undefined;
    const request = await this.options.store.get(target);
    if (!request) return undefined;
    return { body: await this.formPdf(request), type: 'application/pdf', name: `${request.number}.pdf` };
  }

  async formPdf(request: RenewalRequest): Promise<Uint8Array> {
    const locale: Locale = 'tr';
    const { policy } = this.options;
    return renderForm(this.form, {
      institution: textIn(policy.institution.itDepartment, locale),
      number: request.number, name: request.requester.name, unit: request.requester.unit ?? '',
      role: request.role ? labelOf(policy.roles, request.role, locale) : '', reason: labelOf(policy.reasons, request.reason, locale),
      expiry: request.expiry ? formatDate(request.expiry) : '',
      payer: payerText(request, locale),
      date: formatDate(istanbulDate(this.options.now())),
    });
  }

  /** "taleplerim" in the personal chat. */
  async showMine(context: TurnContext): Promise<void> {
    const locale = localeOf(context);
    const requests = await this.forUser(userOf(context).userId);
    await context.sendActivity(MessageFactory.attachment(mineCard(requests, this.noticeContext(), locale)));
    const lateOpen = requests.find((request) => request.late && this.life.isOpen(request.status));
    if (lateOpen) await context.sendActivity(await this.formMessage(context, lateOpen));
  }

  /** "Talebi geri al" and its confirmation. */
  async onWithdrawPress(context: TurnContext, number: string, confirm: boolean | undefined): Promise<void> {
    const locale = localeOf(context);
    const who = userOf(context);
    const request = await this.options.store.get(number);
    if (!request || request.requester.userId !== who.userId) return void (await context.sendActivity(t(locale, 'staleAction.body')));
    if (!this.life.mayFollow(request.status, this.life.withdrawTo)) {
      return void (await context.sendActivity(t(locale, 'request.withdrawTooLate', { status: this.life.label(request.status, locale) })));
    }
    if (confirm === undefined) return void (await context.sendActivity(MessageFactory.attachment(withdrawQuestionCard(request, locale))));
    if (!confirm) return void (await context.sendActivity(t(locale, 'request.withdrawKept')));
    const outcome = await this.withdraw(number, who.userId, who.userName);
    if (outcome.kind === 'changed') await context.sendActivity(t(locale, 'request.withdrawn', { number }));
    else await context.sendActivity(t(locale, 'request.withdrawTooLate', { status: this.life.label(outcome.request?.status ?? request.status, locale) }));
  }

  /** The timer: a request that stays in a status past its limit is announced again in the channel, in working hours. */
  async sweep(): Promise<number> {
    const now = this.options.now();
    const due = await this.options.store.takeDue(now, SWEEP_LEASE_MS, SWEEP_BATCH);
    for (const number of due) {
      try {
        await this.remindDesk(number, now);
      } catch (error) {
        this.options.log.error({ number, err: { message: (error as Error).message } }, 'renewal request reminder failed');
      }
    }
    return due.length;
  }

  /** The person's e-mail / UPN from Teams (for the Kamu SM list); undefined when Teams does not say. */
  private async upnOf(context: TurnContext): Promise<string | undefined> {
    const member = await TeamsInfo.getMember(context, context.activity.from.id).catch(() => undefined);
    return member?.userPrincipalName || member?.email || undefined;
  }

  /** Open requests recorded while no desk channel was set get their cards now, oldest first (at most `limit`; "talepler" lists all). */
  async postUnposted(limit = 20): Promise<number> {
    const { requests } = await this.options.store.listOpen({});
    const waiting = requests.filter((request) => !request.desk).reverse().slice(0, limit);
    for (const request of waiting) await this.postToDesk(request);
    return waiting.length;
  }

  /** Facts about a person's open request for the handoff ticket card ("EI-2026-0042 · Kamu SM'ye başvuruldu"). */
  async summaryFor(userId: string): Promise<string | undefined> {
    const request = await this.options.store.openFor(userId).catch(() => undefined);
    if (!request) return undefined;
    const locale = this.options.deskLocale;
    const check = request.suspensionCheck ? [suspensionCheckText(request.suspensionCheck, locale)] : [];
    return [request.number, this.life.label(request.status, locale), labelOf(this.options.policy.reasons, request.reason, locale), ...check].join(' · ');
  }

  private async remindDesk(number: string, now: Date): Promise<void> {
    const { hours, deskLocale } = this.options;
    const request = await this.options.store.get(number);
    if (!request?.dueAt || !this.life.isOpen(request.status) || Date.parse(request.dueAt) > now.getTime()) return;
    let next: Date;
    if (!hours.isOpen(now)) {
      next = hours.nextOpening(now) ?? hours.addWorkingDays(now, 1);
    } else {
      const days = hours.workingDaysBetween(new Date(request.statusSince), now);
      const card = MessageFactory.text(t(deskLocale, 'request.reannounce', {
        number: request.number, name: request.requester.name, days, status: this.life.label(request.status, deskLocale),
      }));
      const desk = request.desk?.threadRef ?? (await this.options.desk());
      if (desk) await this.options.messenger.send(desk, card);
      next = hours.addWorkingDays(now, 1);
    }
    await this.change(number, (current) => (current.status === request.status ? { ...current, dueAt: next.toISOString() } : 'stale'), async () => {});
  }

  private async showOpen(context: TurnContext, open: RenewalRequest, draft: RenewalDraft): Promise<RenewalRequest> {
    const locale = localeOf(context);
    let request = open;
    let reasonUpdate: string | undefined;
    const reasonChanged = draft.reason !== open.reason;
    if (reasonChanged || draft.suspensionCheck) {
      const outcome = await this.change(open.number, (current) => ({
        ...current, reason: draft.reason, role: draft.role ?? current.role, payer: draft.payer, feeSource: draft.feeSource,
        suspensionCheck: draft.suspensionCheck ?? current.suspensionCheck,
      }), (changed) => this.refreshDesk(changed));
      if (outcome.kind === 'changed') {
        request = outcome.request;
        if (reasonChanged) reasonUpdate = labelOf(this.options.policy.reasons, draft.reason, locale);
      }
    }
    await this.options.outbox.afterAnswer(context, MessageFactory.attachment(alreadyOpenCard(request, this.life, locale, reasonUpdate)));
    return request;
  }

  /**
   * Applies `attempt` to the stored request with compare-and-set, retrying when another instance
   * wrote first (the attempt sees the newer request and may refuse); `after` runs once it is saved.
   */
  private async change(
    number: string, attempt: (current: RenewalRequest) => RenewalRequest | Exclude<ChangeOutcome & { kind: 'refused' }, never>['reason'],
    after: (request: RenewalRequest) => Promise<void>,
  ): Promise<ChangeOutcome> {
    for (let round = 0; round < CAS_ATTEMPTS; round++) {
      const current = await this.options.store.get(number);
      if (!current) return { kind: 'refused', reason: 'unknown' };
      const result = attempt(current);
      if (typeof result === 'string') return { kind: 'refused', reason: result, request: current };
      const next = { ...result, version: current.version + 1, updatedAt: this.options.now().toISOString() };
      if (await this.options.store.replace(next, this.life.isOpen(next.status))) {
        await after(next).catch((error) => this.options.log.error({ number, err: { message: (error as Error).message } }, 'renewal request: telling about a change failed'));
        return { kind: 'changed', request: next };
      }
    }
    return { kind: 'refused', reason: 'stale', request: await this.options.store.get(number) };
  }

  private withStatus(current: RenewalRequest, to: string, by: RequestActor, note?: string): RenewalRequest {
    const now = this.options.now();
    const change: RequestChange = { at: now.toISOString(), by, from: current.status, to, ...(note ? { note } : {}) };
    return {
      ...current, status: to, statusSince: change.at, dueAt: this.dueAt(to, now),
      assignee: current.assignee ?? (by.kind === 'desk' ? by : undefined),
      history: [...current.history, change],
    };
  }

  /** After a desk change: the card in place, a line in the thread, and the requester told. */
  private async announce(request: RenewalRequest, actor: RequestActor): Promise<void> {
    const change = request.history[request.history.length - 1];
    const deskLocale = this.options.deskLocale;
    await this.refreshDesk(request);
    await this.toThread(request, t(deskLocale, 'request.deskChangeNote', {
      name: actor.name, from: this.life.label(change.from ?? '', deskLocale), to: this.life.label(change.to, deskLocale),
    }));
    await this.options.messenger.send(request.requester.ref, MessageFactory.attachment(statusNoticeCard(request, change, this.noticeContext())));
  }

  private async postToDesk(request: RenewalRequest): Promise<RenewalRequest> {
    const desk = await this.options.desk();
    if (!desk?.conversation) return request;
    try {
      const [cardActivityId] = await this.options.messenger.send(desk, MessageFactory.attachment(await this.deskCard(request)));
      if (!cardActivityId) return request;
      const threadRef = { ...desk, conversation: { ...desk.conversation, id: `${desk.conversation.id};messageid=${cardActivityId}` } };
      const outcome = await this.change(request.number, (current) => ({ ...current, desk: { threadRef, cardActivityId } }), async () => {});
      return outcome.kind === 'changed' ? outcome.request : request;
    } catch (error) {
      this.options.log.error({ number: request.number, err: { message: (error as Error).message } }, 'could not post the renewal request to the help desk channel');
      return request;
    }
  }

  async refreshDesk(request: RenewalRequest): Promise<void> {
    if (!request.desk) return;
    await this.options.messenger.update(request.desk.threadRef, request.desk.cardActivityId, MessageFactory.attachment(await this.deskCard(request)));
  }

  private async toThread(request: RenewalRequest, text: string): Promise<void> {
    if (request.desk) await this.options.messenger.send(request.desk.threadRef, MessageFactory.text(text));
  }

  private async deskCard(request: RenewalRequest) {
    const cardReport = await this.options.cardReport?.(request.requester.userId).catch(() => undefined);
    return deskCard(request, { policy: this.options.policy, life: this.life, hours: this.options.hours, now: this.options.now(), locale: this.options.deskLocale, cardReport });
  }

  private async formMessage(context: TurnContext, request: RenewalRequest): Promise<Partial<Activity>> {
    const url = await this.link('forms', request.number);
    return MessageFactory.attachment(formCard(url, Math.max(1, Math.round(this.options.linkTtlSeconds / 86_400)), localeOf(context)));
  }

  private async link(kind: 'forms' | 'exports', target: string, linkTtlSeconds = this.options.linkTtlSeconds): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.options.store.saveToken(token, target, new Date(this.options.now().getTime() + linkTtlSeconds * 1000), linkTtlSeconds);
    return `${this.options.publicUrl().replace(/\/$/, '')}/${kind}/${token}`;
  }

  private dueAt(status: string, now: Date): string | undefined {
    const days = this.life.status(status)?.lateAfterWorkingDays;
    return days && this.life.isOpen(status) ? this.options.hours.addWorkingDays(now, days).toISOString() : undefined;
  }

  private age(request: RenewalRequest, now: Date): string {
    const days = this.options.hours.workingDaysBetween(new Date(request.statusSince), now);
    return days ? t(this.options.deskLocale, 'request.since', { days }) : t(this.options.deskLocale, 'request.sinceToday');
  }

  private parseFilter(text: string, now: Date): { filter: OpenFilter; label?: string } {
    const locale = this.options.deskLocale;
    if (!text) return { filter: {} };
    if (LATE_WORDS.includes(text)) return { filter: { dueBefore: now }, label: t(locale, 'request.filterLate') };
    if (THIS_MONTH_WORDS.some((words) => text === words || text.startsWith(`${words} `))) {
      const month = istanbulDate(now).slice(0, 7);
      const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      return { filter: { expiryFrom: `${month}-01`, expiryTo: lastDay }, label: t(locale, 'request.filterThisMonth') };
    }
    const status = this.life.statuses.find((candidate) => [candidate.id, candidate.tr, candidate.en].some((name) => foldWords(name) === text || foldWords(name).startsWith(text)));
    return status ? { filter: { status: status.id }, label: status[locale] } : { filter: {} };
  }

  private noticeContext(): NoticeContext {
    return { policy: this.options.policy, life: this.life, hours: (locale) => this.options.hours.describe(locale), today: istanbulDate(this.options.now()) };
  }
}

/** The filters' words ("talepler geciken", "talepler bu ay süresi dolanlar"), folded like the text they are matched against. */
const LATE_WORDS = wordsOf('words.late').map(foldWords);
const THIS_MONTH_WORDS = wordsOf('words.thisMonth').map(foldWords);

function deskActor(account: ChannelAccount): RequestActor {
  return { kind: 'desk', name: account.name ?? '', id: account.id, aadObjectId: account.aadObjectId?.toLowerCase() };
}

