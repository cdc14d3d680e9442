import { NeuralNetwork, type NeuralNetworkSettings, type TrainingRow } from '@nlpjs/neural';
import type { LabelledUtterance } from './corpus';
import { FeatureExtractor, type FeatureBag } from './features';
import { INTENTS, isIntent, type Intent, type IntentResult, type Recognizer, type ScoredIntent } from './types';

/** NLP.js defaults except `log`, which must stay off: the CLI's stdout carries only JSON. */
export const DEFAULT_NETWORK_SETTINGS: NeuralNetworkSettings = { log: false };

export interface TrainingOptions {
  /** Default: DEFAULT_NETWORK_SETTINGS. */
  networkSettings?: NeuralNetworkSettings;
  /** Default: DEFAULT_WEAK_EVIDENCE_MASS. */
  weakEvidenceMass?: number;
}

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
    private readonly weakEvidenceMass: number,
  ) {}

  static train(corpus: readonly LabelledUtterance[], options: TrainingOptions = {}): NeuralIntentRecognizer {
    const extractor = FeatureExtractor.fromTrainingTexts(corpus.map((row) => row.text));
    const rows: TrainingRow[] = corpus.map((row) => ({ input: extractor.extract(row.text), output: { [row.intent]: 1 } }));
    const network = new NeuralNetwork({ ...(options.networkSettings ?? DEFAULT_NETWORK_SETTINGS) });
    network.train(rows);
    const knownFeatures = new Set(rows.flatMap((row) => Object.keys(row.input)));
    return new NeuralIntentRecognizer(network, extractor, knownFeatures, options.weakEvidenceMass ?? DEFAULT_WEAK_EVIDENCE_MASS);
  }

  recognize(text: string, _locale?: string): IntentResult {
    const features = this.onlyKnown(this.extractor.extract(text));
    if (Object.keys(features).length === 0) return NOTHING_KNOWN;
    const ranked = rankActivations(this.network.run(features) ?? {}, this.weakEvidenceMass);
    const best = ranked[0];
    if (!best) return NOTHING_KNOWN;
    return { intent: best.intent, score: best.score, alternatives: ranked };
  }

  private onlyKnown(features: FeatureBag): FeatureBag {
    return Object.fromEntries(Object.entries(features).filter(([feature]) => this.knownFeatures.has(feature)));
  }
}

/**
 * Weak-evidence mass added to the squared activations before normalising.
 * NLP.js normalises squared activations to sum 1, which turns a weak 0.15 vs 0.11 ("e imza")
 * into a confident-looking 0.65. Each perceptron is trained towards 1 for its intent, so a small
 * top activation means little evidence; this constant keeps such scores low (→ clarify).
 * Tuned with bench/nlu.ts (README, "Threshold").
 */
export const DEFAULT_WEAK_EVIDENCE_MASS = 0.1;

/** Squared activations normalised like NLP.js's normalizeClassifications, plus the weak-evidence mass. */
function rankActivations(activations: Record<string, number>, weakEvidenceMass: number): ScoredIntent[] {
  const squared = INTENTS.map((intent) => ({ intent, score: (activations[intent] ?? 0) ** 2 }));
  const activated = squared.reduce((sum, entry) => sum + entry.score, 0);
  if (activated === 0) return [];
  const total = activated + weakEvidenceMass;
  return squared
    .filter((entry) => entry.score > 0)
    .map((entry) => ({ intent: entry.intent, score: entry.score / total }))
    .sort((a, b) => b.score - a.score);
}

export function toIntent(value: string): Intent {
  return isIntent(value) ? value : 'none';
}
