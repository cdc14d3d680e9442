/**
 * Intent recognition for eimza-bot (issue 4).
 *
 * @example
 * const recognizer = await createRecognizer();
 * const result = recognizer.recognize('E İMZAM KİLİTLENDİ', 'tr'); // { intent: 'unlock', score: 0.9x, ... }
 * const decision = decide(result); // { kind: 'confident', intent: 'unlock', ... }
 */
import { loadCorpus, TRAINING_CORPUS_PATH, type LabelledUtterance } from './corpus';
import { NeuralIntentRecognizer, type TrainingOptions } from './recognizer';
import type { Recognizer } from './types';

export * from './types';
export { CONFIDENCE_THRESHOLD, clarificationOptions, decide, isConfident, type RecognitionDecision } from './confidence';
export { loadCorpus, TRAINING_CORPUS_PATH, DEV_CORPUS_PATH, type LabelledUtterance } from './corpus';
export { normalizeText, tokenize, turkishLowerCase, foldDiacritics } from './normalize';

export { DEFAULT_WEAK_EVIDENCE_MASS } from './recognizer';

export interface RecognizerOptions extends TrainingOptions {
  /** Training utterances; default: the corpus file at `trainingCorpusPath`. */
  corpus?: readonly LabelledUtterance[];
  /** Default: bot/nlu/corpus/train.json. */
  trainingCorpusPath?: string;
}

/** Trains the model from the corpus (tens of milliseconds, see README) and returns it. */
export function trainRecognizer(options: RecognizerOptions = {}): Recognizer {
  const corpus = options.corpus ?? loadCorpus(options.trainingCorpusPath ?? TRAINING_CORPUS_PATH);
  return NeuralIntentRecognizer.train(corpus, options);
}

/** `trainRecognizer`, as a promise. */
export async function createRecognizer(options: RecognizerOptions = {}): Promise<Recognizer> {
  return trainRecognizer(options);
}
