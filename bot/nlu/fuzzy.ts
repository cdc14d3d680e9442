/**
 * Typo tolerance: maps a token the model has never seen to the closest known token.
 * Optimal-string-alignment distance, so a swapped pair of letters ("sfire") counts as one edit.
 */

/** Edits allowed for a token of this length: none for short words (too many false friends). */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 8) return 1;
  return 2;
}

export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = a[row - 1] === b[column - 1] ? 0 : 1;
      let cost = Math.min(
        (previous[column] as number) + 1,
        (current[column - 1] as number) + 1,
        (previous[column - 1] as number) + substitution,
      );
      const isTransposition = row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1];
      if (isTransposition) cost = Math.min(cost, (beforePrevious[column - 2] as number) + 1);
      current.push(cost);
      rowMinimum = Math.min(rowMinimum, cost);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Known tokens with how often each appeared in training; ties go to the more frequent one, then the first in the alphabet. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /**
   * Every token under itself and under the words its deletions make, one letter out (two for tokens
   * long enough to be two edits from a 9-letter word): the SymSpell idea. Two words within n edits, a
   * swap of two letters included, always share such a key, so a correction looks up a handful of
   * candidates instead of scanning the whole vocabulary.
   */
  private readonly byDeletion = new Map<string, string[]>();

  add(token: string): void {
    const isNew = !this.counts.has(token);
    this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    if (!isNew) return;
    for (const key of deletionKeys(token, allowedEdits(token.length + 2))) {
      const tokens = this.byDeletion.get(key);
      if (tokens) tokens.push(token); // each token is added once (isNew), so no duplicates
      else this.byDeletion.set(key, [token]);
    }
  }

  has(token: string): boolean {
    return this.counts.has(token);
  }

  /** The token itself when known, else the closest known token within allowedEdits, else undefined. */
  correct(token: string): string | undefined {
    if (this.counts.has(token)) return token;
    const limit = allowedEdits(token.length);
    if (limit === 0) return undefined;
    let best: { token: string; distance: number; count: number } | undefined;
    for (const key of deletionKeys(token, limit)) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (candidate.length <= 3) continue;
        const distance = editDistance(token, candidate, limit);
        if (distance > limit) continue;
        const count = this.counts.get(candidate) ?? 0;
        const isBetter =
          !best || distance < best.distance || (distance === best.distance && (count > best.count || (count === best.count && candidate < best.token)));
        if (isBetter) best = { token: candidate, distance, count };
      }
    }
    return best?.token;
  }
}

/** The token and every word made by deleting up to `depth` of its letters. */
function deletionKeys(token: string, depth: number): Set<string> {
  const keys = new Set([token]);
  let layer = [token];
  for (let level = 0; level < depth; level += 1) {
    const next: string[] = [];
    for (const word of layer) {
      for (let index = 0; index < word.length; index += 1) {
        const shorter = word.slice(0, index) + word.slice(index + 1);
        if (!keys.has(shorter)) {
          keys.add(shorter);
          next.push(shorter);
        }
      }
    }
    layer = next;
  }
  return keys;
}
