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
 * stemmer does not know) and pairs of adjacent stems ("yeni kart" ≠ "kart" + "yeni" elsewhere).
 * Unknown words are first corrected to the closest training word (typo tolerance).
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
    return featuresOfWords(tokenize(text).map(this.spellCorrect));
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
