import assert from 'node:assert/strict';
import { DialogHarness } from './harness';
import { RULE_CODE } from './paths.cases';
import type { IntentResult, Recognizer, Topic } from '../../bot/nlu';
import { assertSendableCard } from '../support/cardCheck';

/**
 * The dialog side of the safety topics: whatever the recognizer's intent, a
 * result carrying a topic gets that safety answer. The recognizer here is a stub that returns a
 * fixed result, so these rows test the routing alone (the real recognizer is tested in test/nlu).
 */
class FixedRecognizer implements Recognizer {
  constructor(private readonly result: IntentResult) {}
  recognize(): IntentResult {
    return this.result;
  }
}

const UNLOCK_PATH = 'Kamu SM Online İşlemler → Giriş → NES İşlemleri → Bireysel İşlemler → Başvuru İşlemleri → PIN Oluşturma → Kilit Çözme';

/** A misleading intent on purpose: the topic must win over it. */
const withTopic = (topic: Topic): IntentResult => ({ intent: 'new_card_pin', score: 0.9, alternatives: [{ intent: 'new_card_pin', score: 0.9 }], topic });

const rows: { typed: string; topic: Topic; locale: 'tr' | 'en'; see: string[]; notSee: (string | RegExp)[] }[] = [
  { typed: 'eski şifremle yeni kartı kullanabilir miyim', topic: 'old_pin_on_new_card', locale: 'tr', see: ['Hayır, eski PIN yeni kartta çalışmaz', '3 kez yanlış girilince e-imzanız kilitlenir'], notSee: ['Adım 1/8', 'yalnızca e-imza'] },
  { typed: 'yeni kartı hemen kullanabilir miyim', topic: 'new_card_when', locale: 'tr', see: ['Eski e-imzanızın süresi dolmadan yeni kartınızı kullanmayın'], notSee: ['Adım 1/8'] },
  { typed: 'PUK kodu nedir nereden bulurum', topic: 'puk', locale: 'tr', see: ['PUK kodu kilit çözmek için **kullanılmaz**', 'PIN/PUK Bilgisi'], notSee: ['Adım 1/8', 'Bilgisayarımı eşleştir'] },
  { typed: 'pin kodumu unuttum', topic: 'forgot_pin', locale: 'tr', see: ['Kilit Çözme', UNLOCK_PATH, 'kilit çözmek için **kullanılmaz**'], notSee: ['yalnızca e-imza', 'Adım 1/8'] },
  { typed: 'SMS gelmiyor telefon numaram değişti', topic: 'sms_number', locale: 'tr', see: ['size ait değilse', '444 5 576'], notSee: ['yalnızca e-imza', 'Adım 1/8'] },
  { typed: 'can I use my old PIN on the new card', topic: 'old_pin_on_new_card', locale: 'en', see: ['No, the old PIN does not work on the new card', 'three wrong PIN entries'], notSee: ['Step 1/8'] },
  { typed: 'what is the PUK', topic: 'puk', locale: 'en', see: ['The PUK is **not** used to unlock'], notSee: ['Step 1/8'] },
  { typed: 'I forgot my PIN', topic: 'forgot_pin', locale: 'en', see: [UNLOCK_PATH], notSee: ['Step 1/8'] },
  { typed: 'the SMS goes to a number that is not mine', topic: 'sms_number', locale: 'en', see: ['444 5 576'], notSee: ['Step 1/8'] },
];

describe('safety topics in free text (dialog routing)', () => {
  for (const row of rows) {
    it(`${row.locale}: "${row.typed}" (${row.topic}) gets its safety answer`, async () => {
      const harness = new DialogHarness({ locale: row.locale === 'en' ? 'en-US' : 'tr-TR', recognizer: new FixedRecognizer(withTopic(row.topic)) });
      await harness.say(row.locale === 'en' ? 'hello' : 'merhaba');
      const replies = await harness.say(row.typed);
      const text = harness.text(replies);
      for (const expected of row.see) assert.ok(text.includes(expected), `expected "${expected}" in:\n${text}`);
      for (const unexpected of [...row.notSee, RULE_CODE]) assert.ok(typeof unexpected === 'string' ? !text.includes(unexpected) : !unexpected.test(text), `did not expect ${unexpected} in:\n${text}`);
      for (const reply of replies) assertSendableCard(reply);
    });
  }

  it('inside a path, a topic offers to switch to its answer', async () => {
    const harness = new DialogHarness({ recognizer: new FixedRecognizer(withTopic('puk')) });
    await harness.say('merhaba');
    await harness.press('Kilit çözme');
    const offer = harness.text(await harness.say('puk kodu ne işe yarar'));
    assert.ok(offer.includes('"PUK kodu ne işe yarar?" konusuna geçelim mi?'), offer);
    const answer = harness.text(await harness.press('Evet, geçelim'));
    assert.ok(answer.includes('kilit çözmek için **kullanılmaz**'), answer);
  });

  const none: IntentResult = { intent: 'none', score: 0.9, alternatives: [{ intent: 'none', score: 0.9 }] };
  for (const typed of ['PIN kodum çalışmıyor', 'kartım okunmuyor', 'SERTIFIKAM ne durumda', 'e imza ile ilgili bir sorum var', 'puk']) {
    it(`"${typed}" names the domain: a clarifying question, never "only e-imza"`, async () => {
      const harness = new DialogHarness({ recognizer: new FixedRecognizer(none) });
      await harness.say('merhaba');
      const replies = await harness.say(typed);
      const text = harness.text(replies);
      assert.ok(text.includes('hangi konuda yardım istersiniz?'), text);
      assert.ok(!text.includes('yalnızca e-imza'), text);
      assert.equal(harness.buttons(replies[replies.length - 1]).length, 6);
      for (const reply of replies) assertSendableCard(reply);
    });
  }

  it('D17: a weak "help" with no path in sight gets the help answer itself, not a question offering help twice', async () => {
    const harness = new DialogHarness({ recognizer: new FixedRecognizer({ intent: 'help', score: 0.3, alternatives: [{ intent: 'help', score: 0.3 }] }) });
    await harness.say('merhaba');
    const replies = await harness.say('bitir');
    const text = harness.text(replies);
    assert.ok(text.includes('Neler yapabilirim?'), text);
    assert.ok(!text.includes('hangi konuda yardım istersiniz?'), text);
    const buttons = harness.buttons(replies[replies.length - 1]);
    assert.equal(new Set(buttons).size, buttons.length, `no button twice: ${buttons.join(', ')}`);
  });

  it('a message outside the domain still gets "only e-imza"', async () => {
    const harness = new DialogHarness({ recognizer: new FixedRecognizer(none) });
    await harness.say('merhaba');
    const text = harness.text(await harness.say('mebbis şifremi unuttum'));
    assert.ok(text.includes('yalnızca e-imza'), text);
    assert.ok(!text.includes('Wi-Fi') && !text.includes('maaş'), text);
  });
});
