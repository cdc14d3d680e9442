import assert from 'node:assert/strict';
import { DialogHarness } from './harness';
import { RULE_CODE, type PathCase } from './paths.cases';
import { assertSendableCard } from '../support/cardCheck';
import type { Recognizer } from '../../bot/nlu';

/** A policy `source` tag ("S000 7-8", "F1"): kept for the help desk's record, never shown to users. */
const SOURCE_TAG = /\bS00\d\b|\b[FRLK]\d\b/;

/** Plays a row of a *.cases.ts table turn by turn, checking what the user reads at each turn. */
export async function play(row: PathCase, locale?: string, recognizer?: Recognizer): Promise<DialogHarness> {
  const harness = new DialogHarness({ today: row.today, locale, recognizer });
  await harness.say(locale?.startsWith('en') ? 'hello' : 'merhaba');
  for (const [index, turn] of row.turns.entries()) {
    const action = turn.do;
    const replies = 'say' in action ? await harness.say(action.say)
      : 'press' in action ? await harness.press(action.press)
        : await harness.submitDate(harness.inDays(action.date));
    const text = harness.text(replies);
    // Every card the user gets parses with the official library, within Teams' limits, and shows no rule code.
    for (const reply of replies) assertSendableCard(reply);
    assert.ok(!RULE_CODE.test(text) && !SOURCE_TAG.test(text), `turn ${index + 1}: a rule code or source tag is shown:\n${text}`);
    for (const expected of turn.see ?? []) assert.ok(matches(text, expected), `turn ${index + 1}: expected ${expected} in:\n${text}`);
    for (const unexpected of turn.notSee ?? []) assert.ok(!matches(text, unexpected), `turn ${index + 1}: did not expect ${unexpected} in:\n${text}`);
  }
  return harness;
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
}

/** The renewal request the help desk finds afterwards is the row's (or none). */
export async function assertRecorded(harness: DialogHarness, row: PathCase): Promise<void> {
  const requests = await harness.renewals.forUser('user1');
  if (!row.recorded) {
    assert.equal(requests.length, 0, 'no renewal request should be recorded');
    return;
  }
  assert.equal(requests.length, 1);
  const { reason, payer, late, expiryInDays, role } = row.recorded;
  assert.equal(requests[0].reason, reason);
  assert.equal(requests[0].payer, payer);
  assert.equal(requests[0].late, late);
  assert.equal(requests[0].role, role);
  assert.equal(requests[0].expiry, expiryInDays === undefined ? undefined : harness.inDays(expiryInDays));
}

