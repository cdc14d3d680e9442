import type { IntentResult, Recognizer } from '../../bot/nlu';
import assert from 'node:assert/strict';
import { fidelityTables, SECRET_WARNING, securityWordQuestions, securityWordValues } from './fidelity.cases';
import { DialogHarness } from './harness';
import { loadPolicy } from '../../domain/policy';
import { FaqDialog } from '../../dialogs/faqDialog';
import { routedFaqTopics } from '../../dialogs/intentRoutes';
import type { PathServices } from '../../dialogs/pathServices';
import { assertRecorded, play } from './playPath';

/** The recognizer's answer fixed, so a typed row tests the dialog routing alone (bot/nlu is tested in test/nlu). */
class FixedRecognizer implements Recognizer {
  constructor(private readonly result: IntentResult) {}
  recognize(): IntentResult {
    return this.result;
  }
}

describe('fidelity: every instruction exactly right (TestAdapter)', () => {
  for (const [group, rows] of fidelityTables) {
    describe(group, () => {
      for (const row of rows) {
        it(row.name, async () => {
          const harness = await play(row, row.locale === 'en' ? 'en-US' : undefined, row.intent && new FixedRecognizer(row.intent));
          await assertRecorded(harness, row);
        });
      }
    });
  }
});

describe('the secret guard masks a güvenlik sözcüğü, not the words that name it', () => {
  for (const row of securityWordValues) {
    it(`${row.locale}: "${row.typed}" is masked, with the warning, and the value is in no reply`, async () => {
      const harness = new DialogHarness({ locale: row.locale === 'en' ? 'en-US' : 'tr-TR' });
      await harness.say(row.locale === 'en' ? 'hello' : 'merhaba');
      const text = harness.text(await harness.say(row.typed));
      assert.ok(text.includes(SECRET_WARNING[row.locale]), text);
      assert.ok(!text.toLowerCase().includes(row.value.toLowerCase()), text);
    });
  }

  describe('questions about the güvenlik sözcüğü get no secret warning (the guard masks a value, not the word)', () => {
    for (const row of securityWordQuestions) {
      it(`${row.locale}: "${row.typed}"`, async () => {
        const harness = new DialogHarness({ locale: row.locale === 'en' ? 'en-US' : 'tr-TR' });
        await harness.say(row.locale === 'en' ? 'hello' : 'merhaba');
        const text = harness.text(await harness.say(row.typed));
        assert.ok(!text.includes(SECRET_WARNING[row.locale]), text);
      });
    }
  });
});

describe('a safety topic typed inside a path, in English', () => {
  /** Answers the PUK topic only when asked in English, as a language-aware recognizer would. */
  class EnglishOnlyPuk implements Recognizer {
    recognize(_text: string, locale?: string): IntentResult {
      return locale === 'en'
        ? { intent: 'none', score: 0.9, alternatives: [{ intent: 'none', score: 0.9 }], topic: 'puk' }
        : { intent: 'none', score: 0.9, alternatives: [{ intent: 'none', score: 0.9 }] };
    }
  }

  it('offers to switch to the PUK answer (the recognizer is asked in the user\'s language) and gives L3', async () => {
    const harness = new DialogHarness({ locale: 'en-US', recognizer: new EnglishOnlyPuk() });
    await harness.say('hello');
    await harness.press('Renewal');
    const offer = harness.text(await harness.say('can I unlock it with the PUK'));
    assert.ok(offer.includes('Shall we leave this and go to'), offer);
    const answer = harness.text(await harness.press("Yes, let's go"));
    assert.ok(answer.includes('The PUK is **not** used to unlock'), answer);
    assert.ok(!/\((F|R|L|K)\d\)/.test(answer), answer);
  });
});

describe('English counts are never a wrong plural ("1 minutes", "1 days")', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const en = require('../../cards/strings/en.json') as Record<string, unknown>;
  const strings = (node: unknown, path = ''): [string, string][] => typeof node === 'string' ? [[path, node]]
    : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
  // A count placeholder followed by a plural noun reads "1 minutes" when the count is 1.
  const pluralAfterCount = /\{(days|count|minutes|hours|position)\}\s+(days|minutes|hours|tries|times)\b/;
  const singularKeys = new Set(['dates.daysLeft', 'dates.daysAgo', 'reminder.titleDays']);
  it('every count with a plural noun has a singular form chosen in code (dates, ping titles)', () => {
    assert.deepEqual(strings(en).filter(([key, text]) => pluralAfterCount.test(text) && !singularKeys.has(key)), []);
  });
});

describe('policy as data: an edit that drops an answer typed questions need stops the bot at start', () => {
  const policy = loadPolicy();
  for (const id of routedFaqTopics()) {
    it(`without the "${id}" FAQ entry the FAQ path refuses to start, naming it`, () => {
      const edited = { ...policy, faq: policy.faq.filter((entry) => entry.id !== id) };
      assert.throws(() => new FaqDialog({ policy: edited } as PathServices), new RegExp(`faq: no entry "${id}"`));
    });
  }
  it('the policy as shipped has every routed entry (puk, oldPin, whenNewCard, smsNumber...)', () => {
    assert.ok(routedFaqTopics().includes('puk') && routedFaqTopics().includes('smsNumber'));
    assert.doesNotThrow(() => new FaqDialog({ policy } as PathServices));
  });
});

describe('once the bot records a renewal request, the expiry pings for that certificate stop', () => {
  const rows: { name: string; imported: number; turns: (harness: DialogHarness) => Promise<unknown>; stops: boolean }[] = [
    { name: 'an ordinary renewal 20 days out, for the certificate the roster knows', imported: 20, stops: true, turns: async (h) => { await h.press('Yenileme'); await h.press('Süresi doluyor / doldu'); await h.submitDate(h.inDays(20)); await h.press('İdari görevim yok'); } },
    { name: 'a late renewal (3 days after expiry)', imported: -3, stops: true, turns: async (h) => { await h.press('Yenileme'); await h.press('Süresi doluyor / doldu'); await h.submitDate(h.inDays(-3)); await h.press('İdari görevim var'); } },
    { name: 'a renewal for another date than the roster\'s: the roster\'s certificate keeps its pings', imported: 20, stops: false, turns: async (h) => { await h.press('Yenileme'); await h.press('Süresi doluyor / doldu'); await h.submitDate(h.inDays(45)); await h.press('İdari görevim yok'); } },
    { name: 'a lost card (the old certificate is revoked): its pings stop', imported: 200, stops: true, turns: async (h) => { await h.press('Kayıp/Çalıntı kart'); await h.press('Askıya aldım'); await h.press('İdari görevim yok'); } },
    { name: 'a user-caused fault: its pings stop', imported: 200, stops: true, turns: async (h) => { await h.press('Yenileme'); await h.say('arizali'); await h.say('hayir'); } },
    { name: 'beyond the window (120 days): nothing recorded, the pings stay', imported: 120, stops: false, turns: async (h) => { await h.press('Yenileme'); await h.press('Süresi doluyor / doldu'); await h.submitDate(h.inDays(120)); await h.press('Gerek yok'); } },
    { name: 'a PIN only locked goes to the free unlock: nothing recorded, the pings stay', imported: 20, stops: false, turns: async (h) => { await h.press('Yenileme'); await h.say('pin bloke'); await h.say('evet'); } },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const harness = new DialogHarness();
      await harness.roster.record({ userId: 'user1', expiry: harness.inDays(row.imported), source: 'import' }, new Date(`${harness.today}T09:00:00+03:00`));
      await harness.say('merhaba');
      await row.turns(harness);
      const record = await harness.roster.get('user1');
      assert.equal(Boolean(record?.appliedAt), row.stops, JSON.stringify(record));
      assert.equal((await harness.renewals.forUser('user1')).length > 0, row.stops || row.name.includes('another date'));
    });
  }
});
