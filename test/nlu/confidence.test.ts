import assert from 'node:assert/strict';
import { CONFIDENCE_THRESHOLD, createRecognizer, decide, isConfident, keepInScope } from '../../bot/nlu';
import { AMBIGUOUS_MESSAGES, DECISION_ROWS, SAFETY_NET_ROWS } from './data/decisions';

describe('nlu confidence', () => {
  describe('when deciding what to do with a result', () => {
    for (const row of DECISION_ROWS) {
      it(row.name, () => {
        assert.deepEqual(decide(row.result), row.expected);
      });
    }
  });

  describe('when the message names the domain (keepInScope)', () => {
    for (const row of SAFETY_NET_ROWS) {
      it(row.name, () => {
        const kept = keepInScope(row.result);
        assert.equal(kept.intent, row.expected.intent);
        assert.ok(Math.abs(kept.score - row.expected.score) < 1e-9, String(kept.score));
        assert.deepEqual(kept.alternatives.map((entry) => entry.intent), row.expected.alternatives.map((entry) => entry.intent));
        assert.notEqual(decide(kept).kind, 'out_of_scope');
      });
    }
  });

  it('treats the threshold itself as confident', () => {
    assert.equal(isConfident({ intent: 'fees', score: CONFIDENCE_THRESHOLD, alternatives: [] }), true);
    assert.equal(isConfident({ intent: 'fees', score: CONFIDENCE_THRESHOLD - 0.01, alternatives: [] }), false);
  });

  describe('when a real message is too short to tell the path', () => {
    for (const text of AMBIGUOUS_MESSAGES) {
      it(`asks with two different paths for ${JSON.stringify(text)} instead of guessing`, async () => {
        const recognizer = await createRecognizer();
        const decision = decide(recognizer.recognize(text));
        assert.equal(decision.kind, 'clarify', JSON.stringify(decision));
        if (decision.kind === 'clarify') {
          const [first, second] = decision.options.map((option) => option.intent);
          assert.notEqual(first, second);
          assert.ok(first !== 'none' && second !== 'none');
        }
      });
    }
  });
});
