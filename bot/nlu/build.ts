/**
 * `npm run nlu:build`: trains the networks on corpus/train.json and saves them to model.json,
 * which the bot then loads at start instead of training. Run it after every change to
 * train.json (or the features: raise MODEL_FORMAT in model.ts); test/nlu/model.test.ts checks.
 */
import { loadCorpus, MODEL_PATH, trainRecognizer, TRAINING_CORPUS_PATH, writeSavedModel } from './index';

const corpus = loadCorpus(TRAINING_CORPUS_PATH);
const started = performance.now();
const recognizer = trainRecognizer({ corpus, modelPath: null });
writeSavedModel(recognizer.networks(), corpus);
process.stderr.write(`nlu:build: trained on ${corpus.length} utterances in ${Math.round(performance.now() - started)} ms, saved ${MODEL_PATH}\n`);
