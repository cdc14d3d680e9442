import type { MessageKey } from './messages';

/** PKCS#11 token flags about the user PIN (PKCS#11 v2.40, CK_TOKEN_INFO.flags). */
export const CKF_USER_PIN_COUNT_LOW = 0x00010000;
export const CKF_USER_PIN_FINAL_TRY = 0x00020000;
export const CKF_USER_PIN_LOCKED = 0x00040000;

/**
 * What the token says about PIN tries. `unknown` when no flag is set: many cards never
 * set COUNT_LOW, so silence is not health, and the agent never tries a PIN to find out.
 */
export type PinState = 'locked' | 'final_try' | 'count_low' | 'unknown';

export interface PinStateReport {
  state: PinState;
  /** Message key describing the state (messages.ts). */
  summaryKey: MessageKey;
  /** Message keys of advice, most important first. */
  advice: MessageKey[];
  /** The three raw flag bits, for support staff. */
  flags: { countLow: boolean; finalTry: boolean; locked: boolean };
}

const ADVICE: Record<PinState, MessageKey[]> = {
  locked: ['advice.unlock_via_kamusm', 'advice.never_use_puk'],
  final_try: ['advice.do_not_guess', 'advice.unlock_via_kamusm', 'advice.never_use_puk'],
  count_low: ['advice.do_not_guess', 'advice.old_pin_not_on_new_card', 'advice.three_wrong_lock'],
  unknown: ['advice.three_wrong_lock', 'advice.old_pin_not_on_new_card'],
};

/** The most serious flag wins: LOCKED, then FINAL_TRY, then COUNT_LOW. */
export function pinStateFromFlags(tokenFlags: number): PinStateReport {
  const flags = {
    countLow: (tokenFlags & CKF_USER_PIN_COUNT_LOW) !== 0,
    finalTry: (tokenFlags & CKF_USER_PIN_FINAL_TRY) !== 0,
    locked: (tokenFlags & CKF_USER_PIN_LOCKED) !== 0,
  };
  const state: PinState = flags.locked
    ? 'locked'
    : flags.finalTry
      ? 'final_try'
      : flags.countLow
        ? 'count_low'
        : 'unknown';
  return { state, summaryKey: `pin.${state}`, advice: [...ADVICE[state]], flags };
}
