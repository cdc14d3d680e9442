import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readCardReport } from '../../paired-agent/status';
import { Verb } from '../../cards/verbs';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { channelMessage, mehmet, newChannelId } from '../handoff/support';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { ayse, postToBot } from '../support/teams';
import { sharedPcscd, waitForReaders, type PrivatePcscd } from '../agent/helpers/private-pcscd';
import { AYSE_SIGNING_CERT, KAMU_SM_TEST_CA, SOFTHSM_LIB, SoftHsmToken, TEST_TCKN } from '../agent/helpers/softhsm-token';
import { VirtualCard } from '../agent/helpers/vpcd-card';
import { TestAgent, commandOf } from '../agentLink/support';
import { TeamsChat, texts } from '../support/chat';
import { TestPki, freePort, loopbackPointers } from './testPki';

const text = texts;
const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';

/**
 * End to end: a virtual AKIS card (vpcd in a private pcscd) backed by a SoftHSM2 token holding
 * Ayşe's signing certificate, issued by a test CA whose certificate names a loopback `openssl
 * ocsp` responder and CRL. The real agent reads it, the bot keeps what OCSP needs, and Ayşe walks
 * the lost-card path over HTTP while the test suspends and then lifts the suspension at the CA.
 */
describe('lost card, end to end: the bot\'s answer follows Kamu SM\'s (the test CA\'s) OCSP responder', function () {
  this.timeout(60_000);
  let pcscd: PrivatePcscd;
  let token: SoftHsmToken;
  let pki: TestPki;
  let card: VirtualCard;
  let connector: FakeConnector;
  let bot: BotUnderTest;
  let agent: TestAgent;
  let cert: string;
  let ocspPort: number;
  let httpPort: number;

  before(async () => {
    [ocspPort, httpPort] = [await freePort(), await freePort()];
    token = SoftHsmToken.create('AKIS_55EE66FF77AA88BB', KAMU_SM_TEST_CA, [{ ...AYSE_SIGNING_CERT, extensions: loopbackPointers(ocspPort, httpPort) }]);
    cert = join(token.dir, `${AYSE_SIGNING_CERT.name}.pem`);
    pki = await TestPki.adopt(token.dir, httpPort);
    await pki.startOcsp({ port: ocspPort });
    pcscd = await sharedPcscd();
    const readerPort = await pcscd.setVpcdReader('E2E Reader');
    await pcscd.restartDaemon();
    card = VirtualCard.fromHex(readerPort, AKIS_V1_ATR);
    await card.insert();
    await waitForReaders((readers) => readers.some((r) => r.cardPresent), 'the virtual card');
    connector = await new FakeConnector().start();
    bot = await startBot({
      REMINDERS_ENABLED: 'false', CERT_STATUS_CA_CERTS: pki.caPem, CERT_STATUS_TIMEOUT_MS: '2000',
      HELPDESK_MEMBER_IDS: mehmet.aadObjectId, HELPDESK_HOURS: '00:00-24:00', HELPDESK_DAYS: '1-7',
    }, connector);
  });
  after(async () => {
    await agent?.close();
    await bot?.close();
    await connector?.stop();
    card?.remove();
    await pki?.close();
    token?.destroy();
    await pcscd?.stopDaemon();
  });

  it('"Askıya aldım" is checked with Kamu SM: still valid → told to finish; suspended → confirmed and recorded; lifted → valid again', async () => {
    const user = new TeamsChat(bot.connector, bot);
    agent = new TestAgent();
    const { code, server } = commandOf(text(await user.press({ verb: Verb.agentPairing })));
    assert.equal(await agent.pair(code, server), 0, agent.output.join('\n'));
    const salt = { salt: Buffer.from(agent.device.record.tcknSalt!, 'hex'), scope: 'server' as const };
    agent.report = () => readCardReport({ config: agent.config, lib: SOFTHSM_LIB, tcknSalt: salt });
    await agent.run();

    // The card in the reader: its dates, and now Kamu SM's word next to them.
    const status = text(await user.say('kartımı kontrol et'));
    assert.match(status, /Son geçerlilik tarihi[\s\S]*05\.12\.2027/);
    assert.match(status, /Kamu SM durumu[\s\S]*Geçerli \(kontrol saati: \d\d:\d\d\)/);
    assert.doesNotMatch(status, /ASKIDA|İPTAL/);

    // Lost: the user says it is suspended, but the CA has not suspended it yet.
    assert.match(text(await user.say('kartımı kaybettim')), /Önce sertifikanızı askıya alın/);
    const notYet = text(await user.say('Askıya aldım'));
    assert.match(notYet, /Kamu SM sertifikanızı hâlâ geçerli gösteriyor \(kontrol saati: \d\d:\d\d\)/);
    assert.match(notYet, /444 5 576/);
    assert.match(notYet, /Askıya Alma/);
    assert.doesNotMatch(notYet, /doğruluyor|talebinizi oluşturdum/);
    assert.deepEqual(await bot.app.handoff.store.openTickets(), []);
    assert.equal((await requests()).length, 0, 'nothing recorded while it is still valid');

    // "Bitirdim" before the CA did it: still valid, asked again.
    const again = text(await user.say('bitirdim'));
    assert.match(again, /hâlâ geçerli gösteriyor/);
    assert.match(again, /Yine de devam et/);

    // The CA suspends it (certificateHold); "bitirdim" → confirmed, with the time, and the request is recorded.
    await pki.revoke(cert, 'certificateHold');
    const confirmed = text(await user.say('bitirdim'));
    assert.match(confirmed, /Kamu SM, sertifikanızın askıya alındığını doğruluyor \(kontrol saati: \d\d:\d\d\)/);
    assert.match(confirmed, /İdari göreviniz var mı\?/);
    assert.match(text(await user.say('İdari görevim yok')), /Yeni kart için yenileme talebinizi oluşturdum/);
    assert.doesNotMatch(confirmed, /Yine de devam et/, 'no new "still valid" question (the answered one only shows ✔)');
    const [request] = await requests();
    assert.equal(request.suspensionCheck?.status, 'suspended');
    assert.equal(request.suspensionCheck?.source, 'ocsp');
    assert.ok(Math.abs(Date.parse(request.suspensionCheck!.checkedAt) - Date.now()) < 60_000);

    // Card status says it plainly.
    const suspended = text(await user.say('kartımı kontrol et'));
    assert.match(suspended, /Kamu SM durumu[\s\S]*ASKIDA/);
    assert.match(suspended, /Kamu SM bu sertifikayı askıda gösteriyor: bu kartla şu an imza atılamaz/);

    // The suspension is lifted at the CA: the bot follows (a suspended answer is only cached until its nextUpdate; openssl gives none).
    await pki.unrevoke(cert);
    assert.match(text(await user.say('kartımı kontrol et')), /Kamu SM durumu[\s\S]*Geçerli/);
    await user.say('kartımı kaybettim');
    assert.match(text(await user.say('Askıya aldım')), /hâlâ geçerli gösteriyor/);

    // Kamu SM unreachable (responder and CRL down): "could not check", never "valid"; the path goes on with the user's word.
    await pki.stopOcsp(ocspPort);
    pki.crlDown = true;
    const unreachable = text(await user.say('TAMAMLADIM'));
    assert.match(unreachable, /Şu an Kamu SM yanıt vermedi, askıya almayı doğrulayamadım/);
    // The first report's request is still open: the bot says it carries on with it, not that it made a new one.
    const secondReport = text(await user.say('idari gorevim yok'));
    assert.match(secondReport, /Açık talebiniz üzerinden devam ediyoruz/);
    assert.doesNotMatch(secondReport, /talebinizi oluşturdum/);
    assert.doesNotMatch(unreachable, /doğruluyor|Yine de devam et/);
    // One open request per person: the second report updates it, and the newer check replaces the older.
    assert.deepEqual((await requests()).map((r) => r.suspensionCheck?.status), ['unchecked']);

    // What the bot keeps for the check holds no personal data.
    const kept = JSON.stringify(await bot.app.agentLink.store.certificates(ayse.aadObjectId!));
    assert.match(kept, /"ocspUrls":\["http:\/\/127\.0\.0\.1:\d+\/"\]/);
    assert.ok(!kept.includes(TEST_TCKN) && !kept.includes('Ayşe'), kept);
    assert.ok(!bot.logs.join('\n').includes(TEST_TCKN));

    // The help desk's ticket carries the check's result and time (from the renewal request).
    const channelId = newChannelId();
    assert.equal(await postToBot(bot.url, channelMessage({ serviceUrl: connector.serviceUrl, channelId, text: 'yardım masası burası', user: mehmet })), 200);
    await user.say('yetkiliye bağlan');
    const ticket = connector.in(channelId).map(visibleText).join('\n');
    assert.match(ticket, /askıya alma kontrolü: Kontrol edilemedi \(kontrol: \d\d\.\d\d\.\d{4} \d\d:\d\d\)/);
  });

  const requests = () => bot.app.requests.forUser(ayse.aadObjectId!);
});
