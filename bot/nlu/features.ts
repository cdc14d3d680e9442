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
    const features: FeatureBag = {};
    for (const word of words) for (const gram of gramsOf(word)) features[gram] = GRAM_WEIGHT;
    addWordFeatures(features, words.map(this.spellCorrect));
    return features;
  }

  /** The stem the features use for a word: of its spelling correction when training never saw it. */
  stemOf(word: string): string {
    return keysOf(this.spellCorrect(word)).stem;
  }

  /** A new inflection of a known word ("yapacagim" when "yapmaliyim" was seen) is not a typo. */
  private readonly spellCorrect = memoizedPerWord((token) => {
    if (this.knownStems.has(stemToken(token))) return token;
    return this.vocabulary.correct(token) ?? token;
  });
}

/** Stems, prefixes and stem pairs of (spell-corrected) words. */
function addWordFeatures(features: FeatureBag, words: readonly string[]): void {
  words.forEach((word, index) => {
    const { stem, stemKey, prefixKey } = keysOf(word);
    features[stemKey] = 1;
    if (prefixKey) features[prefixKey] = 1;
    const next = words[index + 1];
    if (next !== undefined) features[`b:${stem}_${keysOf(next).stem}`] = 1;
  });
}

/** Each word's feature names, built once: fewer short-lived strings, fewer garbage-collection pauses. */
const keysOf = memoizedPerWord((word) => {
  const stem = stemToken(word);
  return { stem, stemKey: `s:${stem}`, prefixKey: word.length > PREFIX_LENGTH ? `p:${word.slice(0, PREFIX_LENGTH)}` : undefined };
});

/** Letters per n-gram; 3 beat 4 and 5 on dev and on issue 16's kinds (bot/nlu/README.md). */
const GRAM_LENGTH = 3;
/**
 * Input value of an n-gram feature (stems and prefixes count 1). A word gives several n-grams:
 * at 1 they outvote the stems and NLP.js's perceptrons train slower and worse (README).
 */
const GRAM_WEIGHT = 0.25;

export const CHARACTER_GRAM_PREFIX = 'c:';

/**
 * Letter n-grams of a word as typed, padded with word boundaries ("^ki", "kil" ... "di$"): they
 * survive typos, suffixes the stemmer does not know and words it over-stems.
 */
const gramsOf = memoizedPerWord((word): readonly string[] => {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let start = 0; start + GRAM_LENGTH <= padded.length; start += 1) grams.push(`${CHARACTER_GRAM_PREFIX}${padded.slice(start, start + GRAM_LENGTH)}`);
  return grams;
});
