import type { PinState } from '../paired-agent/pin-state';
import type { StringKey } from '../cards/i18n';

/**
 * What the card's PIN counter means for the user: what to say, and whether to offer Kilit Çözme
 * with the PUK warning. Kept as code, not in policy.json: it follows from how the AKIS card
 * counts tries, which no institution changes; the sentences themselves are in the string tables.
 */
export interface PinAdvice {
  state: StringKey;
  advice: StringKey;
  /** Shown as the card's warning (stop, do not guess). */
  urgent: boolean;
  unlockButton: boolean;
  pukWarning: boolean;
}

export const PIN_ADVICE: Record<PinState, PinAdvice> = {
  locked: { state: 'agent.pin.locked', advice: 'agent.advice.locked', urgent: true, unlockButton: true, pukWarning: true },
  final_try: { state: 'agent.pin.final_try', advice: 'agent.advice.final_try', urgent: true, unlockButton: true, pukWarning: true },
  count_low: { state: 'agent.pin.count_low', advice: 'agent.advice.count_low', urgent: true, unlockButton: true, pukWarning: false },
  unknown: { state: 'agent.pin.unknown', advice: 'agent.advice.unknown', urgent: false, unlockButton: false, pukWarning: false },
};
