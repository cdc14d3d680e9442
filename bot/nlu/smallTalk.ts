import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CORPUS_DIRECTORY } from './corpus';
import { allowedEdits, editDistance } from './fuzzy';
import { memoizedPerWord } from './memo';
import { tokenize } from './normalize';
import type { IntentResult } from './types';

export const SMALL_TALK_PATH = join(CORPUS_DIRECTORY, 'smallTalk.json');

/** Longer messages say something more than hello. */
const MAX_WORDS = 6;

const SmallTalkSchema = z.object({
  description: z.string().optional(),
  greetings: z.array(z.string().min(1)).min(1),
  fillers: z.array(z.string().min(1)),
});

/** What a greeting gets: the menu. */
export const SMALL_TALK_RESULT: IntentResult = { intent: 'help', score: 1, alternatives: [{ intent: 'help', score: 1 }] };

/**
 * Greetings and small talk ("mrb hocam", "iyi çalışmalar", "thanks"), from corpus/smallTalk.json.
 * A word list and not the model: greetings are one or two short words, and a network trained on
 * them learns "short message → help" and sends every short out-of-scope message to the menu.
 */
export class SmallTalk {
  private constructor(
    private readonly greetings: readonly string[],
    private readonly fillers: ReadonlySet<string>,
  ) {}

  static load(path = SMALL_TALK_PATH): SmallTalk {
    const parsed = SmallTalkSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    return new SmallTalk(parsed.greetings.flatMap((word) => tokenize(word)), new Set(parsed.fillers.flatMap((word) => tokenize(word))));
  }

  /** True when the message (its tokens, see normalize.ts) is only greetings and fillers, with at least one greeting. */
  isSmallTalk(tokens: readonly string[]): boolean {
    if (tokens.length > MAX_WORDS) return false;
    const words = joinSplitGreetings(tokens, this.isGreeting);
    return words.some(this.isGreeting) && words.every((word) => this.fillers.has(word) || this.isGreeting(word));
  }

  private readonly isGreeting = memoizedPerWordTest((word: string): boolean => {
    const limit = Math.min(1, allowedEdits(word.length));
    return this.greetings.some((greeting) => greeting === word || (limit > 0 && greeting.length > 3 && editDistance(word, greeting, limit) <= limit));
  });
}

/** "sağ ol", "kolay gelsin": two words that make one greeting ("sagol", "kolaygelsin") are read as one. */
function joinSplitGreetings(words: readonly string[], isGreeting: (word: string) => boolean): string[] {
  const joined: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const pair = `${words[index]}${words[index + 1] ?? ''}`;
    if (index + 1 < words.length && isGreeting(pair)) {
      joined.push(pair);
      index += 1;
    } else {
      joined.push(words[index] as string);
    }
  }
  return joined;
}

function memoizedPerWordTest(test: (word: string) => boolean): (word: string) => boolean {
  const remembered = memoizedPerWord((word) => (test(word) ? 'y' : ''));
  return (word) => remembered(word) === 'y';
}
