import { fidelityTables } from './fidelity.cases';
import { assertRecorded, play } from './playPath';
import type { IntentResult, Recognizer } from '../../bot/nlu';

/** The recognizer's answer fixed, so a typed row tests the dialog routing alone (bot/nlu is tested in test/nlu). */
class FixedRecognizer implements Recognizer {
  constructor(private readonly result: IntentResult) {}
  recognize(): IntentResult {
    return this.result;
  }
}

describe('issue 14, second pass: every instruction exactly right (TestAdapter)', () => {
  for (const [group, rows] of fidelityTables) {
    describe(group, () => {
      for (const row of rows) {
        it(row.name, async () => {
          const harness = await play(row, row.locale === 'en' ? 'en-US' : undefined, row.intent && new FixedRecognizer(row.intent));
          await assertRecorded(harness, row);
        });
      }
    });
  }
});
