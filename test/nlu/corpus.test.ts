import assert from 'node:assert/strict';
import { HELD_OUT_SETS, INTENTS, loadCorpus, tokenize, TRAINING_CORPUS_PATH, type LabelledUtterance } from '../../bot/nlu';
import { WRITTEN_BY_BOTH } from './data/dev2Shared';
import { DEV3_WRITTEN_BY_BOTH } from './data/dev3Shared';
import { HOLDOUT2_WRITTEN_BY_BOTH } from './data/holdout2Shared';
import { DEV4_WRITTEN_BY_BOTH } from './data/dev4Shared';
import { DEV5_WRITTEN_BY_BOTH } from './data/dev5Shared';
import { HOLDOUT3_WRITTEN_BY_BOTH } from './data/holdout3Shared';
import { HOLDOUT4_WRITTEN_BY_BOTH } from './data/holdout4Shared';
import { DOMAIN_MESSAGES, KIND_ROWS, NO_PATH_WORD_MESSAGES, OTHER_SYSTEM_MESSAGES, OTHER_SYSTEM_PATH_WORD_MESSAGES, PATH_WORD_MESSAGES, SOMETHING_ELSE_MESSAGES, TOPIC_ROWS } from './data/kinds';
import { UTTERANCE_ROWS } from './data/utterances';

const MIN_TRAINING_ROWS = 30;
const MIN_DEV_ROWS = 15;
/** Issue 16: at least 25 per intent in the second held-out set. */
const MIN_DEV2_ROWS = 25;

describe('nlu corpus', () => {
  const train = loadCorpus(TRAINING_CORPUS_PATH);
  const sets = new Map(HELD_OUT_SETS.map((set) => [set.name, loadCorpus(set.path)]));
  const dev = sets.get('dev')!;
  const dev2 = sets.get('dev2')!;
  const trainingKeys = new Set(train.map((row) => normalizedKey(row.text)));

  for (const intent of INTENTS) {
    it(`has at least ${MIN_TRAINING_ROWS} training and ${MIN_DEV_ROWS} dev rows for ${intent}`, () => {
      assert.ok(countFor(train, intent) >= MIN_TRAINING_ROWS, `train: ${countFor(train, intent)}`);
      assert.ok(countFor(dev, intent) >= MIN_DEV_ROWS, `dev: ${countFor(dev, intent)}`);
    });
  }

  it(`has at least ${MIN_DEV2_ROWS} rows per intent in dev2`, () => {
    for (const intent of INTENTS) assert.ok(countFor(dev2, intent) >= MIN_DEV2_ROWS, `${intent}: ${countFor(dev2, intent)}`);
  });

  it('never trains on a dev sentence, even one that differs only in case or Turkish letters', () => {
    const leaked = dev.filter((row) => trainingKeys.has(normalizedKey(row.text))).map((row) => row.text);
    assert.deepEqual(leaked, []);
  });

  const leakedFrom = (set: readonly LabelledUtterance[], writtenByBoth: readonly string[]): string[] => {
    const sharedKeys = new Set(writtenByBoth.map(normalizedKey));
    return set.filter((row) => trainingKeys.has(normalizedKey(row.text)) && !sharedKeys.has(normalizedKey(row.text))).map((row) => row.text);
  };

  /** The sentences train.json already held when each later set was first run (short phrasings both writers wrote). */
  const writtenByBoth: Record<string, readonly string[]> = {
    dev2: WRITTEN_BY_BOTH, dev3: DEV3_WRITTEN_BY_BOTH, holdout2: HOLDOUT2_WRITTEN_BY_BOTH, dev4: DEV4_WRITTEN_BY_BOTH,
    dev5: DEV5_WRITTEN_BY_BOTH, holdout3: HOLDOUT3_WRITTEN_BY_BOTH, holdout4: HOLDOUT4_WRITTEN_BY_BOTH,
  };
  for (const { name } of HELD_OUT_SETS.filter((set) => set.name !== 'dev')) {
    it(`never trains on a ${name} sentence, except the ones train held before ${name} was first run`, () => {
      assert.ok(writtenByBoth[name], `${name} needs its list of sentences both writers wrote (test/nlu/data/)`);
      assert.deepEqual(leakedFrom(sets.get(name)!, writtenByBoth[name]), []);
    });
  }

  it('never trains on a test-table sentence', () => {
    const tables = [...UTTERANCE_ROWS, ...KIND_ROWS, ...TOPIC_ROWS, ...PATH_WORD_MESSAGES].map((row) => row.text).concat(DOMAIN_MESSAGES, OTHER_SYSTEM_MESSAGES, NO_PATH_WORD_MESSAGES, OTHER_SYSTEM_PATH_WORD_MESSAGES, SOMETHING_ELSE_MESSAGES);
    const leaked = tables.filter((text) => trainingKeys.has(normalizedKey(text)));
    assert.deepEqual(leaked, []);
  });

  it('marks topics only on the intents that own them', () => {
    const owners = { old_pin_on_new_card: 'new_card_pin', new_card_when: 'new_card_pin', sms_number: 'new_card_pin', puk: 'unlock', forgot_pin: 'unlock' };
    const misplaced = train.filter((row) => row.topic && owners[row.topic] !== row.intent).map((row) => row.text);
    assert.deepEqual(misplaced, []);
  });
});

function normalizedKey(text: string): string {
  return tokenize(text).join(' ');
}

function countFor(rows: readonly LabelledUtterance[], intent: string): number {
  return rows.filter((row) => row.intent === intent).length;
}
