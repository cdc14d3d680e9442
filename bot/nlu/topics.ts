import { NeuralNetwork, type NeuralNetworkJson, type TrainingRow } from '@nlpjs/neural';
import type { LabelledUtterance } from './corpus';
import { FeatureExtractor, type FeatureBag } from './features';
import { DEFAULT_NETWORK_SETTINGS } from './recognizer';
import { isTopic, type Topic } from './types';

/** Output for a message that asks none of the TOPICS questions. */
const NO_TOPIC = 'no_topic';

/**
 * A topic is named when its perceptron (trained towards 1 for its own rows) reaches this. Not a
 * share against NO_TOPIC: that majority class stays high on topic questions that share words with
 * plain ones ("e-imza şifremi unuttum" / "e-imza şifrem kilitlendi"). 0.4 names every test-table
 * topic and no topic on the held-out rows that ask none (README).
 */
export const TOPIC_ACTIVATION = 0.4;

/**
 * NLP.js stops at a 10× looser error than its default: about 20 rounds instead of 50, the same
 * topics on the test rows, and less than half the training time when model.json must be rebuilt.
 */
const TOPIC_NETWORK_SETTINGS = { ...DEFAULT_NETWORK_SETTINGS, errorThresh: 0.0005 };

/**
 * Recognises the TOPICS refinements: a second NLP.js network over the same features, trained on
 * every corpus row (rows marked with a topic against all the others, which carry none).
 */
export class TopicClassifier {
  private constructor(
    private readonly network: NeuralNetwork,
    private readonly extractor: FeatureExtractor,
  ) {}

  static train(corpus: readonly LabelledUtterance[], extractor: FeatureExtractor): TopicClassifier {
    const rows: TrainingRow[] = corpus.map((row) => ({ input: extractor.extract(row.text), output: { [row.topic ?? NO_TOPIC]: 1 } }));
    const network = new NeuralNetwork({ ...TOPIC_NETWORK_SETTINGS });
    network.train(rows);
    return new TopicClassifier(network, extractor);
  }

  /** The same classifier from a network trained before (model.ts). */
  static fromSaved(saved: NeuralNetworkJson, extractor: FeatureExtractor): TopicClassifier {
    const network = new NeuralNetwork();
    network.fromJSON(saved);
    return new TopicClassifier(network, extractor);
  }

  toJSON(): NeuralNetworkJson {
    return this.network.toJSON();
  }

  classify(text: string): Topic | undefined {
    return this.classifyFeatures(this.extractor.extract(text));
  }

  /** `classify` for a message whose features are already extracted (by the same extractor). */
  classifyFeatures(features: FeatureBag): Topic | undefined {
    const topics = Object.entries(this.network.run(features) ?? {}).filter(([name]) => name !== NO_TOPIC);
    const [best, activation] = topics.reduce((top, entry) => (entry[1] > top[1] ? entry : top), [NO_TOPIC, 0]);
    return isTopic(best) && activation >= TOPIC_ACTIVATION ? best : undefined;
  }
}
