/** Every intent the recognizer can return; `none` = anything eimza-bot does not handle. */
export const INTENTS = [
  'renewal',
  'new_card_pin',
  'unlock',
  'lost_card',
  'fees',
  'leaving',
  'security_word',
  'card_status',
  'agent_pairing',
  'human',
  'help',
  'none',
] as const;

export type Intent = (typeof INTENTS)[number];

export interface ScoredIntent {
  intent: Intent;
  /** 0..1; the scores of one result add up to at most 1 (the rest is weak-evidence mass, see recognizer.ts). */
  score: number;
}

export interface IntentResult extends ScoredIntent {
  /** Every intent with a non-zero score, best first (the winner included). */
  alternatives: ScoredIntent[];
}

export interface Recognizer {
  /**
   * Classifies one free-text message.
   * @param locale 'tr' or 'en' (or 'tr-TR'...); only a hint: the model is bilingual.
   */
  recognize(text: string, locale?: string): IntentResult;
}

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
