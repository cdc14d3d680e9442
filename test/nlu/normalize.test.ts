import assert from 'node:assert/strict';
import { normalizeText, tokenize } from '../../bot/nlu';
import { stemToken } from '../../bot/nlu/stem';
import { NORMALIZER_ROWS } from './data/normalizer';
import { DIFFERENT_STEM_ROWS, SAME_STEM_ROWS } from './data/stemmer';

describe('nlu normalisation', () => {
  describe('when folding Turkish text (İ/I/ı/i, diacritics)', () => {
    for (const row of NORMALIZER_ROWS) {
      it(`${JSON.stringify(row.input)} → ${JSON.stringify(row.normalized)}, tokens ${row.tokens.join(' ')}`, () => {
        assert.equal(normalizeText(row.input), row.normalized);
        assert.deepEqual(tokenize(row.input), row.tokens);
      });
    }
  });

  describe('when stemming', () => {
    for (const forms of SAME_STEM_ROWS) {
      it(`gives ${forms.join(', ')} one stem`, () => {
        assert.deepEqual(new Set(forms.map(stemToken)).size, 1, forms.map(stemToken).join(' '));
      });
    }
    for (const [first, second] of DIFFERENT_STEM_ROWS) {
      it(`keeps ${first} and ${second} apart`, () => {
        assert.notEqual(stemToken(first), stemToken(second));
      });
    }
  });
});
