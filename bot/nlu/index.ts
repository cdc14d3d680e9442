/**
 * Intent recognition for eimza-bot (issue 4).
 *
 * @example
 * const recognizer = await createRecognizer();
 * const result = recognizer.recognize('E İMZAM KİLİTLENDİ', 'tr'); // { intent: 'unlock', score: 0.9x, ... }
 * const decision = decide(result); // { kind: 'confident', intent: 'unlock', ... }
 */
import { loadCorpus, TRAINING_CORPUS_PATH, type LabelledUtterance } from './corpus';
import { DomainWords, DOMAIN_WORDS_PATH } from './domain';
import type { TrainingOptions } from './recognizer';
import { MODEL_PATH, readSavedModel } from './model';
import { SmallTalk, SMALL_TALK_PATH } from './smallTalk';
import { StaffMessageRecognizer } from './staffRecognizer';

export * from './types';
export { CONFIDENCE_THRESHOLD, clarificationOptions, decide, isConfident, type RecognitionDecision } from './confidence';
export { loadCorpus, TRAINING_CORPUS_PATH, HELD_OUT_SETS, type HeldOutSet, type LabelledUtterance } from './corpus';
export { normalizeText, tokenize, turkishLowerCase, foldDiacritics } from './normalize';

export { DEFAULT_BAYES_SHARE, DEFAULT_LOGISTIC_SHARE, DEFAULT_WEAK_EVIDENCE_MASS } from './recognizer';
export { DomainWords, DOMAIN_WORDS_PATH, keepInScope } from './domain';
export { SmallTalk, SMALL_TALK_PATH } from './smallTalk';
export { StaffMessageRecognizer } from './staffRecognizer';
export { corpusFingerprint, MODEL_PATH, readSavedModel, writeSavedModel, type SavedModel } from './model';

export interface RecognizerOptions extends TrainingOptions {
  /** Training utterances; default: the corpus file at `trainingCorpusPath`. */
  corpus?: readonly LabelledUtterance[];
  /** Default: bot/nlu/corpus/train.json. */
  trainingCorpusPath?: string;
  /** Words that name the domain (the safety net); default: bot/nlu/corpus/domain.json. */
  domainWordsPath?: string;
  /** Greetings and small talk; default: bot/nlu/corpus/smallTalk.json. */
  smallTalkPath?: string;
  /**
   * The networks saved by `npm run nlu:build` (default bot/nlu/model.json), taken only when built
   * from this very corpus; `null` = always train. Custom network settings always train.
   */
  modelPath?: string | null;
}

/** Loads the saved networks, or trains them from the corpus when there are none for it (see README), and returns the recognizer. */
export function trainRecognizer(options: RecognizerOptions = {}): StaffMessageRecognizer {
  const corpus = options.corpus ?? loadCorpus(options.trainingCorpusPath ?? TRAINING_CORPUS_PATH);
  const words = { domain: DomainWords.load(options.domainWordsPath ?? DOMAIN_WORDS_PATH), smallTalk: SmallTalk.load(options.smallTalkPath ?? SMALL_TALK_PATH) };
  const modelPath = options.networkSettings ? null : options.modelPath === undefined ? MODEL_PATH : options.modelPath;
  const saved = modelPath === null ? undefined : readSavedModel(corpus, modelPath);
  return StaffMessageRecognizer.build(corpus, words, options, saved);
}

/** `trainRecognizer`, as a promise. */
export async function createRecognizer(options: RecognizerOptions = {}): Promise<StaffMessageRecognizer> {
  return trainRecognizer(options);
}
