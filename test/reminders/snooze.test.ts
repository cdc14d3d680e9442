import assert from 'node:assert/strict';
import { TestAdapter, type Activity } from 'botbuilder';
import { loadPolicy } from '../../domain/policy';
import { pingCard } from '../../cards/reminderCards';
import { SnoozeActionHandler } from '../../bot/reminders/snoozeActionHandler';
import { ExpiryRoster } from '../../state/expiryRoster';
import { addDays } from '../../domain/dates';
import { assertSendableCard } from '../support/cardCheck';
import { RULE_CODE } from '../dialogs/paths.cases';
import { adaptiveCardOf, visibleText } from '../support/fakeConnector';

const policy = loadPolicy();

/**
 * "Daha sonra hatırlat" is a promise of one more ping before expiry.
 * The ping that ends a snooze goes out on a send-window day (Mon-Fri), so a snooze that ends on a
 * weekend expiry day would be delivered after expiry: refused; the date said is the day it goes out.
 * Days are Istanbul days; the press happens at 12:00.
 */
const rows: { name: string; pressedOn: string; expiry: string; remindsOn?: string }[] = [
  { name: 'Friday, 8 days left, expiry Saturday: the ping comes Friday, before expiry', pressedOn: '2027-03-05', expiry: '2027-03-13', remindsOn: '12.03.2027' },
  { name: 'Saturday (an old ping pressed late), 7 days left, expiry Saturday: the ping could only come Monday, after expiry: refused', pressedOn: '2027-03-06', expiry: '2027-03-13' },
  { name: 'Sunday, 7 days left, expiry Sunday: refused', pressedOn: '2027-03-07', expiry: '2027-03-14' },
  { name: 'Saturday, 9 days left, expiry Monday: the ping comes Monday, the expiry day itself', pressedOn: '2027-03-06', expiry: '2027-03-15', remindsOn: '15.03.2027' },
  { name: 'Saturday, 30 days left: the date said is Monday, when the ping goes out (not the Saturday)', pressedOn: '2027-03-06', expiry: '2027-04-05', remindsOn: '15.03.2027' },
  { name: 'month end: Wednesday 24.02, expiry 03.03 (7 days): the ping comes 03.03', pressedOn: '2027-02-24', expiry: '2027-03-03', remindsOn: '03.03.2027' },
  { name: 'leap year: Tuesday 22.02.2028, expiry 29.02.2028: the ping comes 29.02', pressedOn: '2028-02-22', expiry: '2028-02-29', remindsOn: '29.02.2028' },
  { name: '6 days left: refused', pressedOn: '2027-05-25', expiry: '2027-05-31' },
];

async function pressSnooze(pressedOn: string, expiry: string, locale = 'tr-TR'): Promise<{ text: string; snoozeUntil?: string; replies: Partial<Activity>[] }> {
  const now = new Date(`${pressedOn}T12:00:00+03:00`);
  const roster = new ExpiryRoster();
  await roster.record({ userId: 'user1', expiry, source: 'import' }, now);
  const handler = new SnoozeActionHandler(roster, policy.reminders, () => now);
  const adapter = new TestAdapter((context) => handler.handle(context, context.activity.value));
  adapter.locale = locale;
  await adapter.processActivity({ type: 'message', value: { verb: 'reminder.snooze', expiry }, locale });
  const replies = adapter.activeQueue.splice(0);
  const record = await roster.get('user1');
  return { text: replies.map(visibleText).join('\n'), snoozeUntil: record?.snoozeUntil, replies };
}

describe('reminders: a snooze never ends after expiry, counting the send window', () => {
  for (const row of rows) {
    it(row.name, async () => {
      const { text, replies, snoozeUntil } = await pressSnooze(row.pressedOn, row.expiry);
      for (const reply of replies) assertSendableCard(reply);
      assert.doesNotMatch(text, RULE_CODE);
      if (row.remindsOn) {
        assert.match(text, new RegExp(`${row.remindsOn.replace(/\./g, '\\.')} tarihinde yeniden hatırlatacağım`));
        assert.equal(snoozeUntil, row.remindsOn.split('.').reverse().join('-'));
      } else {
        assert.match(text, /başka bir hatırlatma gününe yer kalmadı/);
        assert.doesNotMatch(text, /yeniden hatırlatacağım/);
        assert.equal(snoozeUntil, undefined);
      }
    });
  }

  it('en: refused in English too, with no rule code', async () => {
    const { text } = await pressSnooze('2027-03-06', '2027-03-13', 'en-US');
    assert.match(text, /There is no room for another reminder before expiry/);
  });

  // Every ping a milestone can send, for month-end expiries, in both languages: sendable, no rule code,
  // the snooze offered exactly when its ping (on a window day) comes by the expiry day.
  for (const expiry of ['2027-03-31', '2028-02-29', '2027-05-31', '2027-03-13']) {
    for (const daysLeft of [...policy.reminders.milestones, 8, 6]) {
      for (const locale of ['tr', 'en'] as const) {
        it(`ping for ${expiry}, ${daysLeft} day(s) left (${locale})`, () => {
          const card = pingCard({ expiry, daysLeft }, policy, locale);
          assertSendableCard(card);
          const text = visibleText({ attachments: [card] });
          assert.doesNotMatch(text, RULE_CODE);
          const snooze = (adaptiveCardOf({ attachments: [card] }) as { actions: { data: { verb: string } }[] }).actions.some((action) => action.data.verb === 'reminder.snooze');
          const sentOn = addDays(expiry, -daysLeft);
          const weekday = new Date(`${sentOn}T12:00:00Z`).getUTCDay();
          // A weekday ping: its snooze ends on the same weekday, a window day.
          if (weekday >= 1 && weekday <= 5) assert.equal(snooze, addDays(sentOn, policy.reminders.snoozeDays) <= expiry);
          if (daysLeft < policy.reminders.snoozeDays) assert.equal(snooze, false);
          if (daysLeft > 0) assert.doesNotMatch(text, locale === 'tr' ? /ıslak imzalı formu? (yazdırıp|elden)/ : /hand it in/);
        });
      }
    }
  }
});
