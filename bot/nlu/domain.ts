import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONFIDENCE_THRESHOLD } from './confidence';
import { CORPUS_DIRECTORY } from './corpus';
import { tokenize } from './normalize';
import type { IntentResult } from './types';

export const DOMAIN_WORDS_PATH = join(CORPUS_DIRECTORY, 'domain.json');

const DomainWordsSchema = z.object({
  description: z.string().optional(),
  domain: z.array(z.string().min(1)).min(1),
  shared: z.array(z.string().min(1)),
  otherSystems: z.array(z.string().min(1)),
  notDomain: z.array(z.string().min(1)).default([]),
});

/** A term is one folded word prefix per word: "guvenlik sozcu" matches "güvenlik sözcüğümü". */
type Term = readonly string[];

/** The words that name the e-imza domain (corpus/domain.json). */
export class DomainWords {
  private constructor(
    private readonly domain: readonly Term[],
    private readonly shared: readonly Term[],
    private readonly otherSystems: readonly Term[],
    private readonly notDomain: readonly Term[],
  ) {}

  static load(path = DOMAIN_WORDS_PATH): DomainWords {
    const parsed = DomainWordsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const terms = (list: readonly string[]): Term[] => list.map((term) => tokenize(term));
    return new DomainWords(terms(parsed.domain), terms(parsed.shared), terms(parsed.otherSystems), terms(parsed.notDomain));
  }

  /** True when the message (its tokens, see normalize.ts) names e-imza, or a PIN, card or password of no other system. */
  namedIn(words: readonly string[]): boolean {
    const own = withoutTerms(words, this.notDomain);
    if (this.domain.some((term) => containsTerm(own, term))) return true;
    return this.shared.some((term) => containsTerm(own, term)) && !this.namesOtherSystem(words);
  }

  /** True when the message uses a domain word for something else ("ıslak imza", "katılım sertifikası"): notDomain. */
  usedForSomethingElse(words: readonly string[]): boolean {
    return this.notDomain.some((term) => containsTerm(words, term));
  }

  /** True when the message names another system's PIN, card or password holder (MEBBİS, bank, SIM, Wi-Fi ...). */
  namesOtherSystem(words: readonly string[]): boolean {
    return this.otherSystems.some((term) => containsTerm(words, term)) || this.notDomain.some((term) => containsTerm(words, term));
  }
}

function containsTerm(words: readonly string[], term: Term): boolean {
  return words.some((_, start) => termAt(words, start, term));
}

function termAt(words: readonly string[], start: number, term: Term): boolean {
  return term.every((prefix, offset) => words[start + offset]?.startsWith(prefix) ?? false);
}

/** The words left when every occurrence of these terms is taken out ("ıslak imzalı dilekçe" → "dilekçe"). */
function withoutTerms(words: readonly string[], terms: readonly Term[]): string[] {
  const covered = new Set<number>();
  words.forEach((_, start) => {
    for (const term of terms) if (termAt(words, start, term)) term.forEach((__, offset) => covered.add(start + offset));
  });
  return words.filter((_, index) => !covered.has(index));
}

/**
 * The safety net: a message that names the domain is never out of scope. When `none` would win,
 * the likeliest path leads instead, below the confidence threshold, so the bot asks with its two
 * likeliest paths; with no path at all in sight, it shows the menu.
 */
export function keepInScope(result: IntentResult): IntentResult {
  if (result.intent !== 'none') return result;
  const paths = result.alternatives.filter((alternative) => alternative.intent !== 'none');
  const [likeliest] = paths;
  if (!likeliest) return { intent: 'help', score: 0, alternatives: [] };
  const score = Math.min(likeliest.score, BELOW_THRESHOLD);
  return { intent: likeliest.intent, score, alternatives: [{ intent: likeliest.intent, score }, ...paths.slice(1)] };
}

/**
 * A message whose only domain-looking words name something else ("ıslak imzalı dilekçe", "hizmet içi eğitim
 * sertifikası"): out of scope, said plainly, whatever the model makes of "imza" or "sertifika".
 */
export const SOMETHING_ELSE: IntentResult = { intent: 'none', score: 1, alternatives: [{ intent: 'none', score: 1 }] };

/** A path (never `none` or `help`) held below the confidence threshold, so the bot asks with its two likeliest paths. */
export function askInsteadOfStarting(result: IntentResult): IntentResult {
  if (result.intent === 'none' || result.intent === 'help' || result.score < CONFIDENCE_THRESHOLD) return result;
  const [, ...others] = result.alternatives;
  return { ...result, score: BELOW_THRESHOLD, alternatives: [{ intent: result.intent, score: BELOW_THRESHOLD }, ...others] };
}

/** `none` won, so the likeliest path is at most 0.5 already; this only guards the tie. */
const BELOW_THRESHOLD = CONFIDENCE_THRESHOLD - 0.001;
