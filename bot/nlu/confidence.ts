import type { Intent, IntentResult, ScoredIntent } from './types';

/**
 * Below this score the bot must not act on the top intent: it asks a clarifying question
 * with the two most likely paths as buttons. Chosen on the dev set (see README, "Threshold").
 */
export const CONFIDENCE_THRESHOLD = 0.5;

export type RecognitionDecision =
  | { kind: 'confident'; intent: Intent; score: number }
  | { kind: 'clarify'; options: [ScoredIntent, ScoredIntent] }
  | { kind: 'out_of_scope' };

/** True when the bot may act on `result.intent` without asking. */
export function isConfident(result: IntentResult, threshold = CONFIDENCE_THRESHOLD): boolean {
  return result.score >= threshold;
}

/**
 * What the dialog should do with a result:
 * - confident: start the path (or answer) the intent names; `none` here means "out of scope";
 * - clarify: ask "Did you mean A or B?" with these two intents as buttons;
 * - out_of_scope: nothing e-imza related was recognised; say "I can only help with e-imza" + menu.
 * `none` never becomes a clarification button: it is not a path the user can choose. Nor does
 * `help` (the menu): the card offers the menu anyway, and when the menu leads with no path in
 * sight, the menu is what the user gets.
 */
export function decide(result: IntentResult, threshold = CONFIDENCE_THRESHOLD): RecognitionDecision {
  if (isConfident(result, threshold)) {
    return result.intent === 'none' ? { kind: 'out_of_scope' } : { kind: 'confident', intent: result.intent, score: result.score };
  }
  const [first, second] = clarificationOptions(result);
  if (first) return { kind: 'clarify', options: [first, second ?? MENU_OPTION] };
  return result.intent === 'help' ? { kind: 'confident', intent: 'help', score: result.score } : { kind: 'out_of_scope' };
}

/** Second button when only one path is plausible: "show me what you can do". */
const MENU_OPTION: ScoredIntent = { intent: 'help', score: 0 };

/** The (at most) two most likely paths, never `none` or `help`, best first. */
export function clarificationOptions(result: IntentResult): ScoredIntent[] {
  return result.alternatives.filter((alternative) => alternative.intent !== 'none' && alternative.intent !== 'help').slice(0, 2);
}
