import assert from 'node:assert/strict';
import { loadPolicy } from '../../domain/policy';
import { decidePing } from '../../bot/reminders/milestones';
import { SendWindow } from '../../bot/reminders/sendWindow';
import { mergeRecord, type RosterInput, type RosterRecord } from '../../state/rosterRecord';
import { pingCard } from '../../cards/reminderCards';
import { addDays } from '../../domain/dates';
import { assertSendableCard } from '../support/cardCheck';
import { retryAfterMs, classifySendError, RetryableSendError, ConversationGoneError } from '../../bot/reminders/errors';
import { retryDelay } from '../../bot/reminders/backoff';
import { slicedLimiter } from '../../bot/reminders/bullReminderEngine';
import { adaptiveCardOf, buttonTitles, visibleText } from '../support/fakeConnector';

const policy = loadPolicy();
const reminders = policy.reminders;

function record(expiry: string, extra: Partial<RosterRecord> = {}): RosterRecord {
  return { userId: 'u1', expiry, source: 'import', remind: false, updatedAt: '2027-01-01T00:00:00Z', ...extra };
}

interface MilestoneRow {
  name: string;
  today: string;
  expiry: string;
  sent?: string[];
  extra?: Partial<RosterRecord>;
  expected: string;
}

// Default policy: 30, 14, 7, 3, 1, 0, -1 days; window Mon-Fri 09:00-17:00 Istanbul; catch-up 3 days.
const milestoneRows: MilestoneRow[] = [
  { name: '30 days before, across the end of March', today: '2027-03-01', expiry: '2027-03-31', expected: 'm30' },
  { name: '30 days before, across a 28-day February', today: '2027-02-01', expiry: '2027-03-03', expected: 'm30' },
  { name: 'a Saturday milestone goes out on Monday', today: '2027-03-01', expiry: '2027-03-06', expected: 'm7' },
  { name: 'the Saturday milestone, once sent, is not sent again', today: '2027-03-01', expiry: '2027-03-06', sent: ['m7'], expected: 'none' },
  { name: 'weekend 1-day milestone superseded by the expiry day', today: '2027-03-01', expiry: '2027-03-01', expected: 'm0' },
  { name: 'expired on Sunday: Monday sends the late path only', today: '2027-03-01', expiry: '2027-02-28', expected: 'm-1' },
  { name: 'a milestone older than the catch-up is not sent late', today: '2027-03-01', expiry: '2027-03-20', expected: 'none' },
  { name: 'long expired: nothing', today: '2027-03-01', expiry: '2027-02-20', expected: 'none' },
  { name: 'not yet in reach', today: '2027-03-01', expiry: '2027-04-15', expected: 'none' },
  { name: 'across the 2016 Istanbul DST change', today: '2016-03-28', expiry: '2016-04-27', expected: 'm30' },
  { name: '"Başvurdum" stops it', today: '2027-03-01', expiry: '2027-03-08', extra: { appliedAt: '2027-02-20T10:00:00Z' }, expected: 'skip:optedOut' },
  { name: 'snoozed: nothing before the snooze ends', today: '2027-03-01', expiry: '2027-03-08', extra: { snoozeUntil: '2027-03-05' }, expected: 'skip:snoozed' },
  { name: 'snooze ends: one ping covers what fell inside', today: '2027-03-08', expiry: '2027-03-15', extra: { snoozeUntil: '2027-03-08' }, expected: 's2027-03-08' },
  { name: 'after the snooze ping, the next milestone as usual', today: '2027-03-12', expiry: '2027-03-15', extra: { snoozeUntil: '2027-03-08' }, sent: ['s2027-03-08'], expected: 'm3' },
  { name: 'snooze ping already sent: nothing more that day', today: '2027-03-09', expiry: '2027-03-15', extra: { snoozeUntil: '2027-03-08' }, sent: ['s2027-03-08'], expected: 'none' },
];

describe('reminders: milestone selection', () => {
  for (const row of milestoneRows) {
    it(row.name, () => {
      const decision = decidePing(record(row.expiry, row.extra), row.today, reminders, new Set(row.sent ?? []));
      const got = decision.kind === 'send' ? decision.plan.pingKey : decision.kind === 'skip' ? `skip:${decision.reason}` : 'none';
      assert.equal(got, row.expected);
    });
  }

  it('reports days left and the day it became due', () => {
    const decision = decidePing(record('2027-03-06'), '2027-03-01', reminders, new Set());
    assert.equal(decision.kind, 'send');
    if (decision.kind === 'send') assert.deepEqual([decision.plan.daysLeft, decision.plan.dueDay, decision.plan.milestone], [5, '2027-02-27', 7]);
  });
});

interface WindowRow { name: string; at: string; open: boolean; next: string }

const windowRows: WindowRow[] = [
  { name: 'Monday 09:00 opens', at: '2027-03-01T09:00:00+03:00', open: true, next: '2027-03-01T06:00:00.000Z' },
  { name: 'Monday 08:59 waits a minute', at: '2027-03-01T08:59:00+03:00', open: false, next: '2027-03-01T06:00:00.000Z' },
  { name: 'Friday 17:00 closes: next is Monday', at: '2027-02-26T17:00:00+03:00', open: false, next: '2027-03-01T06:00:00.000Z' },
  { name: 'Saturday: Monday', at: '2027-02-27T11:00:00+03:00', open: false, next: '2027-03-01T06:00:00.000Z' },
  { name: 'DST starts over the weekend (2016-03-27): Monday 09:00 is 06:00Z', at: '2016-03-25T18:00:00+02:00', open: false, next: '2016-03-28T06:00:00.000Z' },
  { name: 'before DST on Friday 08:30 local is closed', at: '2016-03-25T06:30:00Z', open: false, next: '2016-03-25T07:00:00.000Z' },
  { name: 'DST ends over the weekend (2015-11-08): Monday 09:00 is 07:00Z', at: '2015-11-06T18:00:00+03:00', open: false, next: '2015-11-09T07:00:00.000Z' },
];

describe('reminders: send window', () => {
  const window = new SendWindow(reminders.window);
  for (const row of windowRows) {
    it(row.name, () => {
      assert.equal(window.isOpen(new Date(row.at)), row.open);
      assert.equal(window.nextOpening(new Date(row.at)).toISOString(), row.open ? new Date(row.at).toISOString() : row.next);
    });
  }

  it('turns the window into the daily scan cron pattern', () => {
    assert.equal(window.cronPattern(), '0 9 * * 1,2,3,4,5');
  });
});

interface MergeRow { name: string; current?: Partial<RosterRecord>; input: Partial<RosterInput>; outcome: string; expiry?: string; source?: string }

const mergeRows: MergeRow[] = [
  { name: 'first record', input: { source: 'typed', expiry: '2027-03-01' }, outcome: 'added', expiry: '2027-03-01' },
  { name: 'typed never overwrites an import', current: { source: 'import', expiry: '2027-03-01' }, input: { source: 'typed', expiry: '2027-04-01' }, outcome: 'kept', expiry: '2027-03-01' },
  { name: 'the agent corrects a typed date', current: { source: 'typed', expiry: '2027-04-01' }, input: { source: 'agent', expiry: '2027-03-01' }, outcome: 'corrected', expiry: '2027-03-01', source: 'agent' },
  { name: 'an import with a later expiry is a new certificate, even over the agent', current: { source: 'agent', expiry: '2027-03-01', appliedAt: 'x' }, input: { source: 'import', expiry: '2030-03-01' }, outcome: 'renewed', expiry: '2030-03-01' },
  { name: 'the agent seeing the old card again changes nothing', current: { source: 'agent', expiry: '2030-03-01' }, input: { source: 'agent', expiry: '2027-03-01' }, outcome: 'kept', expiry: '2030-03-01' },
  { name: 'the same import twice changes nothing', current: { source: 'import', expiry: '2027-03-01', name: 'Ayşe' }, input: { source: 'import', expiry: '2027-03-01', name: 'Ayşe' }, outcome: 'unchanged' },
  { name: 'the same certificate seen by the agent raises its trust and keeps "Başvurdum"', current: { source: 'typed', expiry: '2027-03-01', appliedAt: 'x' }, input: { source: 'agent', expiry: '2027-03-01' }, outcome: 'updated', source: 'agent' },
];

describe('reminders: roster trust rules', () => {
  for (const row of mergeRows) {
    it(row.name, () => {
      const current = row.current ? record(row.current.expiry!, row.current) : undefined;
      const merge = mergeRecord(current, { userId: 'u1', expiry: '2027-03-01', source: 'import', ...row.input }, new Date('2027-01-10T10:00:00Z'));
      assert.equal(merge.outcome, row.outcome);
      if (row.expiry) assert.equal((merge.next ?? current)!.expiry, row.expiry);
      if (row.source) assert.equal(merge.next!.source, row.source);
      if (row.outcome === 'renewed') assert.equal(merge.next!.appliedAt, undefined, 'a new certificate starts the pings over');
      if (row.name.includes('keeps')) assert.equal(merge.next!.appliedAt, 'x');
    });
  }
});

describe('reminders: the ping card', () => {
  it('shows days left, the deadline and the three buttons while a snooze still ends before expiry', () => {
    const activity = { attachments: [pingCard({ expiry: '2027-03-31', daysLeft: 30 }, policy, 'tr')] };
    const text = visibleText(activity);
    assert.match(text, /E-imzanızın süresi 30 gün sonra doluyor/);
    assert.match(text, /31\.03\.2027/);
    assert.deepEqual(buttonTitles(activity), ['Yenilemeyi başlat', 'Başvurdum', 'Daha sonra hatırlat']);
    const actions = (adaptiveCardOf(activity) as { actions: { data: { verb: string; expiry?: string } }[] }).actions;
    assert.deepEqual(actions.map((action) => action.data), [{ verb: 'path.renewal' }, { verb: 'reminder.applied', expiry: '2027-03-31' }, { verb: 'reminder.snooze', expiry: '2027-03-31' }]);
  });

  // D8: each milestone's wording fits its day, and no snooze runs past expiry. Expiry 2027-04-30,
  // so R1's target (a calendar month before) is 2027-03-30, i.e. 31 days before.
  const pingRows: { daysLeft: number; locale: 'tr' | 'en'; see: RegExp[]; notSee: RegExp[] }[] = [
    { daysLeft: 40, locale: 'tr', see: [/bir ay önce yapılır/, /önerilen tarih 30\.03\.2027/], notSee: [/geçti/, /Bilgi İşlem Daire Başkanlığı'na/, /\{\w+\}'/] },
    { daysLeft: 30, locale: 'tr', see: [/Önerilen başvuru tarihi \(30\.03\.2027\) geçti/, /ıslak imzalı form gerekir/], notSee: [/bir ay önce .* yapmanız gerekiyor/, /gerek kalmaz/] },
    { daysLeft: 14, locale: 'tr', see: [/geçti/, /hemen başvurmanızı/], notSee: [/yapmanız gerekiyor/] },
    { daysLeft: 7, locale: 'tr', see: [/geçti/], notSee: [/yapmanız gerekiyor/] },
    { daysLeft: 3, locale: 'tr', see: [/geçti/], notSee: [/gerek kalmaz/, /yapmanız gerekiyor/] },
    { daysLeft: 1, locale: 'tr', see: [/yarın doluyor/, /geçti/], notSee: [/yapmanız gerekiyor/] },
    { daysLeft: 0, locale: 'tr', see: [/bugün doluyor/, /Bugün son gün/], notSee: [/geçti/] },
    { daysLeft: -1, locale: 'tr', see: [/süresi doldu/, /ıslak imzalı form/, /elden teslim/], notSee: [/Bugün son gün/] },
    { daysLeft: 40, locale: 'en', see: [/one month before/, /recommended date is 30\.03\.2027/], notSee: [/has passed/] },
    { daysLeft: 3, locale: 'en', see: [/has passed/], notSee: [/Remind me later/] },
    { daysLeft: 1, locale: 'en', see: [/1 day left/], notSee: [/1 days/] },
  ];
  for (const row of pingRows) {
    it(`${row.locale}, ${row.daysLeft} day(s) left: worded for the day; a snooze only if it ends before expiry`, () => {
      const expiry = '2027-04-30';
      const activity = { attachments: [pingCard({ expiry, daysLeft: row.daysLeft }, policy, row.locale)] };
      const text = visibleText(activity);
      for (const pattern of row.see) assert.match(text, pattern);
      for (const pattern of row.notSee) assert.doesNotMatch(text, pattern);
      assertSendableCard(activity.attachments[0]);
      const offersSnooze = (adaptiveCardOf(activity) as { actions: { data: { verb: string } }[] }).actions.some((action) => action.data.verb === 'reminder.snooze');
      const snoozeEnds = addDays(addDays(expiry, -row.daysLeft), reminders.snoozeDays);
      assert.equal(offersSnooze, snoozeEnds <= expiry, `snooze to ${snoozeEnds} with expiry ${expiry}`);
    });
  }

  it('switches to the late path (wet-signed form) after expiry', () => {
    const text = visibleText({ attachments: [pingCard({ expiry: '2027-02-28', daysLeft: -1 }, policy, 'tr')] });
    assert.match(text, /E-imzanızın süresi doldu/);
    assert.match(text, /ıslak imzalı form/);
    assert.match(text, /elden teslim/);
  });

  it('speaks English to an English client', () => {
    const text = visibleText({ attachments: [pingCard({ expiry: '2027-03-02', daysLeft: 1 }, policy, 'en')] });
    assert.match(text, /expires tomorrow/);
  });
});

describe('reminders: retry rules', () => {
  const rows: { status?: number; header?: string; kind: string; wait?: number }[] = [
    { status: 429, header: '3', kind: 'RetryableSendError', wait: 3000 },
    { status: 503, kind: 'RetryableSendError' },
    { status: 412, kind: 'RetryableSendError' },
    { status: 502, kind: 'RetryableSendError' },
    { status: 504, kind: 'RetryableSendError' },
    { status: 403, kind: 'ConversationGoneError' },
    { status: 404, kind: 'ConversationGoneError' },
    { status: 400, kind: 'PermanentSendError' },
    { kind: 'RetryableSendError' },
  ];
  for (const row of rows) {
    it(`${row.status ?? 'network error'} → ${row.kind}`, () => {
      const error = classifySendError({ statusCode: row.status, response: { headers: { get: (name: string) => (name === 'retry-after' ? row.header : undefined) } } });
      assert.equal(error.name, row.kind);
      if (row.wait) assert.equal((error as RetryableSendError).retryAfterMs, row.wait);
    });
  }

  it('reads Retry-After as seconds or an HTTP date, and waits that long', () => {
    assert.equal(retryAfterMs('2'), 2000);
    assert.ok((retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now()) ?? 0) > 3000);
    assert.equal(retryDelay(3, new RetryableSendError(429, 1234), 2000), 1234);
    assert.equal(retryDelay(3, new ConversationGoneError(404), 1000, () => 0.5), 4000);
  });
});

describe('reminders: rate limiter slices', () => {
  const rows = [
    { rate: 30, max: 3, duration: 100 },
    { rate: 50, max: 5, duration: 100 },
    { rate: 15, max: 1, duration: 67 },
    { rate: 1, max: 1, duration: 1000 },
  ];
  for (const row of rows) {
    it(`${row.rate}/s → ${row.max} per ${row.duration} ms (no fixed-window double burst)`, () => {
      assert.deepEqual(slicedLimiter(row.rate), { max: row.max, duration: row.duration });
    });
  }
});
