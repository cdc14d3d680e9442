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

/** Known tokens with how often each appeared in training; ties go to the more frequent one. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  /** The same tokens by length: a correction only looks at lengths within the allowed edits. */
  private readonly byLength = new Map<number, Map<string, number>>();

  add(token: string): void {
    const count = (this.counts.get(token) ?? 0) + 1;
    this.counts.set(token, count);
    let sameLength = this.byLength.get(token.length);
    if (!sameLength) this.byLength.set(token.length, (sameLength = new Map()));
    sameLength.set(token, count);
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
    for (let length = Math.max(4, token.length - limit); length <= token.length + limit; length += 1) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        const distance = editDistance(token, candidate, limit);
        if (distance > limit) continue;
        const isBetter = !best || distance < best.distance || (distance === best.distance && count > best.count);
        if (isBetter) best = { token: candidate, distance, count };
      }
    }
    return best?.token;
  }
}
