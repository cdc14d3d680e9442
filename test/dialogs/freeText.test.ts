import assert from 'node:assert/strict';
import { DialogHarness } from './harness';
import { assertSendableCard } from '../support/cardCheck';

/** Free text routed by the recognizer: rows of what a user types and what they must read next. */
const startsFromText: [string, string][] = [
  ['e imzam kilitlendi', 'PUK kodu kilit çözmek için **kullanılmaz**'],
  ['KARTIMI KAYBETTİM', 'Önce sertifikanızı askıya alın'],
  ['kartimi kaybettim', 'Önce sertifikanızı askıya alın'],
  ['yeni kartın şifresi ne', 'Adım 1/8'],
  ['e-imzamin suresi doluyor yenilemek istiyorum', 'E-imzanızı neden yeniliyorsunuz?'],
  ['ücreti kim ödüyor', 'Yenileme nedeniniz hangisi?'],
  ['kurumdan ayrılıyorum e imzam ne olacak', 'süresi bitene kadar'],
  ['güvenlik sözcüğü ne demek', 'kendi belirlediğiniz kod'],
  ['I lost my card', 'suspend your certificate'],
];

describe('free text (recognizer wired into the main dialog)', () => {
  for (const [typed, expected] of startsFromText) {
    it(`"${typed}" starts the right path`, async () => {
      const harness = new DialogHarness();
      await harness.say('merhaba');
      const replies = await harness.say(typed);
      const text = harness.text(replies);
      assert.ok(text.includes(expected), text);
      for (const reply of replies) assertSendableCard(reply);
    });
  }

  it('out-of-scope text gets "only e-imza" and the menu, never a path', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    const replies = await harness.say('mebbis şifremi unuttum');
    const text = harness.text(replies);
    assert.ok(text.includes('yalnızca e-imza'), text);
    assert.equal(harness.buttons(replies[replies.length - 1]).length, 6);
  });

  it('a vague message asks with the two most likely paths as buttons', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    const replies = await harness.say('e imza');
    const text = harness.text(replies);
    assert.ok(text.includes('Tam olarak hangisini kastettiniz?'), text);
    assert.equal(harness.buttons(replies[replies.length - 1]).length, 3, 'two paths and the menu');
    assertSendableCard(replies[replies.length - 1]);
  });

  it('inside a path, text naming another path asks before switching; "Hayır" carries on', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press("Yeni kartın PIN'i");
    const offer = harness.text(await harness.say('kartımı kaybettim'));
    assert.ok(offer.includes('"Kayıp/Çalıntı kart" konusuna geçelim mi?'), offer);
    const resumed = harness.text(await harness.press('Hayır, devam edelim'));
    assert.ok(resumed.includes('Adım 1/8'), resumed);
    await harness.say('kartımı kaybettim');
    const switched = harness.text(await harness.press('Evet, geçelim'));
    assert.ok(switched.includes('Önce sertifikanızı askıya alın'), switched);
  });

  it('inside a path, an answer that is also a path name answers the question', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press('Yenileme');
    const text = harness.text(await harness.say('kayıp ya da çalıntı'));
    assert.ok(text.includes('Önce sertifikanızı askıya alın'), text);
    assert.ok(!text.includes('geçelim mi'), text);
  });
});
