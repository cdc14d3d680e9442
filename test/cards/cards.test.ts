import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attachment } from 'botbuilder';
import { actionsOf, parseWithOfficialLibrary, TEAMS_MAX_ACTIONS } from '../support/cardCheck';
import * as common from '../../cards/common';
import { dateQuestionCard, messageCard, requestDeskCard, plainText, type MessageCardModel } from '../../cards/index';
import { keysOf, t, type Locale, type StringKey } from '../../cards/i18n';
import { Verb } from '../../cards/verbs';
import { newCardRulesCard } from '../../cards/closingCards';
import { feeDecision, loadPolicy, policyText } from '../../domain/policy';
import { cardStatusCard, devicesCard, newCardInReaderCard, noReportCard, pairingCodeCard, pairingPausedCard, unpairAnswerCard } from '../../cards/agentCards';
import { appliedAnswerCard, pingCard, snoozeAnswerCard, snoozeTooLateCard } from '../../cards/reminderCards';
import { claimedCard, deskClaimedCard, noDeskCard, openTicketsCard, queuedCard, reannounceCard, satisfactionCard, ticketCard } from '../../cards/handoffCards';
import { csvReadyCard, deskCard, listCard } from '../../cards/deskCards';
import * as pathCards from '../../cards/pathCards';
import { answeredCard, questionCard } from '../../cards/promptCards';
import { alreadyOpenCard, formCard, mineCard, requestNumberCard, statusNoticeCard, withdrawQuestionCard, type NoticeContext } from '../../cards/requestCards';
import { LifeCycle } from '../../bot/requests/lifeCycle';
import { WorkingHours } from '../../bot/handoff/workingHours';
import type { Ticket } from '../../state/handoffStore';
import type { RenewalRequest } from '../../state/requestStore';
import { CKF_USER_PIN_LOCKED } from '../../paired-agent/pin-state';
import { fixtureReport } from '../agentLink/support';

const POLICY = loadPolicy();
import tr from '../../cards/strings/tr.json';
import en from '../../cards/strings/en.json';

const LOCALES: Locale[] = ['tr', 'en'];

const LIFE = new LifeCycle(POLICY);
const HOURS = new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' });
const AT = '2026-03-10T07:00:00.000Z';
const TICKET: Ticket = {
  id: 'T-ABC234', status: 'waiting', user: { id: '29:1', name: 'Ayşe Yılmaz' }, userConversationId: 'a:1', userRef: {}, locale: 'tr',
  path: "Yeni kartın PIN'i", step: 'Adım 5/8 · Güvenlik sözcüğü', createdAt: AT, lastActivityAt: AT, outsideHours: false,
};
const REQUEST: RenewalRequest = {
  number: 'EI-2026-0042',
  requester: { userId: 'u1', teamsId: '29:u1', name: 'Ayşe Yılmaz', conversationId: 'a:1', ref: {}, locale: 'tr' },
  reason: 'normalExpiry', role: 'administrative', payer: 'institution', feeSource: 'F2', late: false, expiry: '2026-03-20', expirySource: 'agent', serial: '1A2B',
  status: 'received', history: [{ at: AT, by: { kind: 'user', name: 'Ayşe Yılmaz' }, to: 'received' }],
  createdAt: AT, updatedAt: AT, statusSince: AT, version: 1,
};
const NOTICE: NoticeContext = { policy: POLICY, life: LIFE, hours: (locale) => HOURS.describe(locale), today: '2026-03-10' };
/** Eight paired PCs: more than Teams' six buttons. */
const EIGHT_PCS = Array.from({ length: 8 }, (_, index) => ({ deviceId: `d${index}`, deviceName: `PC-${index}`, pairedAt: `2026-11-0${index + 1}T10:00:00Z`, online: index % 2 === 0 }));

/** One row per card the bot can send: a name and how to build it with representative data. */
interface CardRow {
  name: string;
  build: (locale: Locale) => Attachment;
}

const fullMessage = (locale: Locale): MessageCardModel => ({
  title: t(locale, 'menu.title'),
  progress: 'Adım 3/8',
  warning: t(locale, 'secretGuard.advice'),
  paragraphs: [t(locale, 'welcome.body'), t(locale, 'welcome.howTo')],
  steps: ['1. Kartı okuyucuya takın', '2. "PIN Değiştir"e basın'],
  facts: [{ label: 'Ücret', value: '210 TL' }, { label: 'Son tarih', value: '21.11.2026' }],
  note: t(locale, 'welcome.privacy'),
  answer: t(locale, 'common.yes'),
  buttons: [{ label: t(locale, 'common.yes'), data: { verb: Verb.answer, promptId: 'p1', choice: 'yes' } }],
});

/** Builders of cards/common.ts take only the locale: every one of them is a row. */
const commonRows: CardRow[] = Object.entries(common)
  .filter(([name, value]) => name.endsWith('Card') && typeof value === 'function')
  .map(([name, build]) => ({ name: `common.${name}`, build: build as (locale: Locale) => Attachment }));

/** Builders that need a model: add a row here when you add a builder to cards/. */
const modelRows: CardRow[] = [
  { name: 'index.messageCard (every field)', build: (locale) => messageCard(fullMessage(locale)) },
  { name: 'index.messageCard (title only)', build: (locale) => messageCard({ title: t(locale, 'cancel.nothing') }) },
  {
    name: 'index.messageCard (six buttons, as the menu)',
    build: (locale) => messageCard({ title: t(locale, 'menu.title'), buttons: common.menuButtons(locale) }),
  },
  {
    name: 'index.dateQuestionCard',
    build: (locale) => dateQuestionCard({
      title: 'Kartınızın son kullanma tarihi nedir?',
      paragraphs: ['Kartın arkasında yazar.'],
      inputLabel: 'Son kullanma tarihi',
      errorMessage: 'Lütfen bir tarih seçin.',
      submitLabel: 'Gönder',
      data: { verb: Verb.answer, promptId: 'expiry' },
    }),
  },
  // The paths' closing cards, the agent's, the reminders', the handoff's and the renewal requests'.
  ...(['beforeExpiry', 'expired', 'replaced'] as const).map((rulesCase): CardRow => ({ name: `closingCards.newCardRulesCard ${rulesCase}`, build: (locale) => newCardRulesCard(POLICY, rulesCase, locale) })),
  { name: 'agentCards.pairingCodeCard', build: (locale) => pairingCodeCard(locale, 'K7M-4QX', 'eimza-agent pair K7M-4QX --server https://bot.example', 10, '2026-11-21T20:56:00Z', 'https://bot.example/agent/download') },
  { name: 'agentCards.pairingPausedCard', build: (locale) => pairingPausedCard(locale, '2026-11-21T11:05:00Z') },
  { name: 'agentCards.devicesCard (eight PCs: still 6 buttons)', build: (locale) => devicesCard(locale, EIGHT_PCS) },
  { name: 'agentCards.unpairAnswerCard (unpaired)', build: (locale) => unpairAnswerCard(locale, 'PC-1') },
  { name: 'agentCards.unpairAnswerCard (already gone)', build: (locale) => unpairAnswerCard(locale, undefined) },
  { name: 'agentCards.noReportCard (not paired)', build: (locale) => noReportCard(locale, { kind: 'notPaired' }) },
  { name: 'agentCards.noReportCard (offline)', build: (locale) => noReportCard(locale, { kind: 'offline', deviceName: 'PC-1' }) },
  { name: 'agentCards.noReportCard (failed)', build: (locale) => noReportCard(locale, { kind: 'failed', deviceName: 'PC-1', code: 'timeout' }) },
  { name: 'agentCards.cardStatusCard (locked PIN)', build: (locale) => cardStatusCard(locale, fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z', flags: CKF_USER_PIN_LOCKED }), new Date('2026-11-21T10:00:00Z'), POLICY) },
  {
    name: 'agentCards.newCardInReaderCard',
    build: (locale) => newCardInReaderCard(locale, { kind: 'new', validFrom: '2026-12-01', expiry: '2029-12-01', serial: '1A2B', oldExpiry: '2026-12-20', deviceName: 'PC-1' }, [t(locale, 'agent.newCardPinHint')]),
  },
  ...[40, 7, 3, 0, -1].map((daysLeft): CardRow => ({ name: `reminderCards.pingCard ${daysLeft} days`, build: (locale) => pingCard({ expiry: '2027-04-30', daysLeft }, POLICY, locale) })),
  { name: 'reminderCards.appliedAnswerCard (with the offer to record)', build: (locale) => appliedAnswerCard(t(locale, 'reminder.appliedDone'), [t(locale, 'reminder.note')], true, locale) },
  { name: 'reminderCards.snoozeAnswerCard (snoozed)', build: (locale) => snoozeAnswerCard('2026-03-17', locale) },
  { name: 'reminderCards.snoozeAnswerCard (stale)', build: (locale) => snoozeAnswerCard(undefined, locale) },
  { name: 'reminderCards.snoozeTooLateCard', build: (locale) => snoozeTooLateCard(locale) },
  { name: 'handoffCards.ticketCard (waiting)', build: (locale) => ticketCard({ ticket: TICKET, askedAt: '10:00', queuePosition: 1, recent: [{ at: AT, from: 'user', name: 'Ayşe Yılmaz', text: 'olmadı' }] }, locale) },
  { name: 'handoffCards.reannounceCard', build: (locale) => reannounceCard(TICKET, 11, locale) },
  { name: 'handoffCards.queuedCard', build: (locale) => queuedCard(locale, 1, 'Pazartesi–Cuma 08:30–17:30', 'Pazartesi 16 Mart 08:30') },
  { name: 'handoffCards.noDeskCard', build: (locale) => noDeskCard(locale, POLICY) },
  { name: 'handoffCards.claimedCard', build: (locale) => claimedCard(TICKET, 'Mehmet Demir', locale) },
  { name: 'handoffCards.deskClaimedCard', build: (locale) => deskClaimedCard(TICKET, 'Mehmet Demir', 'eimza-bot', locale) },
  { name: 'handoffCards.satisfactionCard', build: (locale) => satisfactionCard(TICKET, locale) },
  { name: 'handoffCards.openTicketsCard', build: (locale) => openTicketsCard(['T-ABC234 · Ayşe Yılmaz · 5 dakikadır bekliyor'], locale, [TICKET]) },
  { name: 'deskCards.deskCard', build: (locale) => deskCard(REQUEST, { policy: POLICY, life: LIFE, hours: HOURS, now: new Date(AT), locale }) },
  { name: 'deskCards.listCard', build: (locale) => listCard(t(locale, 'request.mineTitle'), ['EI-2026-0042 · Ayşe Yılmaz'], [], locale) },
  { name: 'deskCards.csvReadyCard', build: (locale) => csvReadyCard(3, 'https://bot.example/exports/abc', locale) },
  { name: 'requestCards.statusNoticeCard', build: (locale) => statusNoticeCard({ ...REQUEST, requester: { ...REQUEST.requester, locale } }, REQUEST.history[0], NOTICE) },
  { name: 'requestCards.mineCard', build: (locale) => mineCard([REQUEST], NOTICE, locale) },
  { name: 'requestCards.withdrawQuestionCard', build: (locale) => withdrawQuestionCard(REQUEST, locale) },
  { name: 'requestCards.alreadyOpenCard', build: (locale) => alreadyOpenCard(REQUEST, LIFE, locale, 'Kayıp') },
  { name: 'requestCards.requestNumberCard', build: (locale) => requestNumberCard(REQUEST, locale) },
  { name: 'requestCards.formCard', build: (locale) => formCard('https://bot.example/forms/abc', 7, locale) },
  // The guided paths' and the main dialog's cards, and the questions the card prompt asks.
  { name: 'pathCards.switchCard', build: (locale) => pathCards.switchCard(locale, { action: { verb: Verb.unlock }, label: 'menu.unlock' }) },
  {
    name: 'pathCards.clarifyCard (five paths and back: six buttons)',
    build: (locale) => pathCards.clarifyCard(locale, (['renewal', 'newCardPin', 'unlock', 'lostCard', 'human'] as const).map((path) => ({ action: { verb: Verb[path] }, label: `menu.${path}` as const }))),
  },
  { name: 'pathCards.domainClarifyCard', build: (locale) => pathCards.domainClarifyCard(locale) },
  { name: 'pathCards.outOfScopeCard', build: (locale) => pathCards.outOfScopeCard(locale) },
  { name: 'pathCards.cancelledCard (a path left)', build: (locale) => pathCards.cancelledCard(locale, true) },
  { name: 'pathCards.cancelledCard (nothing open)', build: (locale) => pathCards.cancelledCard(locale, false) },
  { name: 'pathCards.staleActionCard', build: (locale) => pathCards.staleActionCard(locale) },
  { name: 'pathCards.faqAnswerCard', build: (locale) => pathCards.faqAnswerCard(locale, { title: t(locale, 'faq.feePerson'), paragraphs: [t(locale, 'welcome.body')] }) },
  { name: 'pathCards.renewalNoteCard', build: (locale) => pathCards.renewalNoteCard(locale, t(locale, 'renewal.comeBack', { date: '01.02.2027' })) },
  { name: 'pathCards.renewalRecordedCard', build: (locale) => pathCards.renewalRecordedCard(locale, [{ label: 'Ücret', value: '210 TL' }], [t(locale, 'welcome.body')]) },
  { name: 'pathCards.renewalRecordedCard (a request already open)', build: (locale) => pathCards.renewalRecordedCard(locale, [{ label: 'Ücret', value: '210 TL' }], [t(locale, 'welcome.body')], false) },
  { name: 'pathCards.renewalLateCard', build: (locale) => pathCards.renewalLateCard(locale, POLICY, '2026-03-01', 9) },
  { name: 'pathCards.pinDoneCard', build: (locale) => pathCards.pinDoneCard(locale, [policyText(POLICY, 'r3', locale)]) },
  { name: 'pathCards.oldCardInReaderCard', build: (locale) => pathCards.oldCardInReaderCard(locale, '1A2B', '2026-12-20') },
  { name: 'pathCards.stepHelpCard (first press)', build: (locale) => pathCards.stepHelpCard(locale, [t(locale, 'newCardPin.help.generic')], []) },
  { name: 'pathCards.stepHelpCard (a person offered)', build: (locale) => pathCards.stepHelpCard(locale, [t(locale, 'newCardPin.help.generic')], pathCards.stuckButtons(locale)) },
  { name: 'pathCards.unlockDoneCard', build: (locale) => pathCards.unlockDoneCard(locale, POLICY) },
  { name: 'pathCards.unlockStuckCard', build: (locale) => pathCards.unlockStuckCard(locale, POLICY) },
  { name: 'pathCards.lostCardHelpCard', build: (locale) => pathCards.lostCardHelpCard(locale, POLICY.kamuSm.callCenter) },
  {
    name: 'pathCards.lostCardRecordedCard',
    build: (locale) => pathCards.lostCardRecordedCard(locale, POLICY, { ...feeDecision(POLICY, 'lostOrStolen', 'administrative')!, reason: 'lostOrStolen', role: 'administrative' }),
  },
  { name: 'pathCards.suspensionSettledCard', build: (locale) => pathCards.suspensionSettledCard(locale, 'lostCard.checkTitle', 'lostCard.unknown', { time: '10:00', phone: POLICY.kamuSm.callCenter }) },
  {
    name: 'promptCards.questionCard (buttons)',
    build: (locale) => questionCard(locale, { promptId: 'abc', card: { title: t(locale, 'menu.title') }, choices: [{ value: 'yes', label: t(locale, 'common.yes') }, { value: 'no', label: t(locale, 'common.no') }] }),
  },
  {
    name: 'promptCards.questionCard (a date)',
    build: (locale) => questionCard(locale, { promptId: 'abc', card: { title: t(locale, 'menu.title'), paragraphs: [t(locale, 'welcome.body')] }, date: { inputLabel: 'Son kullanma tarihi', submitLabel: 'Gönder' } }),
  },
  { name: 'promptCards.answeredCard', build: (locale) => answeredCard({ title: t(locale, 'menu.title') }, t(locale, 'common.yes')) },
  {
    name: 'index.requestDeskCard (state on top, five buttons)',
    build: (locale) => requestDeskCard({
      title: t(locale, 'request.deskTitle', { number: 'EI-2026-0042', name: 'Ayşe Yılmaz' }),
      state: t(locale, 'request.deskStateNew', { status: 'Alındı' }),
      stateStyle: 'attention',
      warning: t(locale, 'request.lateYes'),
      facts: [{ label: t(locale, 'request.factWho'), value: 'Ayşe Yılmaz' }],
      history: ['10.03.2026 10:00 · talep alındı'],
      notePlaceholder: t(locale, 'request.notePlaceholder'),
      note: t(locale, 'request.privacyNote'),
      buttons: ['Üstlen', '→ A', '→ B', '→ C', '→ D'].map((label) => ({ label, data: { verb: Verb.requestMove, number: 'EI-2026-0042' } })),
    }),
  },
];

const rows: CardRow[] = [...commonRows, ...modelRows];

function allStrings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(allStrings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(allStrings);
  return [];
}

describe('cards', () => {
  describe('every card builder', () => {
    it('is covered by a row (cards/*.ts exports ending in "Card")', () => {
      const cardsDir = join(__dirname, '../../cards');
      const covered = new Set(rows.map((row) => row.name.split(' ')[0]));
      const missing: string[] = [];
      for (const file of readdirSync(cardsDir).filter((name) => name.endsWith('.ts'))) {
        const moduleName = file.replace(/\.ts$/, '');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const exports = require(join(cardsDir, file)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports)) {
          if (typeof value === 'function' && /Card$/.test(name) && !covered.has(`${moduleName}.${name}`)) missing.push(`${moduleName}.${name}`);
        }
      }
      assert.deepEqual(missing, [], `add a row to modelRows in test/cards/cards.test.ts for: ${missing.join(', ')}`);
    });

    it('has no card built outside cards/', () => {
      const root = join(__dirname, '../..');
      const builtOutside: string[] = [];
      for (const folder of ['bot', 'dialogs', 'domain', 'state']) {
        for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
          if (/\b(messageCard|dateQuestionCard|requestDeskCard)\(/.test(readFileSync(join(root, folder, file), 'utf8'))) builtOutside.push(`${folder}/${file}`);
        }
      }
      assert.deepEqual(builtOutside, [], 'move these card builders to cards/');
    });

    it('gives devicesCard one button per PC, at most six: the six most recently paired', () => {
      const labels = actionsOf(devicesCard('tr', EIGHT_PCS).content as Record<string, unknown>).map((action) => String(action.title));
      assert.equal(labels.length, TEAMS_MAX_ACTIONS);
      assert.deepEqual(labels, [7, 6, 5, 4, 3, 2].map((index) => t('tr', 'agent.remove', { device: `PC-${index}` })));
    });

    it('found the shared cards', () => {
      assert.ok(commonRows.length >= 8, `only ${commonRows.length} builders found in cards/common.ts`);
    });

    for (const row of rows) {
      for (const locale of LOCALES) {
        describe(`${row.name} (${locale})`, () => {
          const attachment = row.build(locale);
          const content = attachment.content as Record<string, unknown>;

          it('is an Adaptive Card 1.5 attachment', () => {
            assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
            assert.equal(content.type, 'AdaptiveCard');
            assert.equal(content.version, '1.5');
          });

          it('parses and validates with the official adaptivecards library without events', () => {
            const outcome = parseWithOfficialLibrary(content);
            assert.deepEqual(outcome.parseEvents, [], 'parse events');
            assert.deepEqual(outcome.validationEvents, [], 'validation events');
            assert.equal(outcome.version, '1.5');
          });

          it('has a plain-text fallback', () => {
            assert.equal(typeof content.fallbackText, 'string');
            assert.ok((content.fallbackText as string).trim().length > 0);
          });

          it('has every template expression bound (no "${" left)', () => {
            const unbound = allStrings(content).filter((text) => text.includes('${'));
            assert.deepEqual(unbound, []);
          });

          it('gives every button a title and a verb the bot knows how to route', () => {
            const actions = actionsOf(content);
            assert.ok(actions.length <= TEAMS_MAX_ACTIONS);
            for (const action of actions) {
              assert.ok(typeof action.title === 'string' && action.title.trim(), `untitled action in ${row.name}`);
              if (action.type === 'Action.Submit') {
                const data = action.data as { verb?: unknown } | undefined;
                assert.equal(typeof data?.verb, 'string', `Action.Submit "${String(action.title)}" without a verb`);
              }
            }
          });
        });
      }
    }
  });

  describe('the message card', () => {
    it('shows each model field and puts all of them in the fallback text', () => {
      const model = fullMessage('tr');
      const content = messageCard(model).content as Record<string, unknown>;
      const text = allStrings(content).join('\n');
      for (const expected of [model.progress!, model.title, model.warning!, ...model.paragraphs!, ...model.steps!, model.note!, model.answer!]) {
        assert.ok(text.includes(expected), `card lacks "${expected}"`);
      }
      assert.equal(content.fallbackText, plainText(model));
      assert.match(String(content.fallbackText), /Ücret: 210 TL/);
    });

    it('leaves out the blocks whose field is unset', () => {
      const content = messageCard({ title: 'Yalnız başlık' }).content as { body: unknown[]; actions?: unknown[] };
      assert.equal(content.body.length, 1);
      assert.deepEqual(content.actions ?? [], []);
    });

    it('gives each caller its own copy of a card rendered before, and renders a changed model anew', () => {
      const model = fullMessage('tr');
      const first = messageCard(model).content as { body: { text?: string }[] };
      const pristine = structuredClone(first);
      first.body[0].text = 'değiştirildi';
      assert.deepEqual(messageCard(model).content, pristine);
      const changed = messageCard({ ...model, title: 'Başka bir başlık' }).content;
      assert.ok(allStrings(changed as Record<string, unknown>).includes('Başka bir başlık'));
      assert.deepEqual(messageCard(model).content, pristine);
    });
  });

  describe('the string tables', () => {
    it('have the same keys in tr and en', () => {
      assert.deepEqual([...keysOf('en')].sort(), [...keysOf('tr')].sort());
    });

    for (const locale of LOCALES) {
      it(`have no empty strings (${locale})`, () => {
        const empty = keysOf(locale).filter((key) => !t(locale, key as StringKey).trim());
        assert.deepEqual(empty, []);
      });
    }

    it('use the same {placeholders} in tr and en', () => {
      const placeholders = (locale: Locale, key: string) => (t(locale, key as StringKey).match(/\{\w+\}/g) ?? []).sort();
      for (const key of keysOf('tr')) assert.deepEqual(placeholders('en', key), placeholders('tr', key), key);
    });

    const spelledRight: [key: StringKey, expected: string][] = [
      ['menu.renewal', 'Yenileme'],
      ['menu.newCardPin', "Yeni kartın PIN'i"],
      ['menu.unlock', 'Kilit çözme'],
      ['menu.lostCard', 'Kayıp/Çalıntı kart'],
      ['menu.faq', 'Ücretler ve sorular'],
      ['menu.human', 'Yetkiliye bağlan'],
      ['common.botName', 'E-imza Asistanı'],
      ['common.back', 'Ana menü'],
      ['welcome.body', 'kartın'],
      ['welcome.privacy', 'güvenlik sözcüğü'],
      ['secretGuard.title', 'Güvenliğiniz için'],
      ['errors.storageTitle', 'Kısa bir teknik sorun var'],
    ];
    for (const [key, expected] of spelledRight) {
      it(`spells "${expected}" with Turkish letters in ${key}`, () => {
        assert.ok(t('tr', key).includes(expected), `tr ${key} = "${t('tr', key)}"`);
      });
    }

    /** Common words written without Turkish letters, or with ı/i swapped. */
    const misspellings: RegExp[] = [
      /\bYen[ıI]leme/u, /\bkartin\b/iu, /\bcozme\b/iu, /\b[Ee]-?Imza\b/u, /\bImza\b/u,
      /\bsifre/iu, /\bguvenli/iu, /\bsozcu/iu, /\bucret/iu, /\bbaglan/iu, /\bmenu\b/iu, /\byardim\b/iu,
      /\bKayip\b/iu, /\bCalinti\b/iu, /\bislem\b/iu, /\bNumarasi\b/iu, /\bKımlık\b/iu, /\bkılıt\b/iu, /\bPİN\b/u,
    ];
    it('has no common word of the Turkish table spelled without Turkish letters', () => {
      const problems = keysOf('tr').flatMap((key) => {
        const text = t('tr', key as StringKey);
        return misspellings.filter((pattern) => pattern.test(text)).map((pattern) => `${key}: ${pattern} in "${text}"`);
      });
      assert.deepEqual(problems, []);
    });

    it('the misspelling check catches what it should', () => {
      for (const wrong of ['Yenıleme', 'yeni kartin PIN', 'kilit cozme', 'e-Imza', 'sifreniz', 'guvenlik', 'menu']) {
        assert.ok(misspellings.some((pattern) => pattern.test(wrong)), wrong);
      }
    });

    /** Every sentence a user can read: both string tables and the policy's texts, steps, labels and FAQ. */
    const userTexts = (locale: Locale): [where: string, text: string][] => [
      ...keysOf(locale).map((key): [string, string] => [key, t(locale, key as StringKey)]),
      ...Object.entries(POLICY.texts).map(([id, text]): [string, string] => [`policy.texts.${id}`, text[locale]]),
      ...POLICY.newCardPinSteps.map((step): [string, string] => [`policy.newCardPinSteps.${step.id}`, step[locale]]),
      ...POLICY.faq.map((entry): [string, string] => [`policy.faq.${entry.id}`, entry.question[locale]]),
      ...[...POLICY.roles, ...POLICY.reasons].map((item): [string, string] => [`policy.${item.id}`, item[locale]]),
      ...POLICY.fees.map((rule): [string, string] => [`policy.fees.${rule.source}`, rule[locale]]),
      ['policy.institution.handIn', POLICY.institution.handIn[locale]],
      ['policy.renewal.lateRequirement', POLICY.renewal.lateRequirement[locale]],
    ];

    for (const locale of LOCALES) {
      it(`never show a rule code like "(F1)" (${locale})`, () => {
        assert.deepEqual(userTexts(locale).filter(([, text]) => /\((F|R|L|K)\d\)/.test(text)), []);
      });

      it(`glue no suffix to a {placeholder} ("{time}'a", "{department}'na") (${locale})`, () => {
        assert.deepEqual(userTexts(locale).filter(([, text]) => /\}['’]?[a-zçğıöşü]/u.test(text)), []);
      });
    }

    it('never name the institution\'s department: it comes from the policy, so another institution edits one file', () => {
      for (const locale of LOCALES) {
        const department = POLICY.institution.itDepartment[locale];
        assert.deepEqual(keysOf(locale).filter((key) => t(locale, key as StringKey).includes(department)), []);
      }
    });

    it('writes institution, screen and button names without an apostrophe suffix (TDK), and never the clipped "Bilgi İşlem\'e"', () => {
      const wrong = /(Başkanlığı|Merkezi|İşlem|Giriş|Aracı|Ekranı|Onay)['’][a-zçğıöşü]/u;
      assert.deepEqual(userTexts('tr').filter(([, text]) => wrong.test(text)), []);
    });

    /** The review's Turkish table (2026-11-30), one row per correction a user reads. */
    const turkishQuality: [key: StringKey, mustRead: string, mustNotRead?: string][] = [
      ['common.botName', 'E-imza Asistanı', 'e-İmza'],
      ['handoff.userClosedByDesk', 'E-imza Asistanı', 'e-İmza'],
      ['help.body', 'kartın sertifikasının askıya alınması', "PIN'ini alma"],
      ['welcome.howTo', 'sorununuzu kendi cümlelerinizle', 'İstediğiniz an'],
      ['errors.genericTitle', 'bir sorun oluştu', 'ters gitti'],
      ['secretGuard.body', 'güvenlik sözcüğü', 'Onu gizledim'],
      ['secretGuard.advice', 'sormayız', 'istemeyiz'],
      ['prompt.choiceHint', 'mesajdaki düğmelerden', 'karttaki'],
      ['lostCard.helpBody', '“Askıya aldım” düğmesine basın', 'karttan bana haber'],
      ['whoPays.roleQuestion', 'İdari göreviniz var mı?'],
      ['whoPays.roleWhy', 'müdür yardımcısı'],
      ['renewal.targetLabel', 'Önerilen başvuru tarihi'],
      ['renewal.expiryWhere', 'sertifika bilgileri bölümünde', 'kartla gelen belge'],
      ['newCardPin.help.generic', 'bir kez daha deneyin', 'yavaşça'],
      ['unlock.howTo', 'Kamu SM sitesinde şu yolu izleyin', "Giriş'e"],
      ['nlu.outOfScopeBody', 'Diğer konular için', 'maaş'],
      ['handoff.userQueuedBody', 'Sıranız:', 'Sıradaki yeriniz'],
      ['handoff.deskClaimed', 'adlı kullanıcıya', 'kişisine'],
      ['handoff.factCardState', 'kart okuma programı', 'ajan'],
      ['handoff.noAgent', 'Kart okuma programı', 'Ajan'],
      ['agent.pairValid', 'son kullanım saati: {time}', "{time}'a"],
      ['agent.pausedBody', '{time} sonrasında', "{time}'dan"],
    ];
    for (const [key, mustRead, mustNotRead] of turkishQuality) {
      it(`reads "${mustRead}" in ${key}`, () => {
        assert.ok(t('tr', key).includes(mustRead), t('tr', key));
        if (mustNotRead) assert.ok(!t('tr', key).includes(mustNotRead), t('tr', key));
      });
    }

    it('the policy says the Turkish-table corrections too (reasons, PUK warning, step names, E-Onay)', () => {
      const reasons = POLICY.reasons.map((reason) => reason.tr).join('\n');
      assert.match(reasons, /PIN ve PUK blokesi \(kart tamamen kullanılamıyor\)/);
      assert.match(reasons, /Kartım benden kaynaklı bir nedenle arızalandı/);
      assert.match(POLICY.texts.l3.tr, /\*\*kullanılmaz\*\*.*hâle/);
      assert.doesNotMatch(POLICY.texts.l3.tr, /KULLANILMAZ|hale /);
      assert.match(POLICY.texts.pinPageEOnay.tr, /Kamu SM sitesinin ana menüsündeki/);
      assert.match(POLICY.texts.pinPageDelete.tr, /kalıcı olarak/);
      assert.match(POLICY.texts.helpSecurityWordForgot.tr, /^Güvenlik sözcüğünüzü hatırlamıyorsanız/);
      assert.doesNotMatch(POLICY.texts.helpSecurityWordWhat.tr, /ve\/veya/);
    });

    it('English: singular days, the department as the sentence\'s object, one name for the T.C. number', () => {
      assert.equal(t('en', 'dates.dayLeft', { days: 1 }), '1 day left');
      assert.equal(t('en', 'dates.dayAgo', { days: 1 }), 'expired 1 day ago');
      assert.match(t('en', 'request.sentTo', { department: 'the IT Department' }), /^Your request will be seen by the IT Department/);
      assert.deepEqual(keysOf('en').filter((key) => /national ID/i.test(t('en', key as StringKey))), []);
    });

    it('the tables loaded are the JSON files (not empty stubs)', () => {
      assert.ok(Object.keys(tr).length >= 5 && Object.keys(en).length >= 5);
    });
  });
});
