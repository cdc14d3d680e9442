import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Verb } from '../../cards/verbs';
import { wordsOf } from '../../cards/i18n';
import { foldWords } from '../../bot/nlu/normalize';
import { Registry, turnEntry, type RouteEntry } from '../../bot/router/registry';
import { DialogHarness } from '../dialogs/harness';
import { FakeConnector, Scenario, TUESDAY_10, TestClock, startHandoffBot, visibleText, type HandoffBot } from '../handoff/support';

const README = readFileSync(new URL('../../bot/router/README.md', `file://${__filename}`), 'utf8');
const NOT_UNDERSTOOD = /Bunu tam anlayamadım/;

describe('the router', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let bot: HandoffBot;
  let entries: readonly RouteEntry[];
  before(async () => {
    connector = await new FakeConnector().start();
    bot = await startHandoffBot({ clock: new TestClock(TUESDAY_10) });
    entries = bot.app.router.registry.entries;
  });
  after(async () => {
    await bot.close();
    await connector.stop();
  });

  it('has exactly one entry for every card verb, and no entry for a verb cards/verbs.ts does not name', () => {
    const verbs = entries.map((entry) => entry.verb).filter((verb): verb is string => Boolean(verb));
    assert.deepEqual([...verbs].sort(), [...new Set(Object.values(Verb))].sort());
  });

  it('lists every entry in bot/router/README.md (its verb and its words)', () => {
    const missing = entries.flatMap((entry) => [entry.verb, entry.words].filter((name): name is string => Boolean(name) && !README.includes(`\`${name}\``)));
    assert.deepEqual(missing, []);
  });

  it('refuses a word that would mean two things in one place, and a verb with two entries', () => {
    const cancel = (where: ('personal' | 'handoff')[]) => turnEntry({ words: 'words.cancel', payload: z.object({}), where, run: async () => {} });
    assert.throws(() => new Registry([cancel(['personal']), cancel(['personal', 'handoff'])]), /means two things in one place/);
    assert.doesNotThrow(() => new Registry([cancel(['personal']), cancel(['handoff'])]));
    const menu = () => turnEntry({ verb: Verb.menu, payload: z.object({}), where: ['personal'], run: async () => {} });
    assert.throws(() => new Registry([menu(), menu()]), /has two entries/);
  });

  it('matches words folded: case, Turkish letters, punctuation and @mentions do not matter; a lone "?" asks for help', () => {
    assert.equal(foldWords('<at>eimza-bot</at> Yardım Masası BURASI!'), 'yardim masasi burasi');
    assert.equal(foldWords('İPTAL'), 'iptal');
    assert.equal(foldWords(' ? '), '?');
    assert.ok(wordsOf('words.help').map(foldWords).includes('?'));
  });

  for (const [name, value] of [
    ['an unknown verb', { verb: 'no.such.verb' }],
    ['an answer without its prompt id', { verb: Verb.answer, choice: 'next' }],
    ['a path started with a malformed option', { verb: Verb.faq, topic: 5 }],
  ] as const) {
    it(`answers ${name} with the polite fallback`, async () => {
      const harness = new DialogHarness();
      await harness.say('merhaba');
      const replies = await harness.pressData(value);
      assert.match(harness.text(replies), NOT_UNDERSTOOD);
    });
  }

  it('"iptal" cancels the path in the personal chat and ends the help desk conversation during a handoff', async () => {
    const scenario = new Scenario(connector, bot);
    await scenario.setDesk();
    await scenario.say('iptal');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Şu an yarım kalmış bir işlem yok/.test(visibleText(activity))));
    await scenario.request();
    await scenario.say('iptal');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Talebinizi geri aldım/.test(visibleText(activity))));
  });
});
