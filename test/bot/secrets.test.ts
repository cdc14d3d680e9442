import assert from 'node:assert/strict';
import { scanForSecrets } from '../../bot/secrets';
import { secretCases } from './secrets.cases';

describe('secret detection', () => {
  for (const row of secretCases) {
    const context = row.pinContext ? ' (after PIN talk)' : '';
    it(`${row.kinds.length ? 'hides' : 'leaves'} "${row.text}"${context}`, () => {
      const scan = scanForSecrets(row.text, row.pinContext);
      assert.deepEqual(scan.kinds, row.kinds);
      assert.equal(scan.masked.length, row.text.length);
      for (const secret of row.hidden ?? []) assert.ok(!scan.masked.includes(secret), scan.masked);
      if (row.kinds.length === 0) assert.equal(scan.masked, row.text);
    });
  }
});
