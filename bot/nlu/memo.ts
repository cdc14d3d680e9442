/**
 * Remembers a pure function's answer per word: users keep typing the same few hundred words, and
 * stemming or spell-correcting one costs far more than a lookup. Bounded: when full, it starts over.
 */
export function memoizedPerWord<T = string>(compute: (word: string) => T, limit = 20_000): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = compute(word);
      if (known.size >= limit) known.clear();
      known.set(word, answer);
    }
    return answer;
  };
}
