import { NeuralNetwork, type NeuralNetworkSettings, type TrainingRow } from '@nlpjs/neural';
import type { LabelledUtterance } from './corpus';
import { FeatureExtractor, type FeatureBag } from './features';
import { INTENTS, isIntent, type Intent, type IntentResult, type Recognizer, type ScoredIntent } from './types';

/** NLP.js defaults except `log`, which must stay off: the CLI's stdout carries only JSON. */
export const DEFAULT_NETWORK_SETTINGS: NeuralNetworkSettings = { log: false };

const NOTHING_KNOWN: IntentResult = { intent: 'none', score: 1, alternatives: [{ intent: 'none', score: 1 }] };

/**
 * NLP.js's neural classifier (one perceptron per intent, as in its own NLU) fed with
 * eimza-bot's Turkish features (see features.ts) instead of NLP.js's tokenizer and stemmer.
 */
export class NeuralIntentRecognizer implements Recognizer {
  private constructor(
    private readonly network: NeuralNetwork,
    private readonly extractor: FeatureExtractor,
    private readonly knownFeatures: ReadonlySet<string>,
  ) {}

  static train(corpus: readonly LabelledUtterance[], settings = DEFAULT_NETWORK_SETTINGS): NeuralIntentRecognizer {
    const extractor = FeatureExtractor.fromTrainingTexts(corpus.map((row) => row.text));
    const rows: TrainingRow[] = corpus.map((row) => ({ input: extractor.extract(row.text), output: { [row.intent]: 1 } }));
    const network = new NeuralNetwork({ ...settings });
    network.train(rows);
    const knownFeatures = new Set(rows.flatMap((row) => Object.keys(row.input)));
    return new NeuralIntentRecognizer(network, extractor, knownFeatures);
  }

  recognize(text: string, _locale?: string): IntentResult {
    const features = this.onlyKnown(this.extractor.extract(text));
    if (Object.keys(features).length === 0) return NOTHING_KNOWN;
    const ranked = rankActivations(this.network.run(features) ?? {});
    const best = ranked[0];
    if (!best) return NOTHING_KNOWN;
    return { intent: best.intent, score: best.score, alternatives: ranked };
  }

  private onlyKnown(features: FeatureBag): FeatureBag {
    return Object.fromEntries(Object.entries(features).filter(([feature]) => this.knownFeatures.has(feature)));
  }
}

/** Squares and normalises the activations to sum 1 (NLP.js's own normalizeClassifications). */
function rankActivations(activations: Record<string, number>): ScoredIntent[] {
  const squared = INTENTS.map((intent) => ({ intent, score: (activations[intent] ?? 0) ** 2 }));
  const total = squared.reduce((sum, entry) => sum + entry.score, 0);
  if (total === 0) return [];
  return squared
    .filter((entry) => entry.score > 0)
    .map((entry) => ({ intent: entry.intent, score: entry.score / total }))
    .sort((a, b) => b.score - a.score);
}

export function toIntent(value: string): Intent {
  return isIntent(value) ? value : 'none';
}
