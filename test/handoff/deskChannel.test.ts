import assert from 'node:assert/strict';
import { postToBot, teamsInstall } from '../support/teams';
import {
  FakeConnector, Scenario, TUESDAY_10, TestClock, ali, cardButtons, channelMessage, mehmet, startHandoffBot, visibleText, type HandoffBot,
} from './support';
import { RequestScenario } from '../requests/support';
import { TestAgent } from '../agentLink/support';
import { ayse } from '../support/teams';

/** The fixes from the review of the handoff in a Teams-like client (reviews/2026-12-01-handoff-in-client.md), in memory. */
describe('the help desk channel as a place to work (review fixes)', function () {
  this.timeout(20_000);
  let connector: FakeConnector;
  let bot: HandoffBot;
  let clock: TestClock;

  before(async () => {
    connector = await new FakeConnector().start();
  });
  after(async () => connector.stop());
  beforeEach(async () => {
    clock = new TestClock(TUESDAY_10);
    bot = await startHandoffBot({ clock });
  });
  afterEach(async () => {
    await bot.close();
    connector.clear();
  });

  it('the channel gets no welcome or menu; "Yetkiliye bağlan" and chatter there get silence, an @mention gets the desk commands in Turkish', async () => {
    const scenario = new Scenario(connector, bot);
    const install = teamsInstall(connector.serviceUrl, scenario.channelId);
    install.conversation = { ...install.conversation!, conversationType: 'channel', isGroup: true };
    assert.equal(await postToBot(bot.url, install), 200);
    await scenario.setDesk();
    await scenario.deskPresses(mehmet, { verb: 'human.request' }, 'root-1');
    const chatter = channelMessage({ serviceUrl: connector.serviceUrl, channelId: scenario.channelId, user: mehmet, text: 'x' });
    await postToBot(bot.url, { ...chatter, text: 'Bugün öğle yemeğine kim geliyor?', entities: [] });
    await scenario.deskSays(mehmet, 'merhaba', 'root-2');
    await scenario.waitFor(() => connector.received.some((activity) => /yardım masası komutlarını anlarım/.test(visibleText(activity))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const said = connector.received.map((activity) => visibleText(activity).trim());
    assert.deepEqual(said, [
      'Tamam: bundan sonra yardım taleplerini bu kanala getireceğim.',
      'Bu kanalda yardım masası komutlarını anlarım: "yardım masası burası", "açık talepler", "talepler", "talepler csv". E-imza işleriniz için bana özel sohbetten yazın.',
    ], 'no welcome, no menu, no ticket, no English: only the desk set and the hint');
    assert.equal(await bot.app.handoff.store.openTickets().then((tickets) => tickets.length), 0);
  });

  it('the ticket card says its state in the title, shows what the user read and wrote (no verbs), starts empty for the next ticket, and when a desk line last reached the user', async () => {
    const scenario = new Scenario(connector, bot);
    await scenario.setDesk();
    await scenario.say('merhaba');
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    const first = await scenario.request();
    const firstText = visibleText(first.card);
    assert.match(firstText, new RegExp(`🎫 Yeni talep ${first.ticketId}: Ayşe Yılmaz · bekliyor`));
    assert.match(firstText, /\*\*Ayşe Yılmaz:\*\* merhaba/);
    assert.doesNotMatch(firstText, /\[human\.request\]|\[menu\]/);

    await scenario.deskPresses(mehmet, { verb: 'handoff.claim', ticketId: first.ticketId }, first.card.id);
    await scenario.waitFor(() => scenario.cardUpdates(first.card.id).length >= 1 && scenario.inThread(first.card.id).length >= 1);
    const claimed = visibleText(scenario.cardUpdates(first.card.id)[0]);
    assert.match(claimed, new RegExp(`🎫 Talep ${first.ticketId}: Ayşe Yılmaz · Mehmet Demir ilgileniyor`));
    assert.match(claimed, /Kullanıcıya son iletilen\nHenüz yok/);
    const notice = visibleText(scenario.inThread(first.card.id)[0]);
    assert.match(notice, /başına @eimza-bot yazın/);
    assert.equal(notice.match(/Mehmet Demir/g)?.length, 1, `the claimer is named once:\n${notice}`);

    clock.advanceMinutes(4);
    await scenario.deskSays(mehmet, 'Merhaba Ayşe Hanım', first.card.id);
    await scenario.waitFor(() => scenario.cardUpdates(first.card.id).length >= 2);
    assert.match(visibleText(scenario.cardUpdates(first.card.id).at(-1)!), /Kullanıcıya son iletilen\n10:04/);

    await scenario.deskPresses(mehmet, { verb: 'handoff.close', ticketId: first.ticketId }, first.card.id);
    await scenario.waitFor(() => /görüşmeyi kapattı/.test(scenario.toUser().map(visibleText).join('\n')));
    assert.match(scenario.toUser().map(visibleText).join('\n'), /Mehmet Demir görüşmeyi kapattı: Bilgi İşlem ile görüşmeniz sona erdi/);
    assert.match(visibleText(scenario.cardUpdates(first.card.id).at(-1)!), new RegExp(`🎫 Talep ${first.ticketId}: Ayşe Yılmaz · kapandı \\(görüşme tamamlandı\\)`));

    const closeButton = cardButtons(scenario.toUser().find((activity) => /talebinizi üstlendi/.test(visibleText(activity)))!)[0];
    connector.clear();
    await scenario.press(closeButton.data);
    await scenario.waitFor(() => scenario.toUser().length >= 1);
    assert.deepEqual(scenario.toUser().map((activity) => visibleText(activity).trim()), ['Bu görüşme zaten sona erdi. Yeniden ihtiyacınız olursa "yetkiliye bağlan" yazmanız yeterli.']);

    await scenario.say('merhaba');
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    const second = await scenario.request();
    const secondText = visibleText(second.card);
    assert.doesNotMatch(secondText, /Sizi Bilgi İşlem'e aktarıyorum|Merhaba Ayşe Hanım|görüşmeyi kapattı|zaten sona erdi/, `the second card carries nothing of the first ticket:\n${secondText}`);
  });

  it('"açık talepler" says a new ticket just arrived; the refusals name no configuration variable; a withdrawn ticket says no conversation took place', async () => {
    const scenario = new Scenario(connector, bot);
    await scenario.setDesk();
    const { card, ticketId } = await scenario.request();
    await scenario.deskSays(mehmet, 'açık talepler');
    await scenario.deskSays(ali, 'yardım masası burası');
    await scenario.waitFor(() => connector.received.filter((activity) => /Açık talepler|yetkiniz yok/.test(visibleText(activity))).length >= 2);
    const text = connector.received.map(visibleText).join('\n');
    assert.match(text, new RegExp(`${ticketId} · Ayşe Yılmaz · az önce geldi`));
    const list = connector.received.find((activity) => /Açık talepler/.test(visibleText(activity)))!;
    assert.deepEqual(cardButtons(list).map((button) => button.title), [`Üstlen: ${ticketId}`], 'the list offers "Üstlen" for a waiting ticket');
    assert.doesNotMatch(text, /0 dakikadır|HELPDESK_MEMBER_IDS|yapılandırma/);
    await scenario.say('bitir');
    await scenario.waitFor(() => scenario.cardUpdates(card.id).length >= 1);
    const withdrawn = visibleText(scenario.cardUpdates(card.id)[0]);
    assert.match(withdrawn, /kullanıcı vazgeçti, görüşme olmadı/);
    assert.doesNotMatch(withdrawn, /görüşme <1 dk/);
  });

  it('a ticket and a request card for a person with a paired agent show its last card report; the ticket shows the open request', async () => {
    const scenario = new RequestScenario(connector, bot);
    await scenario.setDesk();
    const agent = new TestAgent();
    try {
      const issued = await bot.app.agentLink.service.issueCode({ userId: ayse.aadObjectId, userName: ayse.name, conversationId: scenario.userConversation });
      assert.equal(issued.kind, 'issued');
      assert.equal(await agent.pair((issued as { code: string }).code, bot.url), 0, agent.output.join('\n'));
      await agent.run();
      assert.equal((await bot.app.agentLink.service.readCard(ayse.aadObjectId)).kind, 'report');
    } finally {
      await agent.close();
    }
    const report = /PC-42, 10\.03\.2026 10:00: AKİS e-imza kartı; son geçerlilik 05\.01\.2027; PIN: \S+/;
    await scenario.press({ verb: 'path.lostCard' });
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Askıya aldım/.test(visibleText(activity))));
    await scenario.pressButton('Askıya aldım');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /İdari görevim yok/.test(visibleText(activity))));
    await scenario.pressButton('İdari görevim yok');
    await scenario.waitFor(() => /Talep numaranız: (EI-2026-\d{4})/.test(scenario.userTexts()));
    const number = /Talep numaranız: (EI-2026-\d{4})/.exec(scenario.userTexts())![1];
    assert.match(visibleText(scenario.requestCard()!), new RegExp(`Kartın son durumu \\(kart okuma programı\\)\\n${report.source}`));
    const { card } = await scenario.request();
    assert.match(visibleText(card), new RegExp(`Yenileme talebi\\n${number} · Ödeme bekleniyor · Kayıp ya da çalıntı`));
    assert.match(visibleText(card), new RegExp(`Kart durumu \\(kart okuma programı\\)\\n${report.source}`));
    assert.doesNotMatch(visibleText(card), /Ajan bağlı değil/);
  });
});
