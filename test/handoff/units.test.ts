import assert from 'node:assert/strict';
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { Attachment } from 'botbuilder';
import { ConfigError, loadConfig } from '../../bot/config';
import { WorkingHours } from '../../bot/handoff/workingHours';
import {
  claimedCard, deskClaimedCard, noDeskCard, openTicketsCard, queuedCard, reannounceCard, satisfactionCard, ticketCard,
} from '../../cards/handoffCards';
import type { Locale } from '../../cards/i18n';
import type { Ticket } from '../../state/handoffStore';
import { loadPolicy } from '../../domain/policy';
import { visibleText } from '../support/fakeConnector';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

describe('help desk working hours (Europe/Istanbul, 08:30-17:30, Monday to Friday)', () => {
  const hours = new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' });
  const rows: [moment: string, open: boolean, nextOpening: string][] = [
    ['2026-03-10T10:00:00+03:00', true, '2026-03-10T10:00:00+03:00'],
    ['2026-03-10T08:29:00+03:00', false, '2026-03-10T08:30:00+03:00'],
    ['2026-03-10T08:30:00+03:00', true, '2026-03-10T08:30:00+03:00'],
    ['2026-03-10T17:30:00+03:00', false, '2026-03-11T08:30:00+03:00'],
    ['2026-03-13T18:00:00+03:00', false, '2026-03-16T08:30:00+03:00'],
    ['2026-03-14T11:00:00+03:00', false, '2026-03-16T08:30:00+03:00'],
    // 23:30 UTC on Sunday is already Monday 02:30 in Istanbul.
    ['2026-03-15T23:30:00Z', false, '2026-03-16T08:30:00+03:00'],
  ];
  for (const [moment, open, next] of rows) {
    it(`${moment}: ${open ? 'open' : `closed, opens ${next}`}`, () => {
      assert.equal(hours.isOpen(new Date(moment)), open);
      assert.equal(hours.nextOpening(new Date(moment))?.toISOString(), new Date(next).toISOString());
    });
  }

  it('describes itself in Turkish and English', () => {
    assert.equal(hours.describe('tr'), 'Pazartesi–Cuma 08:30–17:30');
    assert.equal(hours.describe('en'), 'Monday–Friday 08:30–17:30');
    assert.equal(new WorkingHours({ hours: '09:00-12:00', days: '1,3,5', timeZone: 'Europe/Istanbul' }).describe('tr'), 'Pazartesi, Çarşamba, Cuma 09:00–12:00');
  });
});

describe('help desk configuration', () => {
  it('reads the member list (trimmed, lower case) and the defaults', () => {
    const config = loadConfig({ HELPDESK_MEMBER_IDS: ' AAAA-1 ,bbbb-2,, ' });
    assert.deepEqual(config.HELPDESK_MEMBER_IDS, ['aaaa-1', 'bbbb-2']);
    assert.equal(config.HELPDESK_TIMEZONE, 'Europe/Istanbul');
    assert.deepEqual(loadConfig({}).HELPDESK_MEMBER_IDS, []);
  });

  const bad: [variable: string, value: string][] = [
    ['HELPDESK_HOURS', '8-17'],
    ['HELPDESK_DAYS', 'Mon-Fri'],
    ['HELPDESK_TIMEZONE', 'Mars/Olympus'],
    ['HANDOFF_REANNOUNCE_SECONDS', '0'],
    ['HANDOFF_IDLE_CLOSE_SECONDS', 'soon'],
    ['HANDOFF_RETENTION_DAYS', '-1'],
  ];
  for (const [variable, value] of bad) {
    it(`names ${variable}=${value} as bad`, () => {
      assert.throws(() => loadConfig({ [variable]: value }), (error: unknown) => error instanceof ConfigError && error.message.includes(variable));
    });
  }
});

const POLICY = loadPolicy();
const WITH_CONTACTS = { ...POLICY, institution: { ...POLICY.institution, contacts: { phone: '0312 123 45 67', email: 'bilgiislem@kurum.gov.tr' } } };

describe('help desk cards', () => {
  it('with no desk, names the department and gives the policy\'s phone and e-mail only when it has them', () => {
    const bare = visibleText({ attachments: [noDeskCard('tr', POLICY)] });
    assert.match(bare, /Şu birime başvurabilirsiniz: Bilgi İşlem Daire Başkanlığı\./);
    assert.doesNotMatch(bare, /telefonla ya da e-postayla|Telefon:|E-posta:/);
    const full = visibleText({ attachments: [noDeskCard('tr', WITH_CONTACTS)] });
    assert.match(full, /Telefon: 0312 123 45 67/);
    assert.match(full, /E-posta: bilgiislem@kurum\.gov\.tr/);
  });

  const ticket: Ticket = {
    id: 'T-ABC234', status: 'waiting', user: { id: '29:1', name: 'Ayşe Yılmaz' }, userConversationId: 'a:1', userRef: {}, locale: 'tr',
    path: "Yeni kartın PIN'i", step: 'Adım 5/8 · Güvenlik sözcüğü', createdAt: '2026-03-10T07:00:00.000Z', lastActivityAt: '2026-03-10T07:00:00.000Z',
    outsideHours: true,
  };
  const recent = [{ at: ticket.createdAt, from: 'user' as const, name: 'Ayşe Yılmaz', text: 'olmadı' }];
  const rows: [name: string, build: (locale: Locale) => Attachment][] = [
    ['ticket card, waiting', (locale) => ticketCard({ ticket, askedAt: '10:00', queuePosition: 1, recent }, locale)],
    ['ticket card, claimed', (locale) => ticketCard({ ticket: { ...ticket, status: 'claimed', claimedBy: { id: '29:2', name: 'Mehmet Demir' } }, askedAt: '10:00', claimedAt: '10:05', recent }, locale)],
    ['ticket card, closed', (locale) => ticketCard({ ticket: { ...ticket, status: 'closed', outcome: 'resolved' }, askedAt: '10:00', recent: [], closed: { waited: '5 dk', handled: '12 dk' } }, locale)],
    ['re-announcement', (locale) => reannounceCard(ticket, 11, locale)],
    ['queued (in hours)', (locale) => queuedCard(locale, 2, 'Pazartesi–Cuma 08:30–17:30')],
    ['queued (outside hours)', (locale) => queuedCard(locale, 1, 'Pazartesi–Cuma 08:30–17:30', 'Pazartesi 16 Mart 08:30')],
    ['no desk', (locale) => noDeskCard(locale, POLICY)],
    ['no desk, with contacts', (locale) => noDeskCard(locale, WITH_CONTACTS)],
    ['claimed (user)', (locale) => claimedCard(ticket, 'Mehmet Demir', locale)],
    ['claimed (desk)', (locale) => deskClaimedCard(ticket, 'Mehmet Demir', 'eimza-bot', locale)],
    ['satisfaction', (locale) => satisfactionCard(ticket, locale)],
    ['open tickets', (locale) => openTicketsCard(['T-ABC234 · Ayşe Yılmaz · 5 dakikadır bekliyor'], locale)],
    ['open tickets, none', (locale) => openTicketsCard([], locale)],
  ];
  for (const [name, build] of rows) {
    for (const locale of ['tr', 'en'] as const) {
      it(`${name} (${locale}) parses and validates with the official library, every expression bound`, () => {
        const content = build(locale).content as Record<string, unknown>;
        const card = new AC.AdaptiveCard();
        card.hostConfig = new AC.HostConfig({ actions: { maxActions: 6 } });
        const context = new AC.SerializationContext();
        card.parse(content, context);
        assert.equal(context.eventCount, 0);
        assert.deepEqual(card.validateProperties().validationEvents.map((event) => event.message), []);
        assert.ok(!JSON.stringify(content).includes('${'));
        assert.ok(!/\{\w+\}/.test(JSON.stringify(content)), 'no placeholder left unfilled');
      });
    }
  }
});
