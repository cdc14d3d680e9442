import assert from 'node:assert/strict';
import { CONFIDENCE_THRESHOLD, createRecognizer, decide, INTENTS, type IntentResult, type Recognizer } from '../../bot/nlu';
import { DOMAIN_MESSAGES, KIND_ROWS, NO_PATH_WORD_MESSAGES, OTHER_SYSTEM_MESSAGES, OTHER_SYSTEM_PATH_WORD_MESSAGES, PATH_WORD_MESSAGES, SOMETHING_ELSE_MESSAGES, TOPIC_ROWS } from './data/kinds';
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

  describe('when staff write the kinds of message issue 16 found missed', () => {
    for (const row of KIND_ROWS) {
      it(`${row.intent} (${row.kind}): ${row.text}`, () => {
        const result = recognizer.recognize(row.text, 'tr');
        assert.equal(result.intent, row.intent, describeResult(result));
      });
    }
  });

  describe('when a message asks one of the topic questions', () => {
    for (const row of TOPIC_ROWS) {
      it(`${row.intent} / ${row.topic ?? 'no topic'}: ${row.text}`, () => {
        const result = recognizer.recognize(row.text, 'tr');
        assert.equal(result.intent, row.intent, describeResult(result));
        assert.equal(result.topic, row.topic, describeResult(result));
      });
    }

    it('never gives a topic to an out-of-scope message', () => {
      for (const text of OTHER_SYSTEM_MESSAGES) assert.equal(recognizer.recognize(text).topic, undefined, text);
    });
  });

  describe('the safety net: a message that names the domain', () => {
    for (const text of DOMAIN_MESSAGES) {
      it(`is never answered "out of scope": ${text}`, () => {
        const result = recognizer.recognize(text, 'tr');
        assert.notEqual(result.intent, 'none', describeResult(result));
        assert.notEqual(decide(result).kind, 'out_of_scope', describeResult(result));
      });
    }

    for (const text of OTHER_SYSTEM_MESSAGES) {
      it(`still leaves another system's card or password out of scope: ${text}`, () => {
        assert.equal(decide(recognizer.recognize(text, 'tr')).kind, 'out_of_scope');
      });
    }

    for (const text of SOMETHING_ELSE_MESSAGES) {
      it(`leaves a domain word used for something else out of scope: ${text}`, () => {
        const result = recognizer.recognize(text, 'tr');
        assert.equal(result.intent, 'none', describeResult(result));
        assert.equal(decide(result).kind, 'out_of_scope', describeResult(result));
      });
    }
  });

  it('covers every kind of issue 16 with at least three rows', () => {
    const kinds = new Map<string, number>();
    for (const row of KIND_ROWS) kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + 1);
    for (const [kind, count] of kinds) assert.ok(count >= 3, `${kind}: ${count}`);
    assert.equal(kinds.size, 32);
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

    for (const text of NO_PATH_WORD_MESSAGES) {
      it(`never starts a path for a message with no domain word and no path word: ${text}`, () => {
        const result = recognizer.recognize(text);
        const decision = decide(result);
        assert.ok(decision.kind !== 'confident' || decision.intent === 'help', describeResult(result));
      });
    }

    for (const text of OTHER_SYSTEM_PATH_WORD_MESSAGES) {
      it(`never starts a path for another system's message, path word or not: ${text}`, () => {
        const result = recognizer.recognize(text);
        const decision = decide(result);
        assert.ok(decision.kind !== 'confident' || decision.intent === 'help', describeResult(result));
      });
    }

    for (const { text, intent } of PATH_WORD_MESSAGES) {
      it(`still starts the path of a message with a path word and no domain word: ${text}`, () => {
        const result = recognizer.recognize(text);
        const decision = decide(result);
        assert.deepEqual({ kind: decision.kind, intent: decision.kind === 'confident' ? decision.intent : undefined }, { kind: 'confident', intent }, describeResult(result));
      });
    }

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
