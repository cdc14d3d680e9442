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

/**
 * Refinements inside an intent that change what the user must read (issue 16):
 * - old_pin_on_new_card: can I use my old PIN on the new card;
 * - new_card_when: can I use the new card now / from when;
 * - puk: any question about the PUK;
 * - forgot_pin: a forgotten PIN, however phrased;
 * - sms_number: the SMS goes to a number that is not mine.
 */
export const TOPICS = ['old_pin_on_new_card', 'new_card_when', 'puk', 'forgot_pin', 'sms_number'] as const;
export type Topic = (typeof TOPICS)[number];

export interface IntentResult extends ScoredIntent {
  /** Every intent with a non-zero score, best first (the winner included). */
  alternatives: ScoredIntent[];
  /** Set when the message asks one of the TOPICS questions (never on `none`). */
  topic?: Topic;
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

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
