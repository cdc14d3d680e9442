import { Vocabulary } from './fuzzy';
import { tokenize } from './normalize';
import { memoizedPerWord } from './memo';
import { stemToken } from './stem';

export type FeatureBag = Record<string, number>;

/** Long enough to keep "kilit", "sifre", "guven" apart, short enough to join their inflections. */
const PREFIX_LENGTH = 5;

/**
 * Turns a message into the sparse features the classifier sees:
 * the light stem of every word, its first PREFIX_LENGTH letters (a back-up for suffixes the
 * stemmer does not know), pairs of adjacent stems ("yeni kart" ≠ "kart" + "yeni" elsewhere)
 * and the letter n-grams of every word as typed. Unknown words are first corrected to the
 * closest training word (typo tolerance) for the stems, prefixes and pairs.
 */
export class FeatureExtractor {
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly knownStems: ReadonlySet<string>,
  ) {}

  static fromTrainingTexts(texts: readonly string[]): FeatureExtractor {
    const vocabulary = new Vocabulary();
    const knownStems = new Set<string>();
    for (const text of texts) {
      for (const token of tokenize(text)) {
        vocabulary.add(token);
        knownStems.add(stemToken(token));
      }
    }
    return new FeatureExtractor(vocabulary, knownStems);
  }

  extract(text: string): FeatureBag {
    return this.extractWords(tokenize(text));
  }

  /** `extract` for a message already tokenized (normalize.ts). */
  extractWords(words: readonly string[]): FeatureBag {
    return { ...characterGrams(words), ...featuresOfWords(words.map(this.spellCorrect)) };
  }

  /** A new inflection of a known word ("yapacagim" when "yapmaliyim" was seen) is not a typo. */
  private readonly spellCorrect = memoizedPerWord((token) => {
    if (this.knownStems.has(stemToken(token))) return token;
    return this.vocabulary.correct(token) ?? token;
  });
}

export function featuresOfWords(words: readonly string[]): FeatureBag {
  const features: FeatureBag = {};
  const stems = words.map(stemToken);
  stems.forEach((stem, index) => {
    features[`s:${stem}`] = 1;
    const word = words[index] as string;
    if (word.length > PREFIX_LENGTH) features[`p:${word.slice(0, PREFIX_LENGTH)}`] = 1;
    const nextStem = stems[index + 1];
    if (nextStem !== undefined) features[`b:${stem}_${nextStem}`] = 1;
  });
  return features;
}

/** Letters per n-gram; 3 beat 4 and 5 on dev and on issue 16's kinds (bot/nlu/README.md). */
const GRAM_LENGTH = 3;
/**
 * Input value of an n-gram feature (stems and prefixes count 1). A word gives several n-grams:
 * at 1 they outvote the stems and NLP.js's perceptrons train slower and worse (README).
 */
const GRAM_WEIGHT = 0.25;

/**
 * Letter n-grams of every word, padded with word boundaries ("^kilit" ... "tli$"): they survive
 * typos, suffixes the stemmer does not know and words it over-stems.
 */
export const CHARACTER_GRAM_PREFIX = 'c:';

export function characterGrams(words: readonly string[]): FeatureBag {
  const grams: FeatureBag = {};
  for (const word of words) {
    const padded = `^${word}$`;
    for (let start = 0; start + GRAM_LENGTH <= padded.length; start += 1) grams[`${CHARACTER_GRAM_PREFIX}${padded.slice(start, start + GRAM_LENGTH)}`] = GRAM_WEIGHT;
  }
  return grams;
}
