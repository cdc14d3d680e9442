import assert from 'node:assert/strict';
import type { Attachment } from 'botbuilder';
import { t, type Locale } from '../../cards/i18n';
import { fillPolicy, loadPolicy, policyText, textIn } from '../../domain/policy';
import { WorkingHours } from '../../bot/handoff/workingHours';
import { LifeCycle } from '../../bot/requests/lifeCycle';
import { deskCard } from '../../cards/deskCards';
import { mineCard, statusNoticeCard } from '../../cards/requestCards';
import type { RenewalRequest } from '../../state/requestStore';
import { visibleText } from '../support/fakeConnector';
import { cardButtons } from '../handoff/support';

const policy = loadPolicy();
const life = new LifeCycle(policy);
const hours = new WorkingHours({ hours: '08:30-17:30', days: '1-5', timeZone: 'Europe/Istanbul' });
const NOW = new Date('2026-03-10T10:00:00+03:00');

function request(status: string, locale: Locale, overrides: Partial<RenewalRequest> = {}): RenewalRequest {
  const at = NOW.toISOString();
  return {
    number: 'EI-2026-0042',
    requester: { userId: 'u1', teamsId: '29:u1', name: 'Ayşe Yılmaz', conversationId: 'a:1', ref: {}, locale },
    reason: 'normalExpiry', role: 'administrative', payer: 'institution', feeSource: 'F2', late: false, expiry: '2026-03-20', expirySource: 'agent', serial: '1A2B',
    status, history: [{ at, by: { kind: 'user', name: 'Ayşe Yılmaz' }, to: 'received' }, { at, by: { kind: 'desk', name: 'Mehmet Demir' }, from: 'received', to: status }],
    createdAt: at, updatedAt: at, statusSince: at, version: 2, ...overrides,
  };
}

const text = (card: Attachment) => visibleText({ attachments: [card] });

/** Every status of the policy, in both languages: what the person and the desk read. */
for (const locale of ['tr', 'en'] as const) {
  describe(`renewal request cards (${locale})`, () => {
    for (const status of policy.requestStatuses.statuses) {
      it(`"${status.id}": the notice says the policy's words, the desk card offers exactly the next statuses`, () => {
        const item = request(status.id, locale);
        const notice = text(statusNoticeCard(item, item.history[1], { policy, life, hours: (l) => hours.describe(l), today: '2026-03-10' }));
        assert.ok(notice.includes(fillPolicy(policy, textIn(status.userNotice, locale), locale)), notice);
        assert.doesNotMatch(notice, /\{\w+\}/, 'the policy placeholders are filled in');
        assert.ok(notice.includes(t(locale, 'request.noticeTitle', { number: 'EI-2026-0042', status: status[locale] })), notice);
        assert.doesNotMatch(notice, /\{\w+\}/, 'no placeholder left');
        const pickUpLines = [policyText(policy, 'r3', locale), policyText(policy, 'r4', locale)];
        assert.equal(pickUpLines.every((line) => notice.includes(line)), Boolean(status.pickUp), 'R3 and R4 only when the card can be picked up');
        if (status.pickUp) {
          assert.ok(notice.includes(t(locale, 'request.newPinLater', { date: '20.03.2026' })), 'the old certificate is still valid: PIN later');
          assert.ok(!cardButtons({ attachments: [statusNoticeCard(item, item.history[1], { policy, life, hours: (l) => hours.describe(l), today: '2026-03-10' })] }).some((button) => button.data.verb === 'path.newCardPin'));
          const expired = statusNoticeCard(item, item.history[1], { policy, life, hours: (l) => hours.describe(l), today: '2026-03-21' });
          assert.ok(cardButtons({ attachments: [expired] }).some((button) => button.data.verb === 'path.newCardPin'), 'expired: the new PIN path is offered');
        }

        const desk = deskCard({ ...item, assignee: { kind: 'desk', name: 'Mehmet Demir' } }, { policy, life, hours, now: NOW, locale });
        const moves = cardButtons({ attachments: [desk] }).filter((button) => button.data.verb === 'request.move').map((button) => button.data.status);
        assert.deepEqual(moves, status.next);
        const deskText = text(desk);
        assert.doesNotMatch(deskText, /\{\w+\}/);
        assert.ok(deskText.includes(status.closed ? t(locale, 'request.deskStateClosed', { status: status[locale] }) : t(locale, 'request.deskStateAssigned', { status: status[locale], assignee: 'Mehmet Demir' })), deskText);
        assert.ok(deskText.includes('1A2B') && deskText.includes(t(locale, 'request.sourceAgent')));
      });
    }

    it('"taleplerim" offers withdrawal only for a request that may still be withdrawn', () => {
      const open = request('appliedKamuSm', locale, { number: 'EI-2026-0001' });
      const done = request('delivered', locale, { number: 'EI-2026-0002' });
      const card = mineCard([done, open], { policy, life, hours: (l) => hours.describe(l), today: '2026-03-10' }, locale);
      const withdraw = cardButtons({ attachments: [card] }).filter((button) => button.data.verb === 'request.withdraw').map((button) => button.data.number);
      assert.deepEqual(withdraw, ['EI-2026-0001']);
    });
  });
}
