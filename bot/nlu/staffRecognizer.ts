import type { LabelledUtterance } from './corpus';
import { askInsteadOfStarting, DomainWords, keepInScope, SOMETHING_ELSE } from './domain';
import { FeatureExtractor } from './features';
import { pathStems } from './pathWords';
import { tokenize } from './normalize';
import type { SavedModel } from './model';
import { NeuralIntentRecognizer, type TrainingOptions } from './recognizer';
import { SMALL_TALK_RESULT, type SmallTalk } from './smallTalk';
import { TopicClassifier } from './topics';
import type { Intent, IntentResult, Recognizer } from './types';

/** The intents whose questions have topics (corpus.test.ts checks train.json marks no other). */
const TOPIC_OWNERS: ReadonlySet<Intent> = new Set<Intent>(['new_card_pin', 'unlock']);

/**
 * What the bot uses: greetings answered with the menu (smallTalk.ts), the intent network, the
 * safety net for messages that name the domain (domain.ts) and the topic network (topics.ts).
 */
export class StaffMessageRecognizer implements Recognizer {
  private constructor(
    private readonly extractor: FeatureExtractor,
    private readonly intents: NeuralIntentRecognizer,
    private readonly topics: TopicClassifier,
    private readonly domainWords: DomainWords,
    private readonly smallTalk: SmallTalk,
    private readonly pathStems: ReadonlySet<string>,
  ) {}

  /** Trains both networks on the corpus, or takes them from `saved` (trained on this same corpus, see model.ts). */
  static build(
    corpus: readonly LabelledUtterance[],
    words: { domain: DomainWords; smallTalk: SmallTalk },
    options: TrainingOptions = {},
    saved?: SavedModel,
  ): StaffMessageRecognizer {
    const extractor = FeatureExtractor.fromTrainingTexts(corpus.map((row) => row.text));
    const intents = saved ? NeuralIntentRecognizer.fromSaved(saved.intents, corpus, extractor, options) : NeuralIntentRecognizer.train(corpus, options, extractor);
    const topics = saved ? TopicClassifier.fromSaved(saved.topics, extractor) : TopicClassifier.train(corpus, extractor);
    return new StaffMessageRecognizer(extractor, intents, topics, words.domain, words.smallTalk, pathStems(corpus));
  }

  /** The trained networks, for model.json. */
  networks(): Pick<SavedModel, 'intents' | 'topics'> {
    return { intents: this.intents.toJSON(), topics: this.topics.toJSON() };
  }

  /**
   * The other safety net: a message with no domain word never starts a path when it names another
   * system ("banka kartımın şifresi bloke": "bloke" is a path word) or holds no path word (pathWords.ts); the bot asks.
   */
  private guardOutsideDomain(words: readonly string[], result: IntentResult): IntentResult {
    if (this.domainWords.namesOtherSystem(words)) return askInsteadOfStarting(result);
    return words.some((word) => this.pathStems.has(this.extractor.stemOf(word))) ? result : askInsteadOfStarting(result);
  }

  recognize(text: string, _locale?: string): IntentResult {
    const words = tokenize(text);
    if (this.smallTalk.isSmallTalk(words)) return SMALL_TALK_RESULT;
    const named = this.domainWords.namedIn(words);
    if (!named && this.domainWords.usedForSomethingElse(words)) return SOMETHING_ELSE;
    const features = this.extractor.extractWords(words);
    const recognized = this.intents.recognizeFeatures(features);
    const result = named ? withoutNone(keepInScope(recognized)) : this.guardOutsideDomain(words, recognized);
    if (!TOPIC_OWNERS.has(result.intent)) return result;
    const topic = this.topics.classifyFeatures(features);
    return topic ? { ...result, topic } : result;
  }
}

/** A message that names the domain is never out of scope, so `none` is no alternative to it either (its second need comes second). */
function withoutNone(result: IntentResult): IntentResult {
  return { ...result, alternatives: result.alternatives.filter((alternative) => alternative.intent !== 'none') };
}
