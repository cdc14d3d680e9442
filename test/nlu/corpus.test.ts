import assert from 'node:assert/strict';
import { DEV_CORPUS_PATH, INTENTS, loadCorpus, tokenize, TRAINING_CORPUS_PATH, type LabelledUtterance } from '../../bot/nlu';
import { UTTERANCE_ROWS } from './data/utterances';

const MIN_TRAINING_ROWS = 30;
const MIN_DEV_ROWS = 15;

describe('nlu corpus', () => {
  const train = loadCorpus(TRAINING_CORPUS_PATH);
  const dev = loadCorpus(DEV_CORPUS_PATH);
  const trainingKeys = new Set(train.map((row) => normalizedKey(row.text)));

  for (const intent of INTENTS) {
    it(`has at least ${MIN_TRAINING_ROWS} training and ${MIN_DEV_ROWS} dev rows for ${intent}`, () => {
      assert.ok(countFor(train, intent) >= MIN_TRAINING_ROWS, `train: ${countFor(train, intent)}`);
      assert.ok(countFor(dev, intent) >= MIN_DEV_ROWS, `dev: ${countFor(dev, intent)}`);
    });
  }

  it('never trains on a dev sentence, even one that differs only in case or Turkish letters', () => {
    const leaked = dev.filter((row) => trainingKeys.has(normalizedKey(row.text))).map((row) => row.text);
    assert.deepEqual(leaked, []);
  });

  it('never trains on a test-table sentence', () => {
    const leaked = UTTERANCE_ROWS.filter((row) => trainingKeys.has(normalizedKey(row.text))).map((row) => row.text);
    assert.deepEqual(leaked, []);
  });
});

function normalizedKey(text: string): string {
  return tokenize(text).join(' ');
}

function countFor(rows: readonly LabelledUtterance[], intent: string): number {
  return rows.filter((row) => row.intent === intent).length;
}
