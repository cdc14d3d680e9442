import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { TestRedisServer } from '../support/redisServer';
import type { ReceivedActivity } from '../support/fakeConnector';
import { clearPrefix } from '../support/keys';
import type { TeamsUser } from '../support/teams';
import {
  FakeConnector, SATURDAY_11, Scenario, TUESDAY_10, TestClock, ali, cardButtons, mehmet, randomPrefix, startHandoffBot, visibleText, zeynep,
  type HandoffBot,
} from './support';

const texts = (activities: ReceivedActivity[]) => activities.map((activity) => visibleText(activity).trim());
const CLAIMED_NOTICE = /talebinizi üstlendi/;

describe('help desk handoff over HTTP with a fake Teams (real Redis)', function () {
  this.timeout(30_000);
  let redis: TestRedisServer;
  let inspector: Redis;
  let connector: FakeConnector;
  const bots: HandoffBot[] = [];
  /** Each test's own keys and clock (a Tuesday, 10:00 in Istanbul, unless the test moves it). */
  let prefix = '';
  let clock: TestClock;

  before(async () => {
    redis = await new TestRedisServer().start();
    inspector = redis.client();
    connector = await new FakeConnector().start();
  });
  after(async () => {
    inspector.disconnect();
    await connector.stop();
    await redis.destroy();
  });
  beforeEach(() => {
    prefix = randomPrefix();
    clock = new TestClock(TUESDAY_10);
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.close()));
    await clearPrefix(inspector, prefix);
    connector.clear();
  });

  /** A bot instance on this test's prefix and clock (several instances share them). */
  async function start(): Promise<HandoffBot> {
    const bot = await startHandoffBot({ redisUrl: redis.url, prefix, clock });
    bots.push(bot);
    return bot;
  }

  /** A bot whose help desk channel is set, at `at`. */
  async function givenDesk(at: Date = TUESDAY_10): Promise<Scenario> {
    clock.current = new Date(at);
    const scenario = new Scenario(connector, await start());
    await scenario.setDesk();
    return scenario;
  }

  /** ... and a user who asked for a person: a waiting ticket with its card in the channel. */
  async function givenTicket(at?: Date): Promise<{ scenario: Scenario; card: ReceivedActivity; ticketId: string }> {
    const scenario = await givenDesk(at);
    return { scenario, ...(await scenario.request()) };
  }

  /** ... and a help desk member (Mehmet) who claimed it. */
  async function givenClaimed(by: TeamsUser = mehmet): Promise<{ scenario: Scenario; card: ReceivedActivity; ticketId: string }> {
    const given = await givenTicket();
    await claimed(given.scenario, given.ticketId, given.card.id, by);
    return given;
  }

  async function keysAndValues(prefix: string): Promise<string> {
    const keys = await inspector.keys(`${prefix}*`);
    const values = await Promise.all(keys.map(async (key) => {
      const type = await inspector.type(key);
      if (type === 'string') return inspector.get(key);
      if (type === 'hash') return JSON.stringify(await inspector.hgetall(key));
      if (type === 'list') return JSON.stringify(await inspector.lrange(key, 0, -1));
      if (type === 'zset') return JSON.stringify(await inspector.zrange(key, '0', '-1'));
      return '';
    }));
    return keys.map((key, index) => `${key} ${values[index]}`).join('\n');
  }

  /** The user is on step 1 of the new-card PIN path when they ask for a person (so the card can say where they were). */
  async function givenTicketFromPinPath(): Promise<{ scenario: Scenario; card: ReceivedActivity; ticketId: string }> {
    const scenario = await givenDesk();
    await scenario.say('merhaba');
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    await scenario.press({ verb: 'path.newCardPin' });
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Adım 1\/8/.test(visibleText(activity))));
    return { scenario, ...(await scenario.request()) };
  }

  /** A claimed conversation in which both sides wrote; `member` relays, the bot stays silent. Returns after the lines arrived. */
  async function relayBothWays(scenario: Scenario, rootId: string, member: TeamsUser): Promise<void> {
    await scenario.say('Merhaba, SMS kodu gelmiyor.');
    await scenario.deskSays(member, 'Merhaba Ayşe Hanım, telefon numaranız güncel mi?', rootId);
    await scenario.say('Evet, güncel.');
    await scenario.say('menü');
    await scenario.deskSays(member, 'Kamu SM çağrı merkezini arayın: 444 5 576.', rootId);
    await scenario.waitFor(() => scenario.inThread(rootId).length >= 3 && scenario.toUser().length >= 2);
  }

  it('request: the user is queued (position, working hours) and the ticket card says who, where they were and what they wrote', async () => {
    const { scenario, card, ticketId } = await givenTicketFromPinPath();
    const queued = scenario.toUser().find((activity) => /Sizi yardım masasındaki bir yetkiliye aktarıyorum/.test(visibleText(activity)))!;
    assert.match(visibleText(queued), /Sıranız: 1\./);
    assert.match(visibleText(queued), /çalışma saatleri: Pazartesi–Cuma 08:30–17:30/);
    const ticketText = visibleText(card);
    for (const expected of ['Ayşe Yılmaz', "Yeni kartın PIN'i", 'Adım 1/8', 'Kart okuma programı bağlı değil', 'Son mesajlar:', '**Ayşe Yılmaz:** merhaba', '10:00']) {
      assert.ok(ticketText.includes(expected), `ticket card shows "${expected}":\n${ticketText}`);
    }
    assert.deepEqual(cardButtons(card).map((button) => button.title), ['Üstlen']);
    const initiate = scenario.events().find((event) => event.name === 'handoff.initiate');
    assert.equal((initiate?.value as { ticketId?: string })?.ticketId, ticketId);
  });

  it('two members press "Üstlen" at once: one wins, the other is told who has it, the card shows the winner and "Kapat"', async () => {
    const { scenario, card, ticketId } = await givenTicket();
    connector.clear();
    await Promise.all([
      scenario.deskPresses(mehmet, { verb: 'handoff.claim', ticketId }, card.id),
      scenario.deskPresses(zeynep, { verb: 'handoff.claim', ticketId }, card.id),
    ]);
    await scenario.waitFor(() => scenario.toUser().some((activity) => CLAIMED_NOTICE.test(visibleText(activity)))
      && scenario.inThread(card.id).length >= 2 && scenario.cardUpdates(card.id).length >= 1);
    const thread = texts(scenario.inThread(card.id));
    const winnerNotes = thread.filter((text) => /bu talebi üstlendi/.test(text));
    const loserNotes = thread.filter((text) => /zaten üstlendi/.test(text));
    assert.equal(winnerNotes.length, 1, thread.join('\n'));
    assert.equal(loserNotes.length, 1, thread.join('\n'));
    const winner = /^(Mehmet Demir|Zeynep Kaya) bu talebi üstlendi/.exec(winnerNotes[0])![1];
    const loser = winner === mehmet.name ? zeynep : mehmet;
    assert.equal(loserNotes[0], `${loser.name}, bu talebi ${winner} zaten üstlendi.`);
    const updates = scenario.cardUpdates(card.id);
    assert.equal(updates.length, 1);
    assert.match(visibleText(updates[0]), new RegExp(`Üstlenen: ${winner} \\(10:00\\)`));
    assert.deepEqual(cardButtons(updates[0]).map((button) => button.title), ['Kapat']);
    assert.match(texts(scenario.toUser()).join('\n'), new RegExp(`${winner} talebinizi üstlendi`));
    assert.equal(scenario.events().find((event) => event.name === 'handoff.status')?.value?.state, 'accepted');
    assert.equal((await scenario.bot.app.handoff.store.get(ticketId))?.claimedBy?.name, winner);
  });

  it('once claimed, lines are relayed both ways and the bot stays silent (no menu, no dialog answer)', async () => {
    const { scenario, card } = await givenClaimed(zeynep);
    connector.clear();
    await relayBothWays(scenario, card.id, zeynep);
    assert.deepEqual(texts(scenario.inThread(card.id)), [
      '**Ayşe Yılmaz:** Merhaba, SMS kodu gelmiyor.',
      '**Ayşe Yılmaz:** Evet, güncel.',
      '**Ayşe Yılmaz:** menü',
    ]);
    assert.deepEqual(texts(scenario.toUser()), [
      `**${zeynep.name}:** Merhaba Ayşe Hanım, telefon numaranız güncel mi?`,
      `**${zeynep.name}:** Kamu SM çağrı merkezini arayın: 444 5 576.`,
    ], 'the bot stays silent: no menu, no dialog answer, only the relayed replies');
  });

  it('"bitir" from the user closes: both sides told, card closed, rating asked; the rating is kept, the menu and free text come back; the ticket is kept 30 days', async () => {
    const { scenario, card, ticketId } = await givenTicketFromPinPath();
    await claimed(scenario, ticketId, card.id);
    await relayBothWays(scenario, card.id, mehmet);

    connector.clear();
    await scenario.say('bitir');
    await scenario.waitFor(() => scenario.toUser().length >= 2 && scenario.cardUpdates(card.id).length >= 1 && scenario.inThread(card.id).length >= 1);
    const [closedNote, rating] = scenario.toUser();
    assert.match(visibleText(closedNote), /görüşmeniz sona erdi/);
    assert.deepEqual(cardButtons(rating).map((button) => button.title), ['1 😞', '2', '3', '4', '5 😊', 'Ana menü']);
    assert.deepEqual(texts(scenario.inThread(card.id)), ['Ayşe Yılmaz görüşmeyi bitirdi.']);
    assert.match(visibleText(scenario.cardUpdates(card.id)[0]), /Kapandı: görüşme tamamlandı\. Bekleme <1 dk, görüşme <1 dk\./);
    assert.deepEqual(cardButtons(scenario.cardUpdates(card.id)[0]), []);
    assert.equal(scenario.events().find((event) => event.name === 'handoff.status')?.value?.state, 'completed');

    connector.clear();
    await scenario.press(cardButtons(rating)[3].data);
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    assert.match(visibleText(scenario.toUser()[0]), /Değerlendirmeniz için teşekkür ederim/);
    assert.match(visibleText(scenario.toUser()[1]), /Size nasıl yardımcı olabilirim\?/);
    connector.clear();
    await scenario.say('kilit çözme');
    await scenario.waitFor(() => scenario.toUser().length >= 1);
    assert.match(texts(scenario.toUser()).join('\n'), /Kilit Çözme|PUK/, 'back with the bot: free text starts a path again');

    const record = await scenario.bot.app.handoff.store.get(ticketId);
    assert.equal(record?.status, 'closed');
    assert.equal(record?.outcome, 'resolved');
    assert.equal(record?.closedBy, 'user');
    assert.equal(record?.rating, 4);
    assert.equal(record?.claimedBy?.name, mehmet.name);
    assert.equal(record?.path, "Yeni kartın PIN'i");
    const transcript = (await scenario.bot.app.handoff.store.lines(ticketId)).map((line) => `${line.from}: ${line.text}`);
    assert.ok(transcript.includes('user: Evet, güncel.') && transcript.includes('desk: Kamu SM çağrı merkezini arayın: 444 5 576.'), transcript.join('\n'));
    const ttl = await inspector.ttl(`${prefix}handoff:ticket:${ticketId}`);
    assert.ok(ttl > 29 * 86_400 && ttl <= 30 * 86_400, `retention TTL ${ttl}`);
  });

  it('exactly one member wins when two bot instances handle the two presses', async () => {
    const [first, second] = [await start(), await start()];
    for (let round = 0; round < 3; round++) {
      const scenario = new Scenario(connector, first);
      await scenario.setDesk();
      const { card, ticketId } = await scenario.request();
      await Promise.all([
        scenario.deskPresses(mehmet, { verb: 'handoff.claim', ticketId }, card.id, first),
        scenario.deskPresses(zeynep, { verb: 'handoff.claim', ticketId }, card.id, second),
      ]);
      await scenario.waitFor(() => scenario.inThread(card.id).length >= 2 && scenario.toUser().some((activity) => CLAIMED_NOTICE.test(visibleText(activity))));
      const thread = texts(scenario.inThread(card.id));
      assert.equal(thread.filter((text) => /bu talebi üstlendi/.test(text)).length, 1, thread.join('\n'));
      assert.equal(thread.filter((text) => /zaten üstlendi/.test(text)).length, 1, thread.join('\n'));
      assert.equal(scenario.cardUpdates(card.id).length, 1);
      assert.equal(scenario.toUser().filter((activity) => CLAIMED_NOTICE.test(visibleText(activity))).length, 1);
      connector.clear();
    }
  });

  it('keeps relaying after the bot restarts in the middle of a conversation (state in Redis)', async () => {
    const before = await start();
    const scenario = new Scenario(connector, before);
    await scenario.setDesk();
    const { card, ticketId } = await scenario.request();
    await claimed(scenario, ticketId, card.id);
    await scenario.say('İlk mesajım');
    await scenario.waitFor(() => scenario.inThread(card.id).some((activity) => /İlk mesajım/.test(visibleText(activity))));

    await before.close();
    bots.splice(bots.indexOf(before), 1);
    scenario.bot = await start();
    connector.clear();
    await scenario.deskSays(mehmet, 'Yeniden başladım, buradayım.', card.id);
    await scenario.say('Yeniden merhaba');
    await scenario.waitFor(() => scenario.toUser().length >= 1 && scenario.inThread(card.id).length >= 1);
    assert.deepEqual(texts(scenario.toUser()), ['**Mehmet Demir:** Yeniden başladım, buradayım.']);
    assert.deepEqual(texts(scenario.inThread(card.id)), ['**Ayşe Yılmaz:** Yeniden merhaba']);

    connector.clear();
    await scenario.deskPresses(mehmet, { verb: 'handoff.close', ticketId }, card.id);
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    assert.match(visibleText(scenario.toUser()[0]), /görüşmeniz sona erdi/);
    assert.deepEqual(texts(scenario.inThread(card.id)), ['Mehmet Demir görüşmeyi kapattı.']);
    assert.equal((await scenario.bot.app.handoff.store.get(ticketId))?.closedBy, 'desk');
  });

  it('outside working hours: the request waits, the user is told when it will be seen, no re-announcement before opening', async () => {
    const { scenario, card } = await givenTicket(SATURDAY_11);
    const queued = visibleText(scenario.toUser().find((activity) => /aktarıyorum/.test(visibleText(activity)))!);
    assert.match(queued, /Şu an mesai dışındayız\. Talebiniz sırada bekliyor; yardım masası .*Pazartesi.* açıldığında görülecek\./);
    assert.match(queued, /16 Mart/);
    assert.match(queued, /08:30/);
    assert.match(visibleText(card), /Mesai dışında geldi/);

    clock.advanceMinutes(6 * 60);
    await scenario.bot.app.handoff.sweep();
    assert.equal(scenario.inThread(card.id).length, 0, 'nobody is pinged on a Saturday');
    clock.current = new Date('2026-03-16T08:41:00+03:00');
    await scenario.bot.app.handoff.sweep();
    await scenario.waitFor(() => scenario.inThread(card.id).length >= 1);
    assert.match(visibleText(scenario.inThread(card.id)[0]), /⏰ Bu talep \d+ dakikadır bekliyor: Ayşe Yılmaz/);
  });

  it('re-announces an unclaimed ticket once per period, even with two instances sweeping at once', async () => {
    const [first, second] = [await start(), await start()];
    const scenario = new Scenario(connector, first);
    await scenario.setDesk();
    const { card, ticketId } = await scenario.request();

    clock.advanceMinutes(9);
    await Promise.all([first.app.handoff.sweep(), second.app.handoff.sweep()]);
    assert.equal(scenario.inThread(card.id).length, 0, 'not yet');
    clock.advanceMinutes(2);
    await Promise.all([first.app.handoff.sweep(), second.app.handoff.sweep()]);
    await scenario.waitFor(() => scenario.inThread(card.id).length >= 1);
    await Promise.all([first.app.handoff.sweep(), second.app.handoff.sweep()]);
    const reannounced = scenario.inThread(card.id);
    assert.equal(reannounced.length, 1);
    assert.equal(visibleText(reannounced[0]).trim().split('\n')[0], '⏰ Bu talep 11 dakikadır bekliyor: Ayşe Yılmaz. Üstlenebilecek biri var mı?');
    assert.deepEqual(cardButtons(reannounced[0]).map((button) => button.data), [{ verb: 'handoff.claim', ticketId }]);

    // "Üstlen" on the re-announcement works like the one on the card.
    await claimed(scenario, ticketId, card.id, zeynep);
    assert.match(texts(scenario.toUser()).join('\n'), /Zeynep Kaya talebinizi üstlendi/);
  });

  it('closes an idle claimed conversation after the configured time, telling both sides', async () => {
    const { scenario, card, ticketId } = await givenClaimed();
    clock.advanceMinutes(20);
    await scenario.say('Hâlâ bekliyorum');
    clock.advanceMinutes(20);
    await scenario.bot.app.handoff.sweep();
    assert.equal((await scenario.bot.app.handoff.store.get(ticketId))?.status, 'claimed', 'the message 20 minutes ago keeps it open');
    connector.clear();
    clock.advanceMinutes(11);
    await scenario.bot.app.handoff.sweep();
    await scenario.waitFor(() => scenario.toUser().length >= 2 && scenario.inThread(card.id).length >= 1);
    assert.match(visibleText(scenario.toUser()[0]), /Bir süredir mesaj olmadığı için yetkiliyle görüşmenizi kapattım/);
    assert.equal(cardButtons(scenario.toUser()[1]).length, 6);
    assert.deepEqual(texts(scenario.inThread(card.id)), ['30 dakikadır mesaj olmadığı için görüşmeyi kapattım; kullanıcıya da haber verdim.']);
    assert.equal((await scenario.bot.app.handoff.store.get(ticketId))?.outcome, 'idle');
  });

  it('refuses "Üstlen" from someone outside the help desk, politely, and leaves the ticket waiting', async () => {
    const { scenario, card, ticketId } = await givenTicket();
    await scenario.deskPresses(ali, { verb: 'handoff.claim', ticketId }, card.id);
    await scenario.waitFor(() => scenario.inThread(card.id).length >= 1);
    assert.deepEqual(texts(scenario.inThread(card.id)), [
      'Ali Çelik, talepleri yalnızca yardım masası ekibi üstlenebilir. Ekibe eklenmeniz gerekiyorsa Bilgi İşlem yöneticinize başvurabilirsiniz.',
    ]);
    assert.equal(scenario.cardUpdates(card.id).length, 0);
    assert.equal((await scenario.bot.app.handoff.store.get(ticketId))?.status, 'waiting');
    assert.ok(!scenario.toUser().some((activity) => CLAIMED_NOTICE.test(visibleText(activity))));

    connector.clear();
    await scenario.deskSays(ali, 'yardım masası burası');
    await scenario.deskSays(ali, 'açık talepler');
    await scenario.waitFor(() => connector.received.length >= 2);
    assert.match(texts(connector.received).join('\n'), /bu kanalı yardım masası yapma yetkiniz yok[\s\S]*açık talepleri yalnızca yardım masası ekibi görebilir/);
  });

  it('masks a PIN-like number typed during the relay, in the thread and in the stored transcript', async () => {
    const scenario = await givenDesk();
    await scenario.say("PIN'im 482913 ama kart kilitlendi");
    const { card, ticketId } = await scenario.request();
    assert.ok(!visibleText(card).includes('482913'));
    assert.match(visibleText(card), /PIN'im \*{6} ama kart kilitlendi/);
    await claimed(scenario, ticketId, card.id);

    connector.clear();
    await scenario.say('571938');
    await scenario.say("Yeni PIN'im 246810 olarak görünüyor, T.C. kimlik no 10000000146");
    await scenario.waitFor(() => scenario.inThread(card.id).length >= 2);
    assert.deepEqual(texts(scenario.inThread(card.id)), [
      '**Ayşe Yılmaz:** ******',
      "**Ayşe Yılmaz:** Yeni PIN'im ****** olarak görünüyor, T.C. kimlik no ***********",
    ]);
    const warnings = scenario.toUser().filter((activity) => /Güvenliğiniz için/.test(visibleText(activity)));
    assert.equal(warnings.length, 2, 'the guard still warns the user during the relay');
    // Issue 13 (review 4.7): the user is also told the rest of the message still went to the desk, masked.
    assert.equal(scenario.toUser().filter((activity) => /yardım masasına ilettim/.test(visibleText(activity))).length, 2);
    assert.equal(scenario.toUser().length, 4, 'and says nothing else');
    const stored = await keysAndValues(prefix);
    for (const secret of ['482913', '571938', '246810', '10000000146']) assert.ok(!stored.includes(secret), `${secret} is in Redis`);
    assert.match(stored, /kimlik no \*{11}/);
  });

  it("relays the desk's words to the user as written (a question about the güvenlik sözcüğü, even a number), keeps them masked in Redis, warns nobody", async () => {
    const { scenario, card } = await givenClaimed();
    connector.clear();
    await scenario.deskSays(mehmet, 'Güvenlik sözcüğünüzü hatırlıyor musunuz?', card.id);
    await scenario.deskSays(mehmet, 'Başvurunuzda görünen numara 10000000146, doğru mu?', card.id);
    await scenario.waitFor(() => scenario.toUser().length >= 2);
    assert.deepEqual(texts(scenario.toUser()), [
      `**${mehmet.name}:** Güvenlik sözcüğünüzü hatırlıyor musunuz?`,
      `**${mehmet.name}:** Başvurunuzda görünen numara 10000000146, doğru mu?`,
    ]);
    assert.ok(!texts(scenario.inThread(card.id)).some((text) => /Güvenliğiniz için/.test(text)), 'no secret warning in the thread');
    const stored = await keysAndValues(prefix);
    assert.ok(!stored.includes('10000000146'), 'the transcript keeps the number masked');
  });

  it('keeps the ticket card within Teams\' 28 KB when the user wrote a 10,000-character message before asking', async () => {
    const scenario = await givenDesk();
    await scenario.say(`kartım ${'çok uzun bir açıklama '.repeat(500)}`);
    const { card } = await scenario.request();
    const size = Buffer.byteLength(JSON.stringify(card.attachments ?? []), 'utf8');
    assert.ok(size < 28 * 1024, `ticket card is ${size} bytes`);
    assert.match(visibleText(card), /kartım çok uzun bir açıklama/);
  });

  it('"açık talepler" lists the open tickets for the help desk', async () => {
    const bot = await start();
    const first = new Scenario(connector, bot);
    await first.setDesk();
    const one = await first.request();
    clock.advanceMinutes(1);
    const second = Object.assign(new Scenario(connector, bot), { channelId: first.channelId });
    const two = await second.request();
    const queued = visibleText(second.toUser().find((activity) => /aktarıyorum/.test(visibleText(activity)))!);
    assert.match(queued, /Sıranız: 2\./);
    await claimed(first, one.ticketId, one.card.id);
    clock.advanceMinutes(5);
    connector.clear();
    await first.deskSays(zeynep, 'açık talepler');
    await first.waitFor(() => connector.received.length >= 1);
    const list = visibleText(connector.received[0]);
    assert.match(list, /Açık talepler \(2\)/);
    assert.ok(list.includes(`${one.ticketId} · Ayşe Yılmaz · Mehmet Demir ilgileniyor`), list);
    assert.ok(list.includes(`${two.ticketId} · Ayşe Yılmaz · 5 dakikadır bekliyor`), list);
    assert.ok(list.indexOf(one.ticketId) < list.indexOf(two.ticketId), 'oldest first');
  });
});

describe('help desk handoff without Redis (one instance, memory)', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let bot: HandoffBot;
  before(async () => {
    connector = await new FakeConnector().start();
    bot = await startHandoffBot({ clock: new TestClock(TUESDAY_10) });
  });
  after(async () => {
    await bot.close();
    await connector.stop();
  });

  it('request, claim, relay, withdraw and close work the same way', async () => {
    const scenario = new Scenario(connector, bot);
    await scenario.say('yetkiliye bağlan');
    await scenario.waitFor(() => scenario.toUser().length >= 1);
    assert.match(texts(scenario.toUser()).join('\n'), /Yardım masasına şu an buradan ulaşamıyorum/, 'no desk channel set yet');

    await scenario.setDesk();
    connector.clear();
    const { card, ticketId } = await scenario.request();
    await scenario.say('vazgeçtim aslında');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /sıradasınız/.test(visibleText(activity))));
    await scenario.say('bitir');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Talebinizi geri aldım/.test(visibleText(activity))));
    assert.equal(buttonsOfLast(scenario).length, 6, 'the menu comes back');
    assert.equal((await bot.app.handoff.store.get(ticketId))?.outcome, 'withdrawn');
    assert.match(visibleText(scenario.cardUpdates(card.id)[0]), /kullanıcı vazgeçti/);

    connector.clear();
    const again = await scenario.request();
    await claimed(scenario, again.ticketId, again.card.id);
    await scenario.deskSays(mehmet, 'Size nasıl yardımcı olabilirim?', again.card.id);
    await scenario.waitFor(() => scenario.toUser().some((activity) => /\*\*Mehmet Demir:\*\*/.test(visibleText(activity))));
    await scenario.deskSays(mehmet, 'bitir', again.card.id);
    await scenario.waitFor(() => scenario.toUser().some((activity) => /memnun/.test(visibleText(activity))));
    assert.equal((await bot.app.handoff.store.get(again.ticketId))?.closedBy, 'desk');
  });
  // State is saved whoever answers the turn: a turn the help desk takes (the user writing during a
  // handoff) keeps what it changed, here the language the user switched to.
  it('keeps a change made in a turn the help desk took (the language the user switched to)', async () => {
    const scenario = new Scenario(connector, bot);
    await scenario.setDesk();
    await scenario.request();
    // Relayed to the desk: the handoff takes this turn, and the user now writes English.
    await scenario.say('can I talk to a person about my card please');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /in the queue|sıradasınız/.test(visibleText(activity))));
    await scenario.say('bitir');
    await scenario.waitFor(() => scenario.toUser().some((activity) => /Talebinizi geri aldım|withdrew/.test(visibleText(activity))));
    const before = scenario.toUser().length;
    // A button press carries no text: its language comes from the conversation's saved state.
    await scenario.press({ verb: 'menu' });
    await scenario.waitFor(() => scenario.toUser().length > before);
    const menu = visibleText(scenario.toUser()[before]);
    assert.match(menu, /How can I help you\?/);
    assert.doesNotMatch(menu, /Size nasıl yardımcı olabilirim/);
  });
});

async function claimed(scenario: Scenario, ticketId: string, rootId: string, by = mehmet): Promise<void> {
  await scenario.deskPresses(by, { verb: 'handoff.claim', ticketId }, rootId);
  await scenario.waitFor(() => scenario.toUser().some((activity) => CLAIMED_NOTICE.test(visibleText(activity))));
}

function buttonsOfLast(scenario: Scenario) {
  const all = scenario.toUser();
  return cardButtons(all[all.length - 1]);
}
