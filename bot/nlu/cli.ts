/**
 * Evaluation entry point (`npm run --silent nlu`): one utterance per line on stdin,
 * one JSON object `{"text","intent","score"}` per line on stdout, same order, nothing else;
 * `"topic"` follows when the message asks a topic question (types.ts, TOPICS).
 * Diagnostics go to stderr only.
 */
import { createInterface } from 'node:readline';
import { createRecognizer } from './index';

async function main(): Promise<void> {
  const recognizer = await createRecognizer();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const text = line.replace(/^\uFEFF/, '');
    const { intent, score, topic } = recognizer.recognize(text, 'tr');
    process.stdout.write(`${JSON.stringify({ text, intent, score: Number(score.toFixed(4)), ...(topic ? { topic } : {}) })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
