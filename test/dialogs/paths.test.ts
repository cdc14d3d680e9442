import assert from 'node:assert/strict';
import { DialogHarness } from './harness';
import { englishCases, feeTable, newCardPinCases, questionCases, renewalCases, RULE_CODE, unlockAndLostCases } from './paths.cases';
import { assertRecorded, play } from './playPath';
import { adaptiveCardOf } from '../support/fakeConnector';
import { loadPolicy } from '../../domain/policy';

describe('guided paths (TestAdapter)', () => {
  for (const [group, rows, locale] of [['renewal', renewalCases], ['new card PIN', newCardPinCases], ['unlock and lost card', unlockAndLostCases], ['questions', questionCases], ['in English', englishCases, 'en-US']] as const) {
    describe(group, () => {
      for (const row of rows) {
        it(row.name, async () => {
          const harness = await play(row, locale);
          await assertRecorded(harness, row);
        });
      }
    });
  }

  describe('who pays, for every role and reason (F1-F3): only the rule that applies, never its code', () => {
    const policy = loadPolicy();
    const ruleText = (source: string) => policy.fees.find((rule) => rule.source === source)!.tr;
    for (const row of feeTable) {
      it(`${row.role} + ${row.reason} → ${row.payer} (${row.source})`, async () => {
        const harness = await play({ name: '', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Ücreti kim öder?' } }, { do: { press: row.reasonLabel } }] });
        // A PIN and PUK block first rules out a PIN that is only locked (free unlock).
        if (row.reason === 'pinPukBlock') await harness.press('Hayır, PUK denemeleri de bitti');
        const asked = harness.text(harness.transcript.slice(-1)).includes('İdari göreviniz var mı?');
        // The role changes what the user must read for every reason (payer or "revoked first").
        assert.ok(asked, 'the role is asked');
        await harness.press(row.roleLabel);
        const answer = harness.text(harness.transcript.slice(-1));
        assert.ok(answer.includes(row.payer), answer);
        assert.ok(answer.includes(ruleText(row.source)), answer);
        for (const other of ['F1', 'F2', 'F3'].filter((source) => source !== row.source)) assert.ok(!answer.includes(ruleText(other)), `${other} shown too:\n${answer}`);
        assert.equal(answer.includes('Mevcut sertifika\nÖnce iptal edilir'), row.revokeFirst, answer);
        assert.ok(!RULE_CODE.test(answer), answer);
      });
    }
  });

  describe('at every step', () => {
    const midPath: [string, string[]][] = [
      ['renewal', ['Yenileme']],
      ['renewal date', ['Yenileme', 'Süresi doluyor / doldu']],
      ['new card PIN', ["Yeni kartın PIN'i", 'Tamam, sonraki adım']],
      ['unlock', ['Kilit çözme']],
      ['lost card', ['Kayıp/Çalıntı kart']],
      ['questions', ['Ücretler ve sorular']],
      ['who pays', ['Ücretler ve sorular', 'Ücreti kim öder?']],
    ];
    for (const [where, presses] of midPath) {
      for (const command of ['iptal', 'İPTAL', 'menü', 'menu']) {
        it(`"${command}" in ${where} leaves the path and shows the menu; the old card is then stale`, async () => {
          const harness = new DialogHarness();
          await harness.say('merhaba');
          for (const label of presses) await harness.press(label);
          const openCard = harness.transcript[harness.transcript.length - 1];
          const replies = await harness.say(command);
          const text = harness.text(replies);
          if (command.toLowerCase() === 'iptal') assert.ok(text.includes('bu işlemi bıraktım'), text);
          assert.ok(text.includes('Size nasıl yardımcı olabilirim?'), text);
          const firstButton = harness.buttons(openCard)[0];
          const stale = harness.text(await harness.pressOld(firstButton, openCard));
          assert.ok(stale.includes('eski bir mesajdan kaldı'), stale);
          assert.equal(await harness.renewals.forUser('user1').then((list) => list.length), 0);
        });
      }
      it(`"yardım" in ${where} helps and keeps the path going`, async () => {
        const harness = new DialogHarness();
        await harness.say('merhaba');
        for (const label of presses) await harness.press(label);
        const question = harness.text(harness.transcript.slice(-1));
        const text = harness.text(await harness.say('yardım'));
        assert.ok(text.includes('Neler yapabilirim?'), text);
        assert.ok(text.includes(question.split('\n')[0]), `the open question is asked again:\n${text}`);
      });
    }
  });

  it('an answered card is updated in place to show the choice, and pressing it again does nothing', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press('Yenileme');
    const reasonCard = harness.transcript[harness.transcript.length - 1];
    await harness.press('Süresi doluyor / doldu');
    const update = harness.adapter.updates.find((activity) => activity.id === reasonCard.id);
    assert.ok(update, 'the reason card was updated');
    const updated = adaptiveCardOf(update);
    assert.deepEqual(updated?.actions, []);
    assert.ok(JSON.stringify(updated).includes('✔ Süresi doluyor / doldu'));
    const again = harness.text(await harness.pressOld('Kimlik bilgim değişti', reasonCard));
    assert.ok(again.includes('eski bir mesajdan kaldı'), again);
    assert.ok(again.includes('son geçerlilik tarihi nedir?'), 'the current question is shown again');
  });

  it('free text that answers no button asks to use the buttons', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press('Kilit çözme');
    const text = harness.text(await harness.say('bilmiyorum'));
    assert.ok(text.includes('düğmelerden birine basın'), text);
    assert.ok(text.includes('Kilit Çözme'), text);
  });

  it('speaks English to an English client, from the same policy', async () => {
    const harness = new DialogHarness({ locale: 'en-US' });
    await harness.say('hello');
    await harness.press('Unlock');
    const text = harness.text();
    assert.ok(text.includes('The PUK is **not** used to unlock'), text);
    assert.ok(text.includes('Kilit Çözme'), text);
  });

  it('counts days in Istanbul time: 22:30 UTC on 21.11 is already 22.11 in Istanbul', async () => {
    const harness = new DialogHarness({ today: '2026-11-22', now: new Date('2026-11-21T22:30:00Z') });
    await harness.say('merhaba');
    await harness.press('Yenileme');
    await harness.press('Süresi doluyor / doldu');
    const text = harness.text(await harness.submitDate('2026-12-22'));
    assert.ok(text.includes('İdari göreviniz var mı?'), `30 days left in Istanbul, so apply now:\n${text}`);
  });
});

describe('prompt ids', () => {
  it('are eight fresh letters on each question, so the secret guard never takes one for a PIN', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    let replies = await harness.press("Yeni kartın PIN'i");
    const ids: string[] = [];
    for (let step = 1; step <= 8; step++) {
      const actions = replies.map(adaptiveCardOf).flatMap((card) => (card?.actions ?? []) as { data: { promptId?: string } }[]);
      ids.push(...new Set(actions.map((action) => String(action.data.promptId))));
      if (step < 8) replies = await harness.press('Tamam, sonraki adım');
      assert.ok(!harness.text(replies).includes('artık geçerli değil'), `step ${step} was taken for a stale press`);
    }
    assert.equal(ids.length, 8);
    for (const id of ids) assert.match(id, /^[a-z]{8}$/);
    assert.equal(new Set(ids).size, ids.length);
  });
});
