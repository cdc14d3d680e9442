import type { FeatureBag } from './features';
import { INTENTS, type Intent, type ScoredIntent } from './types';

/** Additive smoothing: small, because most features belong to one or two intents. */
const SMOOTHING = 0.1;

/**
 * Multinomial naive Bayes over the same features as the network. Alone it is weaker (bench), but it
 * never zeroes an intent the way the network's rectified perceptrons do, and it weighs every
 * feature of a long message, so a small share of it in the ensemble (staffRecognizer.ts) keeps
 * the second need of a two-need message in sight and steadies long, chatty messages.
 */
export class NaiveBayes {
  private constructor(
    /** Log prior plus the log likelihood of an unseen feature, per intent (INTENTS order). */
    private readonly baseline: Float64Array,
    /** Per feature, per intent: how much more likely than an unseen feature (log). */
    private readonly evidence: ReadonlyMap<string, Float64Array>,
  ) {}

  static train(rows: readonly { features: FeatureBag; intent: Intent }[]): NaiveBayes {
    const vocabulary = new Set(rows.flatMap((row) => Object.keys(row.features)));
    const baseline = new Float64Array(INTENTS.length);
    const evidence = new Map<string, Float64Array>([...vocabulary].map((feature) => [feature, new Float64Array(INTENTS.length)]));
    INTENTS.forEach((intent, index) => {
      const own = rows.filter((row) => row.intent === intent);
      const counts = new Map<string, number>();
      let total = 0;
      for (const row of own) {
        for (const [feature, value] of Object.entries(row.features)) {
          counts.set(feature, (counts.get(feature) ?? 0) + value);
          total += value;
        }
      }
      const unseen = Math.log(SMOOTHING) - Math.log(total + SMOOTHING * vocabulary.size);
      baseline[index] = Math.log(Math.max(own.length, 1) / rows.length);
      for (const [feature, count] of counts) (evidence.get(feature) as Float64Array)[index] = Math.log(count + SMOOTHING) - Math.log(SMOOTHING);
      // every known feature also costs each intent the unseen likelihood; added per message below
      evidence.forEach((perIntent) => (perIntent[index] = (perIntent[index] as number) + unseen));
    });
    return new NaiveBayes(baseline, evidence);
  }

  /** Posterior of every intent, best first (they add up to 1). Unknown features are ignored. */
  posteriors(features: FeatureBag): ScoredIntent[] {
    const logScores = Float64Array.from(this.baseline);
    for (const feature in features) {
      const perIntent = this.evidence.get(feature);
      if (!perIntent) continue;
      const value = features[feature] as number;
      for (let index = 0; index < logScores.length; index += 1) logScores[index] = (logScores[index] as number) + value * (perIntent[index] as number);
    }
    const top = Math.max(...logScores);
    const weights = Array.from(logScores, (score) => Math.exp(score - top));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return INTENTS.map((intent, index) => ({ intent, score: (weights[index] as number) / total })).sort((a, b) => b.score - a.score);
  }
}
