import assert from 'node:assert/strict';
import { scanForSecrets } from '../../bot/secrets';
import { secretCases } from './secrets.cases';
import { DialogHarness } from '../dialogs/harness';

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

describe('secret guard during the PIN paths', () => {
  it('takes a lone 6-digit number for a PIN at the SMS step of the new-card PIN path', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press("Yeni kartın PIN'i");
    for (let step = 1; step <= 5; step++) await harness.press('Tamam, sonraki adım');
    assert.ok(harness.text(harness.transcript.slice(-1)).includes("Yeni kartın PIN'i · Adım 6/8"));
    const text = harness.text(await harness.say('482913'));
    assert.ok(text.includes('Güvenliğiniz için'), text);
  });
});
