import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_POLICY_PATH, expiryDateBounds, feeDecision, fillPolicy, loadPolicy, PolicyError, renewalTiming, targetDate, validatePolicy } from '../../domain/policy';
import { addDays, addMonths, TIME_ZONE } from '../../domain/dates';
import { DialogHarness } from '../dialogs/harness';
import { INTENT_ROUTES, TOPIC_ROUTES } from '../../dialogs/intentRoutes';

const raw = () => JSON.parse(readFileSync(DEFAULT_POLICY_PATH, 'utf8')) as Record<string, any>;
const policy = loadPolicy();

describe('policy: R1 is a calendar month, a target inside a window', () => {
  const months: [date: string, months: number, expected: string][] = [
    ['2027-03-31', -1, '2027-02-28'],
    ['2028-03-31', -1, '2028-02-29'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2026-12-21', -1, '2026-11-21'],
    ['2027-05-31', -1, '2027-04-30'],
    ['2027-01-31', 1, '2027-02-28'],
  ];
  for (const [date, count, expected] of months) {
    it(`${date} ${count > 0 ? '+' : ''}${count} month → ${expected}`, () => assert.equal(addMonths(date, count), expected));
  }

  // Expiry 2027-03-31: target 2027-02-28, window opens 2026-12-31 (90 days).
  const timing: [today: string, kind: string][] = [
    ['2026-12-30', 'tooEarly'],
    ['2026-12-31', 'beforeTarget'],
    ['2027-02-28', 'beforeTarget'],
    ['2027-03-01', 'pastTarget'],
    ['2027-03-31', 'pastTarget'],
    ['2027-04-01', 'late'],
  ];
  for (const [today, kind] of timing) {
    it(`expiry 31.03.2027, today ${today}: ${kind}`, () => {
      const result = renewalTiming(policy, '2027-03-31', today);
      assert.equal(result.kind, kind);
      assert.equal(result.target, '2027-02-28');
    });
  }

  it('the target follows applyMonthsBeforeExpiry and the window acceptDaysBeforeExpiry', () => {
    const edited = validatePolicy({ ...raw(), renewal: { ...raw().renewal, applyMonthsBeforeExpiry: 2, acceptDaysBeforeExpiry: 30 } });
    assert.equal(targetDate(edited, '2027-03-31'), '2027-01-31');
    assert.equal(renewalTiming(edited, '2027-03-31', '2027-02-28').kind, 'tooEarly');
  });
});

describe('policy: the paths read their thresholds from it', () => {
  const refused = (field: RegExp) => (error: Error) => error instanceof PolicyError && field.test(error.message);

  it('the expiry question accepts renewal.expiryDateRange around today (five years back, six ahead as shipped)', () => {
    assert.deepEqual(expiryDateBounds(policy, '2026-12-01'), { min: addDays('2026-12-01', -5 * 366), max: addDays('2026-12-01', 6 * 366) });
    const edited = validatePolicy({ ...raw(), renewal: { ...raw().renewal, expiryDateRange: { daysBefore: 10, daysAfter: 20 } } });
    assert.deepEqual(expiryDateBounds(edited, '2026-12-01'), { min: '2026-11-21', max: '2026-12-21' });
    assert.throws(() => validatePolicy({ ...raw(), renewal: { ...raw().renewal, expiryDateRange: { daysBefore: -1, daysAfter: 20 } } }), refused(/renewal\.expiryDateRange\.daysBefore/));
  });

  it('a new-card PIN step offers a person from the stuck.offerPersonAfter-th "Takıldım" on', async () => {
    assert.equal(policy.stuck.offerPersonAfter, 2);
    const harness = new DialogHarness();
    harness.policy.stuck.offerPersonAfter = 1;
    await harness.say('merhaba');
    await harness.press("Yeni kartın PIN'i");
    assert.match(harness.text(await harness.press('Takıldım')), /Yetkiliye bağlan/);
    assert.throws(() => validatePolicy({ ...raw(), stuck: { offerPersonAfter: 0 } }), refused(/stuck\.offerPersonAfter/));
  });
});

describe('policy: the time zone has one home (TIME_ZONE in domain/dates.ts)', () => {
  const withZone = (timeZone?: string) => ({ ...raw(), reminders: { ...raw().reminders, window: { ...raw().reminders.window, timeZone } } });

  it('reads the send window on TIME_ZONE when the file names none, and when it names the same zone', () => {
    assert.equal(loadPolicy().reminders.window.timeZone, TIME_ZONE);
    assert.equal(validatePolicy(withZone(TIME_ZONE)).reminders.window.timeZone, TIME_ZONE);
  });

  it('refuses a send window in another zone, naming the field', () => {
    assert.throws(() => validatePolicy(withZone('Europe/Berlin')), (error: Error) => error instanceof PolicyError && /reminders\.window\.timeZone/.test(error.message));
  });
});

describe('policy: data another institution edits', () => {
  it('has every FAQ answer that free text routes to (intents and safety topics)', () => {
    const routed = [...Object.values(INTENT_ROUTES), ...Object.values(TOPIC_ROUTES)].map((route) => route.action.topic).filter((topic): topic is string => typeof topic === 'string');
    assert.ok(routed.length >= 6);
    for (const topic of routed) assert.ok(policy.faq.some((entry) => entry.id === topic), `no faq entry "${topic}"`);
  });

  it('fills its own placeholders: the website feeds step 2, the call centre the SMS help', () => {
    const edited = validatePolicy({ ...raw(), kamuSm: { website: 'www.ornek.gov.tr', callCenter: '444 0 000' } });
    const step2 = edited.newCardPinSteps[1];
    assert.equal(fillPolicy(edited, step2.tr, 'tr'), 'Herhangi bir tarayıcıda www.ornek.gov.tr adresini açın.');
    assert.match(fillPolicy(edited, edited.texts.helpSmsNumber.tr, 'tr'), /444 0 000/);
    assert.match(fillPolicy(edited, edited.texts.pinPageForgotten.tr, 'tr'), /Kamu SM Online İşlemler → Giriş → .* → Kilit Çözme/);
  });

  it('asks the role whenever the rule changes for a reason (F1 vs F3), and not when one rule covers all roles', () => {
    assert.equal(feeDecision(policy, 'lostOrStolen'), undefined);
    assert.equal(feeDecision(policy, 'lostOrStolen', 'administrative')?.revokeFirst, true);
    assert.equal(feeDecision(policy, 'lostOrStolen', 'noAdministrative')?.revokeFirst, false);
    const oneRule = validatePolicy({ ...raw(), fees: [{ ...raw().fees[2], roles: ['administrative', 'administrativeEnded', 'noAdministrative'] }] });
    assert.equal(feeDecision(oneRule, 'userFault')?.rules.length, 1);
  });

  const broken: [name: string, edit: (data: Record<string, any>) => void, message: RegExp][] = [
    ['an FAQ answer naming a missing text', (data) => { data.faq[1].paragraphs = ['nope']; }, /faq\.leaving: no text "nope"/],
    ['a step help naming a missing text', (data) => { data.newCardPinSteps[3].help = ['gone']; }, /newCardPinSteps\.passwordLogin: no text "gone"/],
    ['seven listed questions (Teams shows 6 buttons)', (data) => { data.faq[6].listed = true; }, /at most 6 listed questions/],
    ['two reasons handing over to the lost-card path', (data) => { data.reasons[2].path = 'lostCard'; }, /more than one reason with path "lostCard"/],
    ['a text without its source', (data) => { delete data.texts.r3.source; }, /texts\.r3\.source/],
    ['a bad contact e-mail', (data) => { data.institution.contacts.email = 'not-an-address'; }, /institution\.contacts\.email/],
  ];
  for (const [name, edit, message] of broken) {
    it(`refuses ${name}, naming the field`, () => {
      const data = raw();
      edit(data);
      assert.throws(() => validatePolicy(data), (error: Error) => error instanceof PolicyError && message.test(error.message));
    });
  }
});
