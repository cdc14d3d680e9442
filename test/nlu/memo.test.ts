import assert from 'node:assert/strict';
import { memoizedPerWord } from '../../bot/nlu/memo';
import { stemToken } from '../../bot/nlu/stem';

describe('per-word memo', () => {
  it('computes each word once and gives the same answer after', () => {
    const computed: string[] = [];
    const upper = memoizedPerWord((word) => { computed.push(word); return word.toUpperCase(); });
    assert.deepEqual(['kart', 'pin', 'kart', 'kart', 'pin'].map(upper), ['KART', 'PIN', 'KART', 'KART', 'PIN']);
    assert.deepEqual(computed, ['kart', 'pin']);
  });

  it('stays within its limit: when full it starts over, and still answers right', () => {
    const computed: string[] = [];
    const length = memoizedPerWord((word) => { computed.push(word); return String(word.length); }, 2);
    assert.deepEqual(['a', 'bb', 'ccc', 'a'].map(length), ['1', '2', '3', '1']);
    assert.deepEqual(computed, ['a', 'bb', 'ccc', 'a']);
  });

  it("leaves the stemmer's answers as they were, asked once or many times", () => {
    for (const [word, stem] of [['kartimi', 'kart'], ['kartimi', 'kart'], ['unuttum', 'unut'], ['yeni', 'yeni']]) {
      assert.equal(stemToken(word), stem, word);
    }
  });
});
