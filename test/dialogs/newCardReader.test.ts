import assert from 'node:assert/strict';
import { TestAdapter, TurnContext } from 'botbuilder';
import { newCardCard } from '../../dialogs/agentReading';
import { assertSendableCard } from '../support/cardCheck';
import { visibleText } from '../support/fakeConnector';

/**
 * Issue 14 item 4, second pass: when the paired agent sees the new card in the reader, "do not use
 * it before the old one expires" (R3) is said only while the old certificate stays valid; after a
 * revocation (lost card, fault, PIN and PUK block, identity update) it is not.
 */
const card = { kind: 'new' as const, validFrom: '2026-12-01', expiry: '2029-12-01', serial: '5A1B', oldExpiry: '2027-01-05', deviceName: 'PC-1' };
const rows: { locale: string; r3Applies: boolean; see: RegExp[]; notSee: RegExp[] }[] = [
  { locale: 'tr-TR', r3Applies: true, see: [/YENİ kartınız: 01\.12\.2026/, /05\.01\.2027 tarihinde doluyor\. O tarihten önce yeni kartı kullanmayın/], notSee: [] },
  { locale: 'tr-TR', r3Applies: false, see: [/YENİ kartınız: 01\.12\.2026/, /seri 5A1B/], notSee: [/kullanmayın/, /05\.01\.2027/] },
  { locale: 'en-US', r3Applies: true, see: [/Do not use the new card before then/], notSee: [] },
  { locale: 'en-US', r3Applies: false, see: [/5A1B/], notSee: [/Do not use the new card/] },
];

describe('the new card in the reader (agent): R3 only while the old certificate stays valid', () => {
  for (const row of rows) {
    it(`${row.locale}, R3 ${row.r3Applies ? 'applies' : 'does not apply (revoked)'}`, () => {
      const context = new TurnContext(new TestAdapter(), { type: 'message', locale: row.locale });
      const attachment = newCardCard(context, card, [], row.r3Applies);
      assertSendableCard(attachment);
      const text = visibleText({ attachments: [attachment] });
      for (const pattern of row.see) assert.match(text, pattern);
      for (const pattern of row.notSee) assert.doesNotMatch(text, pattern);
    });
  }
});
