import assert from 'node:assert/strict';
import {
  CKF_USER_PIN_COUNT_LOW,
  CKF_USER_PIN_FINAL_TRY,
  CKF_USER_PIN_LOCKED,
  pinStateFromFlags,
  type PinState,
} from '../../paired-agent/pin-state';
import type { MessageKey } from '../../paired-agent/messages';

/** Every combination of the three PIN flags: the most serious one wins, silence is "unknown". */
const rows: Array<{ countLow: boolean; finalTry: boolean; locked: boolean; state: PinState; advice: MessageKey[] }> = [
  { countLow: false, finalTry: false, locked: false, state: 'unknown', advice: ['advice.three_wrong_lock', 'advice.old_pin_not_on_new_card'] },
  { countLow: true, finalTry: false, locked: false, state: 'count_low', advice: ['advice.do_not_guess', 'advice.old_pin_not_on_new_card', 'advice.three_wrong_lock'] },
  { countLow: false, finalTry: true, locked: false, state: 'final_try', advice: ['advice.do_not_guess', 'advice.unlock_via_kamusm', 'advice.never_use_puk'] },
  { countLow: true, finalTry: true, locked: false, state: 'final_try', advice: ['advice.do_not_guess', 'advice.unlock_via_kamusm', 'advice.never_use_puk'] },
  { countLow: false, finalTry: false, locked: true, state: 'locked', advice: ['advice.unlock_via_kamusm', 'advice.never_use_puk'] },
  { countLow: true, finalTry: false, locked: true, state: 'locked', advice: ['advice.unlock_via_kamusm', 'advice.never_use_puk'] },
  { countLow: false, finalTry: true, locked: true, state: 'locked', advice: ['advice.unlock_via_kamusm', 'advice.never_use_puk'] },
  { countLow: true, finalTry: true, locked: true, state: 'locked', advice: ['advice.unlock_via_kamusm', 'advice.never_use_puk'] },
];

// Unrelated token flags (login required, rng, token initialised, SO PIN flags...) must not matter.
const NOISE = [0, 0x1 | 0x4 | 0x400 | 0x8, 0x00100000 | 0x00200000 | 0x00400000 | 0x00800000];

describe('agent PIN state from token flags', () => {
  for (const row of rows) {
    for (const noise of NOISE) {
      const flags =
        noise |
        (row.countLow ? CKF_USER_PIN_COUNT_LOW : 0) |
        (row.finalTry ? CKF_USER_PIN_FINAL_TRY : 0) |
        (row.locked ? CKF_USER_PIN_LOCKED : 0);
      it(`flags 0x${flags.toString(16)} -> ${row.state}`, () => {
        const report = pinStateFromFlags(flags);
        assert.equal(report.state, row.state);
        assert.deepEqual(report.advice, row.advice);
        assert.equal(report.summaryKey, `pin.${row.state}`);
        assert.deepEqual(report.flags, { countLow: row.countLow, finalTry: row.finalTry, locked: row.locked });
      });
    }
  }

  it('never advises the PUK, and always warns against it when unlocking', () => {
    for (const row of rows) {
      const advice = pinStateFromFlags(
        (row.countLow ? CKF_USER_PIN_COUNT_LOW : 0) | (row.finalTry ? CKF_USER_PIN_FINAL_TRY : 0) | (row.locked ? CKF_USER_PIN_LOCKED : 0),
      ).advice;
      if (advice.includes('advice.unlock_via_kamusm')) assert.ok(advice.includes('advice.never_use_puk'));
    }
  });
});
