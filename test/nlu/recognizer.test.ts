import assert from 'node:assert/strict';
import { CONFIDENCE_THRESHOLD, createRecognizer, decide, INTENTS, type IntentResult, type Recognizer } from '../../bot/nlu';
import { UTTERANCE_ROWS } from './data/utterances';

describe('nlu recognizer', () => {
  let recognizer: Recognizer;

  before(async () => {
    recognizer = await createRecognizer();
  });

  describe('when given held-out utterances', () => {
    for (const row of UTTERANCE_ROWS) {
      it(`${row.intent} (${row.variant}): ${row.text}`, () => {
        const result = recognizer.recognize(row.text, 'tr');
        assert.equal(result.intent, row.intent, describeResult(result));
      });
    }
  });

  it('covers every intent with diacritic-free, upper-case, typo and English rows', () => {
    for (const intent of INTENTS.filter((name) => name !== 'none')) {
      const variants = new Set(UTTERANCE_ROWS.filter((row) => row.intent === intent).map((row) => row.variant));
      for (const variant of ['no-diacritics', 'upper-case', 'typo', 'english'] as const) {
        assert.ok(variants.has(variant), `${intent} has no ${variant} row`);
      }
    }
  });

  describe('when out-of-scope text arrives', () => {
    it('never starts a path for it', () => {
      for (const row of UTTERANCE_ROWS.filter((candidate) => candidate.intent === 'none')) {
        assert.notEqual(decide(recognizer.recognize(row.text)).kind, 'confident', row.text);
      }
    });

    it('answers none with full confidence for text with no known word', () => {
      assert.deepEqual(recognizer.recognize('qwxz zzkj'), { intent: 'none', score: 1, alternatives: [{ intent: 'none', score: 1 }] });
      assert.equal(recognizer.recognize('').intent, 'none');
    });
  });

  describe('when the text mixes two paths', () => {
    it('keeps both among the top two alternatives', () => {
      const result = recognizer.recognize('kartımı kaybettim, yenisinin ücretini kim ödeyecek');
      const topTwo = result.alternatives.slice(0, 2).map((alternative) => alternative.intent);
      assert.deepEqual([...topTwo].sort(), ['fees', 'lost_card'], describeResult(result));
    });
  });

  it('returns scores that add up to at most 1, best first', () => {
    const { alternatives, score } = recognizer.recognize('e imzam kilitlendi');
    const total = alternatives.reduce((sum, alternative) => sum + alternative.score, 0);
    assert.ok(total > 0 && total <= 1 + 1e-9, String(total));
    assert.equal(alternatives[0]?.score, score);
    assert.deepEqual([...alternatives].sort((a, b) => b.score - a.score), alternatives);
  });
});

function describeResult(result: IntentResult): string {
  const top = result.alternatives.slice(0, 3).map((alternative) => `${alternative.intent}:${alternative.score.toFixed(2)}`);
  return `got ${top.join(' ')} (threshold ${CONFIDENCE_THRESHOLD})`;
}
