/**
 * The trained networks, saved once (`npm run nlu:build`) and shipped as model.json, so the bot
 * starts in milliseconds instead of training for most of a second. A saved model is used only
 * when it was built from exactly the corpus in hand; otherwise the recognizer trains.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NeuralNetworkJson } from '@nlpjs/neural';
import type { LabelledUtterance } from './corpus';

export const MODEL_PATH = join(__dirname, 'model.json');

/**
 * Part of the fingerprint: raise it whenever the features change (normalize, stem, fuzzy,
 * features.ts) or the network settings do, so an old model.json is no longer taken.
 * test/nlu/model.test.ts fails when the shipped model and a fresh training disagree.
 */
export const MODEL_FORMAT = 1;

export interface SavedModel {
  format: number;
  /** corpusFingerprint() of the corpus it was trained on. */
  fingerprint: string;
  intents: NeuralNetworkJson;
  topics: NeuralNetworkJson;
}

export function corpusFingerprint(corpus: readonly LabelledUtterance[]): string {
  const rows = corpus.map((row) => [row.intent, row.topic ?? '', row.text]);
  return createHash('sha256').update(JSON.stringify([MODEL_FORMAT, rows])).digest('hex');
}

/** The saved model when it exists and was trained on this corpus; otherwise undefined. */
export function readSavedModel(corpus: readonly LabelledUtterance[], path = MODEL_PATH): SavedModel | undefined {
  if (!existsSync(path)) return undefined;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedModel;
  return saved.format === MODEL_FORMAT && saved.fingerprint === corpusFingerprint(corpus) ? saved : undefined;
}

export function writeSavedModel(model: Omit<SavedModel, 'format' | 'fingerprint'>, corpus: readonly LabelledUtterance[], path = MODEL_PATH): void {
  const saved: SavedModel = { format: MODEL_FORMAT, fingerprint: corpusFingerprint(corpus), ...model };
  writeFileSync(path, `${JSON.stringify(saved, roundWeights)}\n`);
}

/** Six decimals: a third of the file, and the same answers (model.test.ts compares them). */
function roundWeights(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(6)) : value;
}
