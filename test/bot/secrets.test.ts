import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import { createLogger } from '../../bot/logger';
import { SecretGuardMiddleware } from '../../bot/secretGuardMiddleware';
import { scanForSecrets } from '../../bot/secrets';
import { secretCases } from './secrets.cases';
import { DialogHarness } from '../dialogs/harness';

describe('secret detection', () => {
  for (const row of secretCases) {
    const context = row.context ? ` (${row.context})` : '';
    it(`${row.kinds.length ? 'hides' : 'leaves'} "${row.text}"${context}`, () => {
      const scan = scanForSecrets(row.text, row.context);
      assert.deepEqual(scan.kinds, row.kinds);
      assert.equal(scan.masked.length, row.text.length);
      for (const secret of row.hidden ?? []) assert.ok(!scan.masked.includes(secret), scan.masked);
      if (row.kinds.length === 0) assert.equal(scan.masked, row.text);
    });
  }
});

describe('secret guard during the PIN paths', () => {
  it('takes a lone 6-digit number for a PIN at the SMS step of the new-card PIN path', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    await harness.press("Yeni kartın PIN'i");
    for (let step = 1; step <= 5; step++) await harness.press('Tamam, sonraki adım');
    assert.ok(harness.text(harness.transcript.slice(-1)).includes("Yeni kartın PIN'i · Adım 6/8"));
    const text = harness.text(await harness.say('482913'));
    assert.ok(text.includes('Güvenliğiniz için'), text);
  });
});

describe('secret guard: what the bot last asked decides how a lone number is read', () => {
  const WARNING = 'Güvenliğiniz için';
  const DATE_HINT = 'Tarihi gün.ay.yıl biçiminde yazın';
  for (const typed of ['21 11 2026', '21 11 26', '21-11-2026']) {
    it(`takes "${typed}" at the renewal date prompt for a date: no warning, not asked again`, async () => {
      const harness = new DialogHarness();
      await harness.say('merhaba');
      await harness.press('Yenileme');
      await harness.press('Süresi doluyor / doldu');
      const text = harness.text(await harness.say(typed));
      assert.ok(!text.includes(WARNING), text);
      assert.ok(!text.includes(DATE_HINT), text);
    });
  }

  it('a menu whose buttons name the PIN does not make the next number a PIN', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    const text = harness.text(await harness.say('482913'));
    assert.ok(!text.includes(WARNING), text);
  });

  const questions = ['güvenlik sözcüğümü unuttum', 'guvenlik sozcugu nedir', 'güvenlik sözcüğümü hatırlamıyorum'];
  for (const question of questions) {
    it(`answers "${question}" without a secret warning`, async () => {
      const harness = new DialogHarness();
      await harness.say('merhaba');
      const text = harness.text(await harness.say(question));
      assert.ok(!text.includes(WARNING), text);
    });
  }

  it('still hides "güvenlik sözcüğüm: elma42" and warns', async () => {
    const harness = new DialogHarness();
    await harness.say('merhaba');
    const text = harness.text(await harness.say('güvenlik sözcüğüm: elma42'));
    assert.ok(text.includes(WARNING), text);
    assert.ok(!text.includes('elma42'), text);
  });
});

describe('secret guard on card submissions', () => {
  // 10000000146 passes the T.C. Kimlik checksum.
  const submissions: { name: string; value: Record<string, string>; intact: string[]; masked: string[] }[] = [
    {
      name: "an id the bot generated keeps its digits, even ones that look like a T.C. number",
      value: { verb: 'handoff.claim', ticketId: 'a-10000000146-b' },
      intact: ['ticketId'], masked: [],
    },
    {
      name: 'a device id on "Kaldır" reaches the handler as it was sent',
      value: { verb: 'agent.unpair', deviceId: '10000000146-4f2a', deviceName: 'OFIS-PC' },
      intact: ['deviceId', 'deviceName'], masked: [],
    },
    {
      name: 'any other field of a submission is the user\'s input and is masked',
      value: { verb: 'answer', promptId: 'abcdefgh', note: 'kimliğim 10000000146' },
      intact: ['verb', 'promptId'], masked: ['note'],
    },
  ];
  for (const row of submissions) {
    it(row.name, async () => {
      const adapter = new TestAdapter(async () => {});
      const state = new ConversationState(new MemoryStorage());
      adapter.use(new SecretGuardMiddleware(state.createProperty<boolean>('lastQuestion'), createLogger('silent')));
      let seen: Record<string, string> = {};
      adapter.use({ onTurn: async (context, next) => { seen = { ...(context.activity.value as Record<string, string>) }; await next(); } });
      await adapter.send({ type: 'message', value: { ...row.value } });
      for (const field of row.intact) assert.equal(seen[field], row.value[field], field);
      for (const field of row.masked) assert.ok(!seen[field].includes('10000000146'), `${field}: ${seen[field]}`);
    });
  }
});
