import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanForSecrets, type SecretContext } from '../../bot/secrets';

/**
 * The secrets corpus (test/bot/data/secretCorpus.json), written by someone who never saw the guard:
 * secret phrasings (every value must disappear) and harmless look-alikes (dates in every format the
 * date prompt accepts, phones, extensions, years, counts: left exactly as typed). One row, one test.
 */
interface CorpusRow {
  text: string;
  secret: boolean;
  context: SecretContext;
  values: string[];
  kind: string;
  note?: string;
}

const rows = (JSON.parse(readFileSync(path.join(__dirname, 'data', 'secretCorpus.json'), 'utf8')) as { rows: CorpusRow[] }).rows;

/** Every place `value` is written in `text` shows no letter or digit of it once masked. */
function visibleAt(text: string, masked: string, value: string): string[] {
  const seen: string[] = [];
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const piece = masked.slice(at, at + value.length);
    if (/[\p{L}\p{N}]/u.test(piece)) seen.push(piece);
  }
  return seen;
}

describe('secrets corpus', () => {
  it('holds at least 300 secret phrasings and 200 harmless look-alikes', () => {
    assert.ok(rows.filter((row) => row.secret).length >= 300);
    assert.ok(rows.filter((row) => !row.secret).length >= 200);
  });

  describe('secrets are hidden whole', () => {
    for (const row of rows.filter((candidate) => candidate.secret)) {
      it(`[${row.kind}, ${row.context}] ${row.text}`, () => {
        const scan = scanForSecrets(row.text, row.context);
        assert.ok(scan.kinds.length > 0, `no warning for: ${row.text}`);
        assert.equal(scan.masked.length, row.text.length);
        for (const value of row.values) {
          assert.ok(row.text.includes(value), `the row's value ${value} is in its text`);
          assert.deepEqual(visibleAt(row.text, scan.masked, value), [], `${value} still shows in: ${scan.masked}`);
        }
      });
    }
  });

  describe('look-alikes pass untouched', () => {
    for (const row of rows.filter((candidate) => !candidate.secret)) {
      it(`[${row.kind}, ${row.context}] ${row.text}`, () => {
        const scan = scanForSecrets(row.text, row.context);
        assert.deepEqual(scan.kinds, []);
        assert.equal(scan.masked, row.text);
      });
    }
  });
});
