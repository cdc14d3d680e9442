import assert from 'node:assert/strict';
import { detectLanguage } from '../../bot/language';
import { DialogHarness } from '../dialogs/harness';

const rows: [string, 'tr' | 'en' | undefined][] = [
  ['kartımı kaybettim', 'tr'],
  ['kartimi kaybettim', 'tr'],
  ['E İMZAM KİLİTLENDİ', 'tr'],
  ['ucreti kim oduyor', 'tr'],
  ['I lost my card', 'en'],
  ['how do I unlock my card', 'en'],
  ['who pays for the renewal', 'en'],
  ['21.11.2026', undefined],
  ['', undefined],
  ['ok', undefined],
  // The commands the bot tells both languages to type decide nothing (D18).
  ['menu', undefined],
  ['help', undefined],
];

describe('the language a message is written in', () => {
  for (const [text, language] of rows) {
    it(`"${text}" → ${language ?? 'no opinion'}`, () => assert.equal(detectLanguage(text), language));
  }

  it('a Turkish message from an English Teams client is answered in Turkish, and so are its button presses', async () => {
    const harness = new DialogHarness({ locale: 'en-US' });
    const opened = harness.text(await harness.say('kartımı kaybettim'));
    assert.ok(opened.includes('Önce sertifikanızı askıya alın'), opened);
    const role = harness.text(await harness.press('Askıya aldım'));
    assert.ok(role.includes('İdari göreviniz var mı?'), role);
    const pressed = harness.text(await harness.press('İdari görevim yok'));
    assert.ok(pressed.includes('Siz ödersiniz'), pressed);
  });

  it('the secret warning speaks the language the user wrote in, not the client setting', async () => {
    const harness = new DialogHarness({ locale: 'en-US' });
    const text = harness.text(await harness.say('şifrem 123456'));
    assert.ok(text.includes('Güvenliğiniz için'), text);
    assert.ok(!text.includes('123456'), text);
  });

  it('an English message from a Turkish client is answered in English', async () => {
    const harness = new DialogHarness({ locale: 'tr-TR' });
    const opened = harness.text(await harness.say('I lost my card'));
    assert.ok(opened.includes('First, suspend your certificate'), opened);
  });
});
