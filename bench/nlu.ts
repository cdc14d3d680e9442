/**
 * Benchmark of the intent recognizer: `npm run --silent bench:nlu [-- --set file.json ...]`.
 * Evaluates the shipped recognizer on the held-out dev.json, dev2.json, dev3.json, holdout2.json, dev4.json, dev5.json, holdout3.json and holdout4.json (and on every corpus file
 * given with --set, same shape), compares with baselines trained on the same corpus, and prints
 * markdown tables (pasted into bot/nlu/README.md): accuracy, per-intent figures, confusion, misses,
 * what the dialog would do, build time and latency.
 */
import { Nlp } from '@nlpjs/basic';
import { LangTr } from '@nlpjs/lang-tr';
import {
  CONFIDENCE_THRESHOLD,
  createRecognizer,
  DEFAULT_WEAK_EVIDENCE_MASS,
  decide,
  HELD_OUT_SETS,
  INTENTS,
  isIntent,
  loadCorpus,
  normalizeText,
  tokenize,
  TRAINING_CORPUS_PATH,
  type Intent,
  type LabelledUtterance,
  type Recognizer,
  type RecognizerOptions,
} from '../bot/nlu';
import os from 'node:os';
import { basename } from 'node:path';

const BUILD_RUNS = 5;
const TRAINING_RUNS = 3;
const LATENCY_PASSES = 20;

type Classify = (text: string) => Promise<Intent> | Intent;

interface Evaluation {
  name: string;
  accuracy: number;
  confusion: Map<Intent, Map<Intent, number>>;
}

interface EvaluationSet {
  name: string;
  rows: LabelledUtterance[];
}

/** Every held-out set (HELD_OUT_SETS), then every `--set <path>` from the command line. */
function evaluationSets(argv: readonly string[]): EvaluationSet[] {
  const sets: EvaluationSet[] = HELD_OUT_SETS.map((set) => ({ name: set.name, rows: loadCorpus(set.path) }));
  argv.forEach((argument, index) => {
    const path = argv[index + 1];
    if (argument === '--set' && path) sets.push({ name: basename(path), rows: loadCorpus(path) });
  });
  return sets;
}

async function main(): Promise<void> {
  const train = loadCorpus(TRAINING_CORPUS_PATH);
  const sets = evaluationSets(process.argv.slice(2));
  print(`# NLU benchmark\n\ntrain: ${train.length} utterances, ${INTENTS.length} intents; held out: ${sets.map((set) => `${set.name} ${set.rows.length}`).join(', ')}\n`);

  const buildTimes = await measureBuildTimes({});
  const trainingTimes = await measureBuildTimes({ modelPath: null }, TRAINING_RUNS);
  const recognizer = await createRecognizer();
  const baselines: [string, Classify][] = [
    ['NLP.js stock (lang-tr)', await trainStockNlpjs(train, (text) => text)],
    ['NLP.js + our normaliser', await trainStockNlpjs(train, normalizeText)],
    ['keyword overlap', trainKeywordBaseline(train)],
  ];
  for (const set of sets) {
    const ours = await evaluate('eimza-bot recognizer', set.rows, (text) => recognizer.recognize(text, 'tr').intent);
    const others: Evaluation[] = [];
    for (const [name, classify] of baselines) others.push(await evaluate(name, set.rows, classify));
    const trainingKeys = new Set(train.map((row) => tokenize(row.text).join(' ')));
    const unseen = set.rows.filter((row) => !trainingKeys.has(tokenize(row.text).join(' ')));
    const oursUnseen = await evaluate('eimza-bot recognizer', unseen, (text) => recognizer.recognize(text, 'tr').intent);
    print(`# Set ${set.name} (${set.rows.length} rows)\n`);
    print(`Rows that are also training sentences (once normalised): ${set.rows.length - unseen.length}; accuracy on the other ${unseen.length}: ${percent(oursUnseen.accuracy)}\n`);
    printSummary([ours, ...others]);
    printPerIntent(ours);
    printConfusion(ours);
    printMisses(recognizer, set.rows);
    printDecisions(set.name, countDecisions(recognizer, set.rows));
  }
  await printDecisionSweep(sets.flatMap((set) => set.rows));
  // a recognizer of its own: no word of these rows spell-corrected yet, so the first pass is a real first sight
  printBuildAndLatency(buildTimes, trainingTimes, measureLatencies(await createRecognizer(), sets.flatMap((set) => set.rows)));
}

async function measureBuildTimes(options: RecognizerOptions, runs = BUILD_RUNS): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await createRecognizer(options);
    times.push(performance.now() - started);
  }
  return times;
}

async function evaluate(name: string, dev: readonly LabelledUtterance[], classify: Classify): Promise<Evaluation> {
  const confusion = new Map<Intent, Map<Intent, number>>(INTENTS.map((intent) => [intent, new Map()]));
  let correct = 0;
  for (const row of dev) {
    const predicted = await classify(row.text);
    if (predicted === row.intent) correct += 1;
    const rowCounts = confusion.get(row.intent) as Map<Intent, number>;
    rowCounts.set(predicted, (rowCounts.get(predicted) ?? 0) + 1);
  }
  return { name, accuracy: correct / dev.length, confusion };
}

/** NLP.js's own pipeline: its Turkish normaliser, tokenizer, Snowball stemmer and NLU. */
async function trainStockNlpjs(train: readonly LabelledUtterance[], prepare: (text: string) => string): Promise<Classify> {
  const nlp = new Nlp({ languages: ['tr'], autoSave: false, autoLoad: false, nlu: { log: false }, log: false });
  nlp.use(LangTr);
  for (const row of train) nlp.addDocument('tr', prepare(row.text), row.intent);
  await nlp.train();
  return async (text) => {
    const { intent } = await nlp.process('tr', prepare(text));
    return isIntent(intent) ? intent : 'none';
  };
}

/** Naive baseline: the training intent sharing the most folded words (Jaccard), `none` if no word is shared. */
function trainKeywordBaseline(train: readonly LabelledUtterance[]): Classify {
  const examples = train.map((row) => ({ intent: row.intent, words: new Set(tokenize(row.text)) }));
  return (text) => {
    const words = new Set(tokenize(text));
    let best: { intent: Intent; similarity: number } = { intent: 'none', similarity: 0 };
    for (const example of examples) {
      const shared = [...words].filter((word) => example.words.has(word)).length;
      const similarity = shared / (words.size + example.words.size - shared || 1);
      if (similarity > best.similarity) best = { intent: example.intent, similarity };
    }
    return best.intent;
  };
}

interface Latencies {
  /** Each held-out row recognised once, the first time its words are seen (typo correction scans the vocabulary). */
  firstSight: number[];
  /** The same rows, LATENCY_PASSES − 1 more times. */
  steady: number[];
  /** A busy loop as long as a median recognition, timed in the same loop: what the machine itself adds. */
  busyLoop: number[];
  /** CPU time (process.cpuUsage) of the same calls as firstSight and steady: waiting for a core not counted, GC counted. */
  firstSightCpu: number[];
  steadyCpu: number[];
}

function measureLatencies(recognizer: Recognizer, rows: readonly LabelledUtterance[]): Latencies {
  const latencies: Latencies = { firstSight: [], steady: [], busyLoop: [], firstSightCpu: [], steadyCpu: [] };
  for (let pass = 0; pass < LATENCY_PASSES; pass += 1) {
    for (const row of rows) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      recognizer.recognize(row.text, 'tr');
      (pass === 0 ? latencies.firstSight : latencies.steady).push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      (pass === 0 ? latencies.firstSightCpu : latencies.steadyCpu).push((cpu.user + cpu.system) / 1000);
    }
  }
  const spins = busyLoopSpinsFor(quantile(latencies.steady, 0.5));
  for (let call = 0; call < latencies.steady.length; call += 1) {
    const started = performance.now();
    busyLoop(spins);
    latencies.busyLoop.push(performance.now() - started);
  }
  return latencies;
}

let busyLoopSink = 0;
function busyLoop(spins: number): void {
  for (let spin = 0; spin < spins; spin += 1) busyLoopSink += spin % 7;
}

/** Spins whose median time matches `milliseconds`. */
function busyLoopSpinsFor(milliseconds: number): number {
  const probe = 100_000;
  const times: number[] = [];
  for (let run = 0; run < 50; run += 1) {
    const started = performance.now();
    busyLoop(probe);
    times.push(performance.now() - started);
  }
  return Math.max(1, Math.round((probe * milliseconds) / quantile(times, 0.5)));
}

function printSummary(evaluations: readonly Evaluation[]): void {
  const [ours] = evaluations;
  print('## Accuracy\n\n| recognizer | accuracy | non-none precision | none sent to a path | ours ÷ this |\n|---|---|---|---|---|');
  for (const evaluation of evaluations) {
    const ratio = ours ? (ours.accuracy / evaluation.accuracy).toFixed(2) : '-';
    const { precision, noneLeaks, noneTotal } = nonNoneStats(evaluation);
    print(`| ${evaluation.name} | ${percent(evaluation.accuracy)} | ${percent(precision)} | ${noneLeaks}/${noneTotal} | ${ratio}× |`);
  }
  print('');
}

/** Precision over all answers that start a path (anything but `none`), and none rows that would start one. */
function nonNoneStats(evaluation: Evaluation): { precision: number; noneLeaks: number; noneTotal: number } {
  let pathAnswers = 0;
  let correctPathAnswers = 0;
  for (const [expected, row] of evaluation.confusion) {
    for (const [predicted, count] of row) {
      if (predicted === 'none') continue;
      pathAnswers += count;
      if (predicted === expected) correctPathAnswers += count;
    }
  }
  const noneRow = evaluation.confusion.get('none') as Map<Intent, number>;
  const noneTotal = [...noneRow.values()].reduce((sum, count) => sum + count, 0);
  const noneLeaks = noneTotal - (noneRow.get('none') ?? 0);
  return { precision: correctPathAnswers / (pathAnswers || 1), noneLeaks, noneTotal };
}

function printPerIntent(evaluation: Evaluation): void {
  print(`## Per intent (${evaluation.name})\n\n| intent | precision | recall | dev rows |\n|---|---|---|---|`);
  for (const intent of INTENTS) {
    const truePositives = evaluation.confusion.get(intent)?.get(intent) ?? 0;
    const predicted = INTENTS.reduce((sum, expected) => sum + (evaluation.confusion.get(expected)?.get(intent) ?? 0), 0);
    const actual = [...(evaluation.confusion.get(intent)?.values() ?? [])].reduce((sum, count) => sum + count, 0);
    print(`| ${intent} | ${percent(truePositives / (predicted || 1))} | ${percent(truePositives / (actual || 1))} | ${actual} |`);
  }
  print('');
}

function printConfusion(evaluation: Evaluation): void {
  const shortNames = INTENTS.map((intent) => intent.slice(0, 6));
  print(`## Confusion matrix (${evaluation.name}; rows = expected, columns = predicted)\n`);
  print(`| expected \\ predicted | ${shortNames.join(' | ')} |\n|---|${INTENTS.map(() => '---').join('|')}|`);
  for (const expected of INTENTS) {
    const cells = INTENTS.map((predicted) => evaluation.confusion.get(expected)?.get(predicted) ?? 0);
    print(`| ${expected} | ${cells.map((count) => (count === 0 ? '·' : String(count))).join(' | ')} |`);
  }
  print('');
}

const WEAK_EVIDENCE_MASSES = [0, 0.05, 0.1, 0.15, 0.2, 0.3];

interface DecisionCounts {
  actedCorrectly: number;
  startedWrongPath: number;
  clarifiedWithRightOption: number;
  clarifiedWithoutIt: number;
  noneOutOfScope: number;
  noneClarified: number;
  noneStartedPath: number;
}

/** Every row the recognizer gets wrong, with what the dialog would do. */
function printMisses(recognizer: Recognizer, rows: readonly LabelledUtterance[]): void {
  const misses = rows
    .map((row) => ({ row, result: recognizer.recognize(row.text, 'tr') }))
    .filter(({ row, result }) => result.intent !== row.intent);
  print(`## Misses (${misses.length})\n\n| expected | got | score | decision | text |\n|---|---|---|---|---|`);
  for (const { row, result } of misses) {
    const decision = decide(result);
    const shown = decision.kind === 'clarify' ? `asks ${decision.options.map((option) => option.intent).join(' / ')}` : decision.kind;
    print(`| ${row.intent} | ${result.intent} | ${result.score.toFixed(2)} | ${shown} | ${row.text.replace(/\|/g, '\\|')} |`);
  }
  print('');
}

const DECISION_HEADER = '| acted correctly | started a wrong path | asked, right option shown | asked, right option missing | none → out of scope | none → asked / menu | none started a path |';

function printDecisions(name: string, counts: DecisionCounts): void {
  print(`## Decisions on ${name} at threshold ${CONFIDENCE_THRESHOLD}\n\n${DECISION_HEADER}\n|---|---|---|---|---|---|---|`);
  print(`| ${Object.values(counts).join(' | ')} |\n`);
}

/** What the dialog would do with every held-out row at CONFIDENCE_THRESHOLD, for several weak-evidence masses. */
async function printDecisionSweep(rows: readonly LabelledUtterance[]): Promise<void> {
  print(`## Weak-evidence sweep (all ${rows.length} held-out rows; shipped mass ${DEFAULT_WEAK_EVIDENCE_MASS})\n`);
  print(`| weak-evidence mass ${DECISION_HEADER}`);
  print('|---|---|---|---|---|---|---|---|');
  for (const weakEvidenceMass of WEAK_EVIDENCE_MASSES) {
    const counts = countDecisions(await createRecognizer({ weakEvidenceMass }), rows);
    print(`| ${weakEvidenceMass} | ${Object.values(counts).join(' | ')} |`);
  }
  print('');
}

function countDecisions(recognizer: Recognizer, rows: readonly LabelledUtterance[]): DecisionCounts {
  const counts: DecisionCounts = { actedCorrectly: 0, startedWrongPath: 0, clarifiedWithRightOption: 0, clarifiedWithoutIt: 0, noneOutOfScope: 0, noneClarified: 0, noneStartedPath: 0 };
  for (const row of rows) {
    const decision = decide(recognizer.recognize(row.text, 'tr'));
    if (decision.kind === 'confident') {
      if (decision.intent === row.intent) counts.actedCorrectly += 1;
      else if (row.intent === 'none' && decision.intent === 'help') counts.noneClarified += 1; // the menu: no path started
      else counts.startedWrongPath += 1;
      if (row.intent === 'none' && decision.intent !== 'help') counts.noneStartedPath += 1;
    } else if (decision.kind === 'clarify') {
      if (row.intent === 'none') counts.noneClarified += 1;
      else if (decision.options.some((option) => option.intent === row.intent)) counts.clarifiedWithRightOption += 1;
      else counts.clarifiedWithoutIt += 1;
    } else if (row.intent === 'none') {
      counts.noneOutOfScope += 1;
    } else {
      counts.clarifiedWithoutIt += 1; // a path row answered "out of scope": the user has to rephrase
    }
  }
  return counts;
}

function printBuildAndLatency(buildTimes: readonly number[], trainingTimes: readonly number[], latencies: Latencies): void {
  print('## Speed\n\n| measure | value |\n|---|---|');
  print(`| build from model.json, first (cold) | ${milliseconds(buildTimes[0] ?? NaN)} |`);
  print(`| build from model.json, median of ${buildTimes.length} | ${milliseconds(quantile(buildTimes, 0.5))} |`);
  print(`| train from the corpus (no model.json), median of ${trainingTimes.length} | ${milliseconds(quantile(trainingTimes, 0.5))} |`);
  const rows: [string, readonly number[]][] = [
    [`recognize, first sight of each row (${latencies.firstSight.length} calls)`, latencies.firstSight],
    [`recognize, seen before (${latencies.steady.length} calls)`, latencies.steady],
    ['busy loop as long as a median recognize, same loop (the machine\'s own noise)', latencies.busyLoop],
    ['recognize, first sight, CPU time', latencies.firstSightCpu],
    ['recognize, seen before, CPU time', latencies.steadyCpu],
  ];
  for (const [name, values] of rows) {
    print(`| ${name}: p50 / p99 / max | ${milliseconds(quantile(values, 0.5))} / ${milliseconds(quantile(values, 0.99))} / ${milliseconds(Math.max(...values))} |`);
  }
  print(`| os.loadavg() over 1 min, ${os.cpus().length} cores | ${os.loadavg()[0]?.toFixed(1)} |`);
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const milliseconds = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`bench:nlu: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
