import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INTENTS, type Intent } from './types';

export interface LabelledUtterance {
  text: string;
  intent: Intent;
}

const CorpusFileSchema = z.object({
  description: z.string().optional(),
  // z.record over an enum demands every intent, so a missing one fails at start-up.
  intents: z.record(z.enum(INTENTS), z.array(z.string().min(1)).min(1)),
});

export const CORPUS_DIRECTORY = join(__dirname, 'corpus');
export const TRAINING_CORPUS_PATH = join(CORPUS_DIRECTORY, 'train.json');
export const DEV_CORPUS_PATH = join(CORPUS_DIRECTORY, 'dev.json');

/** Reads and validates a corpus file (`{ intents: { <intent>: [utterance, ...] } }`). */
export function loadCorpus(path: string): LabelledUtterance[] {
  const parsed = CorpusFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return INTENTS.flatMap((intent) => parsed.intents[intent].map((text) => ({ text, intent })));
}
