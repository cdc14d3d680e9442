import type { LabelledUtterance } from './corpus';
import { tokenize } from './normalize';
import { stemToken } from './stem';

/** A stem is a path word when at least this share of the training rows that hold it are paths... */
const MIN_PATH_SHARE = 0.9;
/** ...and at least this many path rows hold it (one row's odd word proves nothing). */
const MIN_PATH_ROWS = 3;

/**
 * The stems that point to a path without naming the e-imza domain ("yenileme", "ücret", "yetkili",
 * "eşleştirme", "tayin"), learnt from train.json: a stem nearly only path rows hold, `none` and
 * `help` rows almost never. A message with neither a domain word (domain.ts) nor one of these
 * looks out of scope ("kantinde tost kaç lira oldu", "dolar kaç lira": "kaç" and "lira" are in
 * `none` rows too), so it never starts a path on its own.
 */
export function pathStems(corpus: readonly LabelledUtterance[]): ReadonlySet<string> {
  const rowsHolding = new Map<string, { path: number; other: number }>();
  for (const row of corpus) {
    const isPath = row.intent !== 'none' && row.intent !== 'help';
    for (const stem of new Set(tokenize(row.text).map(stemToken))) {
      const counts = rowsHolding.get(stem) ?? { path: 0, other: 0 };
      if (isPath) counts.path += 1;
      else counts.other += 1;
      rowsHolding.set(stem, counts);
    }
  }
  const stems = [...rowsHolding].filter(([, { path, other }]) => path >= MIN_PATH_ROWS && path / (path + other) >= MIN_PATH_SHARE);
  return new Set(stems.map(([stem]) => stem));
}
