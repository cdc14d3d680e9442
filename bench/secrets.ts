/**
 * Benchmark of the secret guard's scan: `npm run --silent bench:secrets`.
 * Masks messages of Teams' size limit (28 KB) of several shapes, and a ten times larger one to
 * show the time grows linearly, against a baseline in the same run: one plain regex pass that
 * replaces every digit run (what any scan must at least do) over the same text.
 */
import { scanForSecrets } from '../bot/secrets';

const SIZE = 28 * 1024;
const RUNS = 30;

const shapes: Record<string, string> = {
  'ordinary Turkish text': 'Merhaba, e-imza kartımın süresi doluyor, yenileme için ne yapmalıyım? ',
  'PINs after their name': 'pin 482913 ',
  'T.C. numbers in groups': '100 000 001 46, ',
  'dates and phone numbers': '21.11.2026 tarihinde 444 5 576 aradım, ',
  'güvenlik sözcüğü values': 'güvenlik sözcüğüm elma42, ',
};

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  for (let warm = 0; warm < 5; warm++) run();
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function main(): void {
  console.log(`# Secret guard: masking a ${SIZE / 1024} KB message (median of ${RUNS} runs)\n`);
  console.log('| message | scan (ms) | baseline regex pass (ms) | ratio | 10× longer (ms) | growth |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, unit] of Object.entries(shapes)) {
    const text = unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
    const longer = unit.repeat(Math.ceil((10 * SIZE) / unit.length)).slice(0, 10 * SIZE);
    const scan = time(() => scanForSecrets(text, 'pin_question'));
    const baseline = time(() => text.replace(/\d+/g, (digits) => '*'.repeat(digits.length)));
    const scanLonger = time(() => scanForSecrets(longer, 'pin_question'));
    console.log(`| ${name} | ${scan.toFixed(2)} | ${baseline.toFixed(3)} | ${(scan / baseline).toFixed(0)}× | ${scanLonger.toFixed(1)} | ${(scanLonger / scan).toFixed(1)}× |`);
  }
}

main();
