import { loadCorpus, TRAINING_CORPUS_PATH } from './bot/nlu';
import { FeatureExtractor } from './bot/nlu/features';
import { LogisticRegression } from './bot/nlu/logistic';
const corpus = loadCorpus(TRAINING_CORPUS_PATH);
const ex = FeatureExtractor.fromTrainingTexts(corpus.map((r) => r.text));
const rows = corpus.map((r) => ({ features: ex.extract(r.text), intent: r.intent }));
for (let i = 0; i < 3; i++) { const t = performance.now(); LogisticRegression.train(rows); console.log('lr train ms', (performance.now() - t).toFixed(0), rows.length); }
