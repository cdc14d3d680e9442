import type { FeatureBag } from './features';
import { INTENTS, type Intent, type ScoredIntent } from './types';

export interface LogisticSettings {
  /** Passes over the training rows. */
  epochs: number;
  /** AdaGrad step size. */
  learningRate: number;
  /** L2 penalty per row and step: keeps any one word from deciding alone, so new phrasings lean on several. */
  l2: number;
  /** Softmax temperature when answering (not when training): above 1 it keeps a second need in sight. */
  temperature: number;
}

export const DEFAULT_LOGISTIC_SETTINGS: LogisticSettings = { epochs: 8, learningRate: 0.3, l2: 1e-4, temperature: 2 };

/**
 * Multinomial logistic regression (softmax) over the same sparse features as the network, trained in
 * process with AdaGrad and an L2 penalty. The network's perceptrons fit every training row until the
 * error is nearly zero, so they follow the writers' exact words; this model, regularised, spreads the
 * weight over every feature a row shares with its intent, and it is what reads the phrasings of people
 * who never saw train.json best (README, "What issue 16 added", third pass). Deterministic: the same rows give the
 * same weights (model.test.ts compares the shipped model with a fresh training).
 */
export class LogisticRegression {
  private constructor(
    /** Feature name → its row in `weights`. */
    private readonly index: ReadonlyMap<string, number>,
    /** One row of INTENTS.length weights per feature, then the biases. */
    private readonly weights: Float64Array,
    private readonly temperature: number,
  ) {}

  static train(rows: readonly { features: FeatureBag; intent: Intent }[], settings: LogisticSettings = DEFAULT_LOGISTIC_SETTINGS): LogisticRegression {
    const classes = INTENTS.length;
    const index = new Map<string, number>();
    const prepared = rows.map((row) => {
      const entries = Object.entries(row.features);
      const offsets = Int32Array.from(entries, ([feature]) => {
        if (!index.has(feature)) index.set(feature, index.size);
        return (index.get(feature) as number) * classes;
      });
      return { offsets, values: Float64Array.from(entries, ([, value]) => value), target: INTENTS.indexOf(row.intent) };
    });
    const biasOffset = index.size * classes;
    const weights = new Float64Array(biasOffset + classes);
    const squaredGradients = new Float64Array(weights.length).fill(1e-8);
    const probabilities = new Float64Array(classes);
    const order = prepared.map((_, position) => position);
    let seed = 16;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      seed = shuffle(order, seed);
      for (const position of order) {
        const { offsets, values, target } = prepared[position] as (typeof prepared)[number];
        softmaxInto(probabilities, weights, biasOffset, offsets, values);
        for (let intent = 0; intent < classes; intent += 1) {
          const error = (probabilities[intent] as number) - (intent === target ? 1 : 0);
          step(weights, squaredGradients, biasOffset + intent, error, settings.learningRate);
          for (let feature = 0; feature < offsets.length; feature += 1) {
            const at = (offsets[feature] as number) + intent;
            step(weights, squaredGradients, at, error * (values[feature] as number) + settings.l2 * (weights[at] as number), settings.learningRate);
          }
        }
      }
    }
    return new LogisticRegression(index, weights, settings.temperature);
  }

  /** Probability of every intent, best first (they add up to 1). Unknown features are ignored. */
  posteriors(features: FeatureBag): ScoredIntent[] {
    const offsets: number[] = [];
    const values: number[] = [];
    for (const feature in features) {
      const row = this.index.get(feature);
      if (row === undefined) continue;
      offsets.push(row * INTENTS.length);
      values.push((features[feature] as number) / this.temperature);
    }
    const probabilities = new Float64Array(INTENTS.length);
    softmaxInto(probabilities, this.weights, this.index.size * INTENTS.length, offsets, values, 1 / this.temperature);
    return INTENTS.map((intent, position) => ({ intent, score: probabilities[position] as number })).sort((a, b) => b.score - a.score);
  }
}

/** One AdaGrad step on one weight. */
function step(weights: Float64Array, squaredGradients: Float64Array, at: number, gradient: number, learningRate: number): void {
  squaredGradients[at] = (squaredGradients[at] as number) + gradient * gradient;
  weights[at] = (weights[at] as number) - (learningRate * gradient) / Math.sqrt(squaredGradients[at] as number);
}

function softmaxInto(target: Float64Array, weights: Float64Array, biasOffset: number, offsets: ArrayLike<number>, values: ArrayLike<number>, biasScale = 1): void {
  const classes = target.length;
  for (let intent = 0; intent < classes; intent += 1) target[intent] = (weights[biasOffset + intent] as number) * biasScale;
  for (let feature = 0; feature < offsets.length; feature += 1) {
    const offset = offsets[feature] as number;
    const value = values[feature] as number;
    for (let intent = 0; intent < classes; intent += 1) target[intent] = (target[intent] as number) + value * (weights[offset + intent] as number);
  }
  let top = -Infinity;
  for (let intent = 0; intent < classes; intent += 1) top = Math.max(top, target[intent] as number);
  let total = 0;
  for (let intent = 0; intent < classes; intent += 1) {
    target[intent] = Math.exp((target[intent] as number) - top);
    total += target[intent] as number;
  }
  for (let intent = 0; intent < classes; intent += 1) target[intent] = (target[intent] as number) / total;
}

/** Fisher–Yates with a small linear congruential generator: the same order on every machine. */
function shuffle(order: number[], seed: number): number {
  let state = seed;
  for (let index = order.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [order[index], order[other]] = [order[other] as number, order[index] as number];
  }
  return state;
}
