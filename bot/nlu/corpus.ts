import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INTENTS, TOPICS, type Intent, type Topic } from './types';

export interface LabelledUtterance {
  text: string;
  intent: Intent;
  /** The refinement this utterance asks about, if any (see TOPICS). */
  topic?: Topic;
}

/** A plain sentence, or `{ "text", "topic" }` for one that asks a TOPICS question. */
const UtteranceSchema = z.union([z.string().min(1), z.object({ text: z.string().min(1), topic: z.enum(TOPICS) }).strict()]);

const CorpusFileSchema = z.object({
  description: z.string().optional(),
  // z.record over an enum demands every intent, so a missing one fails at start-up.
  intents: z.record(z.enum(INTENTS), z.array(UtteranceSchema).min(1)),
});

export const CORPUS_DIRECTORY = join(__dirname, 'corpus');
export const TRAINING_CORPUS_PATH = join(CORPUS_DIRECTORY, 'train.json');

/** A held-out set: never trained on; `use` says how it was written and whether it was tuned against. */
export interface HeldOutSet {
  name: string;
  path: string;
  use: string;
}

const heldOut = (name: string, use: string): HeldOutSet => ({ name, path: join(CORPUS_DIRECTORY, `${name}.json`), use });

/** Every held-out set, in the order they were written; bench:nlu reports each, the corpus test keeps each out of train.json. */
export const HELD_OUT_SETS: readonly HeldOutSet[] = [
  heldOut('dev', 'the first evaluation set, written with the first training rows'),
  heldOut('dev2', 'written by someone who never saw train.json; first run 89.9 %, tuned against since'),
  heldOut('dev3', 'the first untouched hold-out; first run 95.5 %, tuned against since'),
  heldOut('holdout2', 'the second untouched hold-out; first run 95.1 %, tuned against since'),
  heldOut('dev4', 'two other writers (dev4a + dev4b); first run 91.6 %, tuned against since'),
  heldOut('dev5', 'two more writers; run once with the final model (98.7 %), not tuned against'),
  heldOut('holdout3', 'two more writers, untouched until the end; run once with the final model (97.6 %)'),
  heldOut('holdout4', 'two more writers, untouched until the end; run once with the final model (97.6 %)'),
];

/** Reads and validates a corpus file (`{ intents: { <intent>: [utterance or { text, topic }, ...] } }`). */
export function loadCorpus(path: string): LabelledUtterance[] {
  const parsed = CorpusFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return INTENTS.flatMap((intent) =>
    parsed.intents[intent].map((row) => (typeof row === 'string' ? { text: row, intent } : { text: row.text, intent, topic: row.topic })),
  );
}
