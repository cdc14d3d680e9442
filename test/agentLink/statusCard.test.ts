import assert from 'node:assert/strict';
import { MessageFactory } from 'botbuilder';
import { cardStatusCard, noReportCard } from '../../cards/agentCards';
import { PIN_ADVICE } from '../../domain/pinAdvice';
import { buttonTitles, visibleText } from '../support/fakeConnector';
import { CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED } from '../../paired-agent/pin-state';
import { fixtureReport } from './support';
import { t } from '../../cards/i18n';
import { loadPolicy } from '../../domain/policy';

const NOW = new Date('2026-11-21T10:00:00+03:00');
const PUK = 'PUK kodu kilit çözmek için **kullanılmaz**';
const POLICY = loadPolicy();

interface Row {
  flags: number;
  state: string;
  must: (string | RegExp)[];
  mustNot: (string | RegExp)[];
  unlockButton: boolean;
}

/** PIN state -> what the status card says and offers. */
const rows: Row[] = [
  { flags: CKF_USER_PIN_LOCKED, state: 'Kilitli', must: ['PIN\'iniz kilitlenmiş', 'Kilit Çözme', PUK], mustNot: [], unlockButton: true },
  { flags: CKF_USER_PIN_LOCKED | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW, state: 'Kilitli', must: [PUK], mustNot: [], unlockButton: true },
  { flags: CKF_USER_PIN_FINAL_TRY, state: 'Tek deneme hakkı kaldı', must: ['Durun, PIN\'i tahmin etmeyin', PUK], mustNot: [], unlockButton: true },
  { flags: CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW, state: 'Tek deneme hakkı kaldı', must: ['bir yanlış deneme daha kartınızı kilitler', PUK], mustNot: [], unlockButton: true },
  { flags: CKF_USER_PIN_COUNT_LOW, state: 'Yanlış deneme yapılmış', must: ['Durun, tahmin etmeyin'], mustNot: [PUK], unlockButton: true },
  { flags: 0, state: 'Bilinmiyor', must: ['durumu bilemiyorum', 'PIN\'inizde sorun olmadığı anlamına gelmez'], mustNot: [/sağlıklı|healthy/i, PUK], unlockButton: false },
  { flags: 0x400 | 0x4, state: 'Bilinmiyor', must: ['durumu bilemiyorum'], mustNot: [PUK], unlockButton: false },
];

describe('the card status card', () => {
  for (const row of rows) {
    it(`flags 0x${row.flags.toString(16)}: PIN "${row.state}" with the right advice`, () => {
      const activity = MessageFactory.attachment(cardStatusCard('tr', fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z', flags: row.flags }), NOW, POLICY));
      const shown = visibleText(activity);
      assert.ok(shown.includes(`PIN durumu\n${row.state}`) || shown.includes(row.state), shown);
      for (const text of row.must) assert.ok(typeof text === 'string' ? shown.includes(text) : text.test(shown), `missing ${text} in\n${shown}`);
      for (const text of row.mustNot) assert.ok(typeof text === 'string' ? !shown.includes(text) : !text.test(shown), `must not show ${text} in\n${shown}`);
      assert.equal(buttonTitles(activity).includes('Kilit Çözme adımları'), row.unlockButton);
    });
  }

  it('every PIN state has its advice in English too', () => {
    const flagsOf = { locked: CKF_USER_PIN_LOCKED, final_try: CKF_USER_PIN_FINAL_TRY, count_low: CKF_USER_PIN_COUNT_LOW, unknown: 0 };
    for (const [state, advice] of Object.entries(PIN_ADVICE)) {
      const report = fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z', flags: flagsOf[state as keyof typeof flagsOf] });
      const shown = visibleText(MessageFactory.attachment(cardStatusCard('en', report, NOW, POLICY)));
      assert.ok(shown.includes(t('en', advice.advice)) && shown.includes(t('en', advice.state)), `${state}:\n${shown}`);
    }
  });

  it('shows the days left in Istanbul days, and an expired card as expired', () => {
    const valid = visibleText(MessageFactory.attachment(cardStatusCard('tr', fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z' }), NOW, POLICY)));
    assert.match(valid, /05\.01\.2027 \(45 gün kaldı\)/);
    assert.doesNotMatch(valid, /1\*{7}46/, 'the mask is not shown: holder name only');
    const expired = visibleText(MessageFactory.attachment(cardStatusCard('tr', fixtureReport({ notBefore: '2023-01-10T00:00:00Z', notAfter: '2026-11-18T20:59:59Z' }), NOW, POLICY)));
    assert.match(expired, /süresi dolmuş[\s\S]*18\.11\.2026 \(3 gün önce doldu\)/);
  });

  describe('with Kamu SM\'s answer next to the dates', () => {
    const checkedAt = '2026-11-21T11:02:00Z'; // 14:02 in Istanbul
    const revocationRows: { status: 'good' | 'suspended' | 'revoked' | 'unknown' | 'unchecked'; fact: string; warning?: RegExp; mustNot: RegExp }[] = [
      { status: 'good', fact: 'Geçerli (kontrol saati: 14:02)', mustNot: /askıda|iptal edilmiş|imza atılamaz/i },
      { status: 'suspended', fact: 'ASKIDA (kontrol saati: 14:02)', warning: /⚠️ Kamu SM bu sertifikayı askıda gösteriyor: bu kartla şu an imza atılamaz\. .*444 5 576/, mustNot: /Geçerli \(/ },
      { status: 'revoked', fact: 'İPTAL EDİLMİŞ (kontrol saati: 14:02)', warning: /⚠️ Kamu SM bu sertifikayı iptal edilmiş gösteriyor: bu kartla artık imza atılamaz/, mustNot: /Geçerli \(/ },
      { status: 'unknown', fact: 'Kamu SM bu sertifikayı tanımıyor (kontrol saati: 14:02)', mustNot: /imza atılamaz/ },
      { status: 'unchecked', fact: 'Kontrol edilemedi (kontrol saati: 14:02)', mustNot: /Geçerli \(|imza atılamaz/ },
    ];
    for (const row of revocationRows) {
      it(`${row.status}: "${row.fact}"${row.warning ? ', said plainly as the warning' : ''}`, () => {
        const report = fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z' });
        const shown = visibleText(MessageFactory.attachment(cardStatusCard('tr', report, NOW, POLICY, undefined, { status: row.status, checkedAt, source: 'ocsp' })));
        assert.ok(shown.includes(`Kamu SM durumu\n${row.fact}`), shown);
        assert.match(shown, /Son geçerlilik tarihi\n05\.01\.2027[^\n]*\nKamu SM durumu/, 'next to the dates');
        if (row.warning) assert.match(shown, row.warning);
        assert.doesNotMatch(shown, row.mustNot);
      });
    }

    it('without a check there is no Kamu SM row at all', () => {
      const shown = visibleText(MessageFactory.attachment(cardStatusCard('tr', fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z' }), NOW, POLICY)));
      assert.doesNotMatch(shown, /Kamu SM durumu/);
    });
  });

  /** The agent's certificate state (or none, from an older agent: the dates decide) -> what the card says. */
  const certificateStates: { name: string; state?: 'not_yet_valid' | 'valid' | 'expired'; notBefore: string; must: RegExp[]; mustNot: RegExp[] }[] = [
    { name: 'not yet valid (the new card)', state: 'not_yet_valid', notBefore: '2026-12-01T00:00:00Z', must: [/Sertifika durumu\nHenüz geçerli değil: bu yeni kartınız/, /YENİ kartınız: 01\.12\.2026 tarihinden itibaren geçerli/, /yeni kartı kullanmayın/], mustNot: [/\nGeçerli\n/] },
    { name: 'not yet valid by the agent clock, though the bot clock has passed notBefore', state: 'not_yet_valid', notBefore: '2026-11-21T06:59:00Z', must: [/Henüz geçerli değil/], mustNot: [/\nGeçerli\n/] },
    { name: 'valid', state: 'valid', notBefore: '2024-01-10T00:00:00Z', must: [/Sertifika durumu\nGeçerli/], mustNot: [/Henüz geçerli değil/, /YENİ kartınız/] },
    { name: 'expired', state: 'expired', notBefore: '2024-01-10T00:00:00Z', must: [/Sertifika durumu\nSüresi dolmuş/], mustNot: [/Henüz geçerli değil/] },
    { name: 'absent (older agent), dates in the future', notBefore: '2026-12-01T00:00:00Z', must: [/Henüz geçerli değil: bu yeni kartınız/], mustNot: [/\nGeçerli\n/] },
  ];
  for (const row of certificateStates) {
    it(`says the certificate is ${row.name}`, () => {
      const report = { ...fixtureReport({ notBefore: row.notBefore, notAfter: '2029-12-01T20:59:59Z' }), certificateState: row.state };
      const shown = visibleText(MessageFactory.attachment(cardStatusCard('tr', report, NOW, POLICY)));
      for (const re of row.must) assert.match(shown, re);
      for (const re of row.mustNot) assert.doesNotMatch(shown, re);
    });
  }

  it('says "not valid yet" in English too', () => {
    const report = { ...fixtureReport({ notBefore: '2026-12-01T00:00:00Z', notAfter: '2029-12-01T20:59:59Z' }), certificateState: 'not_yet_valid' as const };
    assert.match(visibleText(MessageFactory.attachment(cardStatusCard('en', report, NOW, POLICY))), /Certificate status\nNot valid yet: this is your new card/);
  });

  it('not paired offers pairing; offline says so', () => {
    const notPaired = MessageFactory.attachment(noReportCard('tr', { kind: 'notPaired' }));
    assert.deepEqual(buttonTitles(notPaired), ['Bilgisayarımı eşleştir', 'Ana menü']);
    assert.match(visibleText(MessageFactory.attachment(noReportCard('tr', { kind: 'offline', deviceName: 'PC-42' }))), /"PC-42" şu an bana bağlı değil/);
  });
});
