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
export const DEV_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev.json');
/** Second held-out set (issue 16), written by someone who never saw train.json. */
export const DEV2_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev2.json');
/** Issue 16's first untouched hold-out set, spent after its first run (95.5 %): tuned against since, like dev2. */
export const DEV3_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev3.json');
/** Issue 16's second untouched hold-out set, spent after its first run (95.1 %): tuned against since, like dev3. */
export const HOLDOUT2_CORPUS_PATH = join(CORPUS_DIRECTORY, 'holdout2.json');
/** Issue 16's third pass: two sets by two other writers (dev4a + dev4b), first run 91.6 %, tuned against since. */
export const DEV4_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev4.json');
/** dev5a + dev5b, two more writers: first run 98.7 % with the third pass's final model, not tuned against. */
export const DEV5_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev5.json');
/** Two untouched hold-out sets by four more writers (holdout3a+b, holdout4a+b): run once, with the third pass's final model (97.6 % each). Spent since. */
export const HOLDOUT3_CORPUS_PATH = join(CORPUS_DIRECTORY, 'holdout3.json');
export const HOLDOUT4_CORPUS_PATH = join(CORPUS_DIRECTORY, 'holdout4.json');

/** Every held-out set, in the order they were written; bench:nlu reports each, the corpus test keeps each out of train.json. */
export const HELD_OUT_SETS: readonly { name: string; path: string }[] = [
  { name: 'dev', path: DEV_CORPUS_PATH },
  { name: 'dev2', path: DEV2_CORPUS_PATH },
  { name: 'dev3', path: DEV3_CORPUS_PATH },
  { name: 'holdout2', path: HOLDOUT2_CORPUS_PATH },
  { name: 'dev4', path: DEV4_CORPUS_PATH },
  { name: 'dev5', path: DEV5_CORPUS_PATH },
  { name: 'holdout3', path: HOLDOUT3_CORPUS_PATH },
  { name: 'holdout4', path: HOLDOUT4_CORPUS_PATH },
];

/** Reads and validates a corpus file (`{ intents: { <intent>: [utterance or { text, topic }, ...] } }`). */
export function loadCorpus(path: string): LabelledUtterance[] {
  const parsed = CorpusFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return INTENTS.flatMap((intent) =>
    parsed.intents[intent].map((row) => (typeof row === 'string' ? { text: row, intent } : { text: row.text, intent, topic: row.topic })),
  );
}
