import { NeuralNetwork, type NeuralNetworkJson, type TrainingRow } from '@nlpjs/neural';
import type { LabelledUtterance } from './corpus';
import { FeatureExtractor, type FeatureBag } from './features';
import { DEFAULT_NETWORK_SETTINGS } from './recognizer';
import { isTopic, type Topic } from './types';

/** Output for a message that asks none of the TOPICS questions. */
const NO_TOPIC = 'no_topic';

/** A topic is named only above this share of the activations (the rest goes to NO_TOPIC and other topics). */
export const TOPIC_THRESHOLD = 0.5;

/**
 * NLP.js stops at a 10× looser error than its default: 19 rounds instead of about 50, the same
 * topics on the test rows, and the whole build stays under a second (README).
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
    const activations = Object.entries(this.network.run(features) ?? {});
    const total = activations.reduce((sum, [, activation]) => sum + activation ** 2, 0);
    const [best, activation] = activations.reduce((top, entry) => (entry[1] > top[1] ? entry : top), [NO_TOPIC, 0]);
    return isTopic(best) && activation ** 2 / total >= TOPIC_THRESHOLD ? best : undefined;
  }
}
