import type { IntentResult, RecognitionDecision } from '../../../bot/nlu';

export interface DecisionRow {
  name: string;
  result: IntentResult;
  expected: RecognitionDecision;
}

const result = (...ranked: [IntentResult['intent'], number][]): IntentResult => {
  const alternatives = ranked.map(([intent, score]) => ({ intent, score }));
  const [best] = alternatives;
  if (!best) throw new Error('a result needs at least one intent');
  return { ...best, alternatives };
};

/** decide() at the default threshold (0.5). */
export const DECISION_ROWS: readonly DecisionRow[] = [
  {
    name: 'a confident path is acted on',
    result: result(['unlock', 0.93], ['new_card_pin', 0.07]),
    expected: { kind: 'confident', intent: 'unlock', score: 0.93 },
  },
  {
    name: 'a confident none is out of scope',
    result: result(['none', 0.9], ['unlock', 0.1]),
    expected: { kind: 'out_of_scope' },
  },
  {
    name: 'a low score asks with the top two paths',
    result: result(['lost_card', 0.45], ['fees', 0.4], ['renewal', 0.15]),
    expected: { kind: 'clarify', options: [{ intent: 'lost_card', score: 0.45 }, { intent: 'fees', score: 0.4 }] },
  },
  {
    name: 'none is never offered as a button',
    result: result(['none', 0.42], ['unlock', 0.35], ['new_card_pin', 0.23]),
    expected: { kind: 'clarify', options: [{ intent: 'unlock', score: 0.35 }, { intent: 'new_card_pin', score: 0.23 }] },
  },
  {
    name: 'a single plausible path is asked about, with the menu as the other button',
    result: result(['renewal', 0.45], ['none', 0.55]),
    expected: { kind: 'clarify', options: [{ intent: 'renewal', score: 0.45 }, { intent: 'help', score: 0 }] },
  },
  {
    name: 'only none at a low score is out of scope',
    result: result(['none', 0.3]),
    expected: { kind: 'out_of_scope' },
  },
  {
    name: 'the menu (help) is never a button: the card offers it anyway',
    result: result(['help', 0.4], ['unlock', 0.3], ['new_card_pin', 0.2]),
    expected: { kind: 'clarify', options: [{ intent: 'unlock', score: 0.3 }, { intent: 'new_card_pin', score: 0.2 }] },
  },
  {
    name: 'a weak help with no path in sight shows the menu',
    result: result(['help', 0.3], ['none', 0.2]),
    expected: { kind: 'confident', intent: 'help', score: 0.3 },
  },
  {
    name: 'a weak none with only help behind it is still out of scope',
    result: result(['none', 0.45], ['help', 0.2]),
    expected: { kind: 'out_of_scope' },
  },
];

/** keepInScope(): what the safety net makes of a result when the message names the domain. */
export const SAFETY_NET_ROWS: readonly { name: string; result: IntentResult; expected: IntentResult }[] = [
  {
    name: 'a path result is left as it is',
    result: result(['unlock', 0.8], ['none', 0.1]),
    expected: result(['unlock', 0.8], ['none', 0.1]),
  },
  {
    name: 'none is dropped: the likeliest path leads, below the threshold',
    result: result(['none', 0.6], ['unlock', 0.25], ['new_card_pin', 0.1]),
    expected: result(['unlock', 0.25], ['new_card_pin', 0.1]),
  },
  {
    name: 'a tie at the threshold is kept below it',
    result: result(['none', 0.5], ['fees', 0.5]),
    expected: result(['fees', 0.499]),
  },
  {
    name: 'no path at all in sight: the menu',
    result: result(['none', 1]),
    expected: { intent: 'help', score: 0, alternatives: [] },
  },
];

/** Real one- or two-word messages that name no path on their own. */
export const AMBIGUOUS_MESSAGES: readonly string[] = ['sertifika', 'e imza', 'e-imza kartı', 'pin'];
