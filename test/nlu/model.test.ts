import assert from 'node:assert/strict';
import { HELD_OUT_SETS, loadCorpus, readSavedModel, trainRecognizer, TRAINING_CORPUS_PATH } from '../../bot/nlu';

describe('nlu shipped model (bot/nlu/model.json)', () => {
  const corpus = loadCorpus(TRAINING_CORPUS_PATH);

  it('was built from the training corpus as it is now (else run `npm run nlu:build`)', () => {
    assert.ok(readSavedModel(corpus), 'model.json is missing or was built from another corpus');
  });

  it('is not taken for another corpus', () => {
    assert.equal(readSavedModel(corpus.slice(1)), undefined);
  });

  it('answers every held-out row as a fresh training does (else raise MODEL_FORMAT and rebuild)', function () {
    this.timeout(90_000); // a fresh training of 2,800 rows: 10–60 s as the shared machine's load goes
    const shipped = trainRecognizer({ corpus });
    const fresh = trainRecognizer({ corpus, modelPath: null });
    for (const { text } of HELD_OUT_SETS.flatMap((set) => loadCorpus(set.path))) {
      const [saved, trained] = [shipped.recognize(text), fresh.recognize(text)];
      assert.equal(saved.intent, trained.intent, text);
      assert.equal(saved.topic, trained.topic, text);
      assert.ok(Math.abs(saved.score - trained.score) < 1e-4, `${text}: ${saved.score} vs ${trained.score}`);
    }
  });
});
