import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { TestRedisServer } from '../support/redisServer';
import {
  FakeConnector, TUESDAY_10, TestClock, ali, cardButtons, mehmet, randomPrefix, startHandoffBot, visibleText, zeynep,
  type HandoffBot,
} from '../handoff/support';
import { RequestScenario, findButton, linkTo, pdfText } from './support';
import { ayse } from '../support/teams';
import { clearPrefix } from '../support/keys';

const NUMBER = /EI-2026-\d{4}/;

/** Each flow runs twice: two instances on a real Redis, and one instance in memory (no Redis). */
for (const mode of ['redis', 'memory'] as const) {
  describe(`renewal requests over HTTP with a fake Teams (${mode})`, function () {
    this.timeout(30_000);
    let redis: TestRedisServer | undefined;
    let inspector: Redis | undefined;
    let connector: FakeConnector;
    const bots: HandoffBot[] = [];
    /** Each test's own keys (deleted in afterEach) and clock (a Tuesday, 10:00 in Istanbul). */
    let prefix = '';
    let clock: TestClock;

    before(async () => {
      if (mode === 'redis') {
        redis = await new TestRedisServer().start();
        inspector = redis.client();
      }
      connector = await new FakeConnector().start();
    });
    after(async () => {
      inspector?.disconnect();
      await connector.stop();
      await redis?.destroy();
    });
    beforeEach(() => {
      prefix = randomPrefix();
      clock = new TestClock(TUESDAY_10);
    });
    afterEach(async () => {
      await Promise.all(bots.splice(0).map((bot) => bot.close()));
      if (inspector) await clearPrefix(inspector, prefix);
      connector.clear();
    });

    /** A bot instance on this test's prefix and clock (several instances share them). */
    async function start(env: Record<string, string> = {}): Promise<HandoffBot> {
      const bot = await startHandoffBot({ redisUrl: redis?.url, prefix, clock, env });
      bots.push(bot);
      return bot;
    }

    /** Ayşe reports her card lost and confirms the suspension: a request is recorded; returns its desk card. */
    async function lostCardRequest(scenario: RequestScenario): Promise<{ rootId: string; number: string }> {
      await scenario.press({ verb: 'path.lostCard' });
      await scenario.waitFor(() => scenario.toUser().some((activity) => /Askıya aldım/.test(visibleText(activity))));
      await scenario.pressButton('Askıya aldım');
      await scenario.waitFor(() => scenario.toUser().some((activity) => /İdari görevim yok/.test(visibleText(activity))));
      await scenario.pressButton('İdari görevim yok');
      await scenario.waitFor(() => Boolean(scenario.requestCard()) && /Talep numaranız: EI-/.test(scenario.userTexts()));
      const card = scenario.requestCard()!;
      return { rootId: card.id, number: NUMBER.exec(visibleText(card))![0] };
    }

    async function pressAndWait(scenario: RequestScenario, user: typeof mehmet, rootId: string, label: string, userSees: RegExp, bot?: HandoffBot, inputs?: Record<string, unknown>) {
      const before = scenario.cardUpdates(rootId).length;
      await scenario.deskPressButton(user, rootId, label, bot, inputs);
      await scenario.waitFor(() => scenario.cardUpdates(rootId).length > before && userSees.test(scenario.userTexts()));
    }

    it('lost card → request → desk card → "Üstlen" → each status in turn, the user told each time → "taleplerim" shows the history', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      const { rootId, number } = await lostCardRequest(scenario);

      const posted = visibleText(scenario.requestCard()!);
      for (const expected of [`Yenileme talebi ${number}: Ayşe Yılmaz`, 'Durum: Ödeme bekleniyor · henüz kimse üstlenmedi', 'Kayıp ya da çalıntı', 'Kişinin kendisi (F3)', 'Geç başvuru', 'Bilinmiyor']) {
        assert.ok(posted.includes(expected), `desk card shows "${expected}":\n${posted}`);
      }
      assert.deepEqual(cardButtons(scenario.requestCard()!).map((button) => button.title), ['Üstlen', "→ Kamu SM'ye başvuruldu", '→ İptal']);
      assert.match(scenario.userTexts(), new RegExp(`Talep numaranız: ${number}`));
      const said = scenario.toUser().map((activity) => visibleText(activity));
      assert.ok(said.findIndex((text) => /talebinizi oluşturdum/.test(text)) < said.findIndex((text) => /Talep numaranız/.test(text)), 'the number follows the path\'s own answer');
      assert.doesNotMatch(scenario.userTexts(), /Formu aç/, 'a lost card is not late: no wet-signed form');

      await pressAndWait(scenario, mehmet, rootId, 'Üstlen', /./);
      await scenario.waitFor(() => /Mehmet Demir bu talebi üstlendi/.test(scenario.inThread(rootId).map(visibleText).join('\n')));
      assert.match(visibleText(scenario.currentCard(rootId)), /Durum: Ödeme bekleniyor · üstlenen: Mehmet Demir/);
      assert.ok(!cardButtons(scenario.currentCard(rootId)).some((button) => button.title === 'Üstlen'), 'a taken request has no "Üstlen"');

      await pressAndWait(scenario, mehmet, rootId, "→ Kamu SM'ye başvuruldu", new RegExp(`${number} numaralı talebiniz: Kamu SM'ye başvuruldu`));
      assert.match(scenario.userTexts(), /Kart gelince size haber vereceğim/);
      assert.match(scenario.userTexts(), /Değişikliği yapan: Mehmet Demir/);

      await pressAndWait(scenario, mehmet, rootId, '→ Kart geldi, teslim alınabilir', /talebiniz: Kart geldi, teslim alınabilir/);
      const arrived = visibleText(scenario.toUser().at(-1)!);
      for (const expected of ['Yeni kartınız geldi', 'Teslim yeri: Bilgi İşlem Daire Başkanlığı', 'Pazartesi–Cuma 08:30–17:30', "Eski kartınızın PIN'ini yeni kartta denemeyin", "yeni kartın PIN'ini şimdi alabilirsiniz"]) {
        assert.ok(arrived.includes(expected), `the user reads "${expected}":\n${arrived}`);
      }
      assert.ok(!arrived.includes('süresi dolmadan yeni kartı kullanmayın'), `a lost card's certificate was revoked first: no waiting for the old one (R3):\n${arrived}`);
      assert.ok(cardButtons(scenario.toUser().at(-1)!).some((button) => button.title === "Yeni kartın PIN'i" && button.data.verb === 'path.newCardPin'));

      await pressAndWait(scenario, mehmet, rootId, '→ Teslim edildi', /talebiniz: Teslim edildi/);
      const closed = scenario.currentCard(rootId);
      assert.match(visibleText(closed), /Kapandı: Teslim edildi/);
      assert.deepEqual(cardButtons(closed), [], 'a closed request has no buttons');
      assert.equal(scenario.toUser().filter((activity) => /numaralı talebiniz:/.test(visibleText(activity))).length, 3, 'one notice per status change');

      connector.clear();
      await scenario.say('TALEPLERIM');
      await scenario.waitFor(() => scenario.toUser().length >= 1);
      const mine = visibleText(scenario.toUser()[0]);
      for (const expected of [number, 'Teslim edildi', 'Ödeme bekleniyor', "Kamu SM'ye başvuruldu", 'Kart geldi, teslim alınabilir']) assert.ok(mine.includes(expected), `taleplerim shows "${expected}":\n${mine}`);
      assert.ok(!cardButtons(scenario.toUser().at(-1)!).some((button) => /geri al/.test(button.title)), 'a delivered request cannot be withdrawn');
      assert.doesNotMatch(mine, /Bunu tam anlayamadım/);
    });

    it('a second request while one is open shows the open one; withdrawal asks first, then cancels it and tells the desk', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      const { rootId, number } = await lostCardRequest(scenario);

      connector.clear();
      await scenario.press({ verb: 'path.lostCard' });
      await scenario.waitFor(() => scenario.toUser().some((activity) => /Askıya aldım/.test(visibleText(activity))));
      await scenario.pressButton('Askıya aldım');
      await scenario.waitFor(() => scenario.toUser().some((activity) => /İdari görevim yok/.test(visibleText(activity))));
      await scenario.pressButton('İdari görevim yok');
      await scenario.waitFor(() => /Zaten açık bir yenileme talebiniz var/.test(scenario.userTexts()));
      assert.match(scenario.userTexts(), new RegExp(`${number} numaralı talebiniz üzerinden ilerliyor. Şu anki durumu: Ödeme bekleniyor`));
      // Nothing new was created, so the path's own card must not say it was.
      assert.doesNotMatch(scenario.userTexts(), /talebinizi oluşturdum|talebinizi kaydettim/);
      assert.match(scenario.userTexts(), /Açık talebiniz üzerinden devam ediyoruz/);
      assert.equal(scenario.ticketCards().filter((activity) => /Yenileme talebi EI-/.test(visibleText(activity))).length, 0, 'no second desk card');

      const mineButton = findButton(scenario.toUser(), 'Taleplerim');
      connector.clear();
      await scenario.press(mineButton);
      await scenario.waitFor(() => scenario.toUser().length >= 1);
      await scenario.pressButton(`${number} talebini geri al`);
      await scenario.waitFor(() => /geri almak istiyor musunuz/.test(scenario.userTexts()));
      assert.equal(scenario.cardUpdates(rootId).length, 0, 'nothing changes before the confirmation');
      await scenario.pressButton('Hayır, açık kalsın');
      await scenario.waitFor(() => /talebiniz açık kalıyor/.test(scenario.userTexts()));
      const confirm = findButton(scenario.toUser(), 'Evet, geri al');
      await scenario.press(confirm);
      await scenario.waitFor(() => /talebinizi geri aldım/.test(scenario.userTexts()) && scenario.cardUpdates(rootId).length >= 1);
      assert.match(visibleText(scenario.currentCard(rootId)), /Kapandı: İptal/);
      await scenario.waitFor(() => /Ayşe Yılmaz talebini geri aldı/.test(scenario.inThread(rootId).map(visibleText).join('\n')));

      connector.clear();
      await scenario.press(confirm);
      await scenario.waitFor(() => /artık geri alınamıyor; durumu: İptal/.test(scenario.userTexts()));
    });

    it('a renewal that becomes a lost card updates the open request\'s reason and payer instead of making a second', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      await scenario.press({ verb: 'path.renewal' });
      await scenario.waitFor(() => /neden yeniliyorsunuz/.test(scenario.userTexts()));
      await scenario.pressButton('Süresi doluyor / doldu');
      await scenario.waitFor(() => /son geçerlilik tarihi nedir/.test(scenario.userTexts()));
      await scenario.submitDate('2026-03-25');
      await scenario.waitFor(() => /İdari göreviniz var mı/.test(scenario.userTexts()));
      await scenario.pressButton('İdari görevim var');
      await scenario.waitFor(() => Boolean(scenario.requestCard()) && /Talep numaranız/.test(scenario.userTexts()));
      const card = scenario.requestCard()!;
      assert.match(visibleText(card), /Durum: Alındı[\s\S]*Süresi doluyor \/ doldu[\s\S]*Kurum \(F2\)[\s\S]*25\.03\.2026 · 15 gün kaldı/);
      assert.doesNotMatch(scenario.userTexts(), /Formu aç/);

      await scenario.press({ verb: 'path.lostCard' });
      await scenario.waitFor(() => scenario.toUser().some((activity) => /Askıya aldım/.test(visibleText(activity))));
      await scenario.pressButton('Askıya aldım');
      await scenario.waitFor(() => scenario.toUser().filter((activity) => /İdari görevim yok/.test(visibleText(activity))).length >= 2);
      await scenario.pressButton('İdari görevim var');
      await scenario.waitFor(() => /Talebinizin nedenini güncelledim: Kayıp ya da çalıntı/.test(scenario.userTexts()) && scenario.cardUpdates(card.id).length >= 1);
      assert.match(visibleText(scenario.currentCard(card.id)), /Kayıp ya da çalıntı[\s\S]*Kişinin kendisi \(F1\)/);
      const mine = await scenario.bot.app.requests.forUser(ayseId);
      assert.equal(mine.length, 1);
      assert.equal(mine[0].reason, 'lostOrStolen');
      await scenario.say('talebimin durumu');
      await scenario.waitFor(() => /Yenileme talepleriniz/.test(scenario.userTexts()));
    });

    it('a request made before the desk channel is set gets its card when the channel is set', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.press({ verb: 'path.lostCard' });
      await scenario.waitFor(() => scenario.toUser().some((activity) => /Askıya aldım/.test(visibleText(activity))));
      await scenario.pressButton('Askıya aldım');
      await scenario.waitFor(() => scenario.toUser().some((activity) => /İdari görevim yok/.test(visibleText(activity))));
      await scenario.pressButton('İdari görevim yok');
      await scenario.waitFor(() => /Talep numaranız: EI-/.test(scenario.userTexts()));
      assert.equal(scenario.requestCard(), undefined);
      await scenario.setDesk();
      await scenario.waitFor(() => Boolean(scenario.requestCard()));
      const rootId = scenario.requestCard()!.id;
      await pressAndWait(scenario, mehmet, rootId, "→ Kamu SM'ye başvuruldu", /talebiniz: Kamu SM'ye başvuruldu/);
    });

    it('a non-member pressing a status or "Üstlen" is refused politely and nothing changes', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      const { rootId } = await lostCardRequest(scenario);
      connector.clear();
      await scenario.deskPressButton(ali, rootId, '→ İptal');
      await scenario.deskPressButton(ali, rootId, 'Üstlen');
      await scenario.deskSays(ali, 'talepler');
      await scenario.waitFor(() => scenario.connector.received.filter((activity) => /yalnızca yardım masası üyeleri/.test(visibleText(activity))).length === 3);
      const refusal = scenario.connector.received.find((activity) => /yalnızca yardım masası üyeleri/.test(visibleText(activity)))!;
      assert.match(visibleText(refusal), /^Ali Çelik, talepler üzerinde yalnızca yardım masası üyeleri işlem yapabilir\. Bir şey değiştirmedim\./);
      assert.doesNotMatch(visibleText(refusal), /HELPDESK_MEMBER_IDS/);
      assert.equal(scenario.cardUpdates(rootId).length, 0);
      assert.equal(scenario.toUser().length, 0, 'the user is told nothing');
      const [request] = await scenario.bot.app.requests.forUser(ayseId);
      assert.equal(request.status, 'waitingPayment');
      assert.equal(request.assignee, undefined);
      assert.equal(request.history.length, 1);
    });

    it('the desk cancels only with a reason; the user reads it, masked if it looks like a PIN', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      const { rootId, number } = await lostCardRequest(scenario);
      connector.clear();
      await scenario.deskPressButton(mehmet, rootId, '→ İptal', undefined, { note: '   ' });
      await scenario.waitFor(() => connector.received.some((activity) => /gerekçe yazıp yeniden basın/.test(visibleText(activity))));
      assert.equal(scenario.cardUpdates(rootId).length, 0);
      assert.equal(scenario.toUser().length, 0);
      await pressAndWait(scenario, mehmet, rootId, '→ İptal', /numaralı talebiniz: İptal/, undefined, { note: 'Kart bulundu, PIN 123456 çalışıyor' });
      const notice = visibleText(scenario.toUser().at(-1)!);
      assert.match(notice, /Yardım masasının notu: Kart bulundu, PIN \*{6} çalışıyor/);
      assert.doesNotMatch(notice, /123456/);
      assert.match(visibleText(scenario.currentCard(rootId)), /Kapandı: İptal[\s\S]*Ödeme bekleniyor → İptal · Kart bulundu, PIN \*{6} çalışıyor/);
      assert.ok(number);
    });

    it('a late renewal gives a PDF form with the name, the number and "ıslak imza"; a wrong or expired token is a 404', async () => {
      const scenario = new RequestScenario(connector, await start({ REQUEST_LINK_TTL_SECONDS: '3600' }));
      await scenario.setDesk();
      await scenario.press({ verb: 'path.renewal' });
      await scenario.waitFor(() => /neden yeniliyorsunuz/.test(scenario.userTexts()));
      await scenario.pressButton('Süresi doluyor / doldu');
      await scenario.waitFor(() => /son geçerlilik tarihi nedir/.test(scenario.userTexts()));
      await scenario.submitDate('2026-03-02');
      await scenario.waitFor(() => /İdari göreviniz var mı/.test(scenario.userTexts()));
      await scenario.pressButton('İdari görevim var');
      await scenario.waitFor(() => /Formu aç \(PDF\)/.test(scenario.userTexts()));
      const number = NUMBER.exec(scenario.userTexts())![0];
      const desk = visibleText(scenario.requestCard()!);
      assert.match(desk, /Durum: Islak imzalı form bekleniyor/);
      assert.match(desk, /02\.03\.2026 · 8 gün geçti · kaynak: kullanıcının yazdığı/);

      const url = linkTo(scenario.toUser(), 'forms');
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      const text = await pdfText(Buffer.from(await response.arrayBuffer()));
      for (const expected of ['Ayşe Yılmaz', number, 'ıslak imza', 'ELEKTRONİK İMZA SERTİFİKASI YENİLEME FORMU', 'İdari görevim var', '02.03.2026', 'Bilgi İşlem Daire Başkanlığı']) {
        assert.ok(text.includes(expected), `the PDF holds "${expected}":\n${text}`);
      }
      assert.equal((await fetch(url.replace(/\/forms\/.+$/, '/forms/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'))).status, 404);
      assert.equal((await fetch(url.replace('/forms/', '/exports/'))).status, 404, 'a form token opens no CSV');
      clock.advanceMinutes(61);
      const expired = await fetch(url);
      assert.equal(expired.status, 404);
      assert.equal((await expired.text()).includes(number), false, 'a 404 reveals nothing');
    });

    it('"talepler" lists open requests newest first with filters; "talepler csv" gives a UTF-8 CSV with a BOM and the right rows', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      connector.members.set(ayse.id, { id: ayse.id, name: ayse.name, aadObjectId: ayseId, userPrincipalName: 'ayse.yilmaz@kurum.gov.tr', email: 'ayse.yilmaz@kurum.gov.tr' });
      const { rootId, number } = await lostCardRequest(scenario).finally(() => connector.members.clear());
      assert.match(visibleText(scenario.requestCard()!), /Ayşe Yılmaz · ayse\.yilmaz@kurum\.gov\.tr/);
      await scenario.deskPressButton(mehmet, rootId, "→ Kamu SM'ye başvuruldu");
      await scenario.waitFor(() => /Kamu SM'ye başvuruldu/.test(scenario.userTexts()));

      connector.clear();
      await scenario.deskSays(mehmet, 'talepler');
      await scenario.deskSays(mehmet, 'TALEPLER kart geldi');
      await scenario.deskSays(mehmet, 'talepler csv');
      await scenario.waitFor(() => scenario.connector.received.filter((activity) => /Açık yenileme talepleri|Açık talepler,/.test(visibleText(activity))).length >= 3);
      const [all, arrived, csv] = ['Açık yenileme talepleri \\(', 'Açık yenileme talepleri, Kart geldi', 'Açık talepler, 1 satır'].map((pattern) => visibleText(scenario.connector.received.find((activity) => new RegExp(pattern).test(visibleText(activity)))!));
      assert.match(all, new RegExp(`Açık yenileme talepleri \\(1\\)[\\s\\S]*${number}\\*\\* · Ayşe Yılmaz · Kamu SM'ye başvuruldu · bugün bu duruma geçti · Mehmet Demir ilgileniyor`));
      assert.match(arrived, /\(0\)[\s\S]*Bu ölçüte uyan açık talep yok/);
      assert.doesNotMatch(all, /Bunu tam anlayamadım|Size nasıl yardımcı olabilirim/, 'the desk channel never gets the user menu');

      const response = await fetch(linkTo(scenario.connector.received, 'exports'));
      assert.equal(response.status, 200);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      assert.equal(lines.length, 2);
      assert.equal(lines[0].split(';')[0], 'Talep no');
      assert.equal(lines[1], `${number};Ayşe Yılmaz;ayse.yilmaz@kurum.gov.tr;;Kayıp ya da çalıntı;İdari görevim yok;Kişinin kendisi;F3;Hayır;;;;Kamu SM'ye başvuruldu;Mehmet Demir;10.03.2026`);
      assert.ok(csv.includes('Türkçe karakterlerle'));
      clock.advanceMinutes(61);
      assert.equal((await fetch(linkTo(scenario.connector.received, 'exports'))).status, 404, 'the CSV link lives an hour');
    });

    it('"Başvurdum" on an expiry ping names the open request; without one it only stops the pings', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      await scenario.bot.app.reminders.roster.record({ userId: ayseId, expiry: '2026-04-01', source: 'import', name: 'Ayşe Yılmaz' }, clock.now());
      await scenario.press({ verb: 'reminder.applied', expiry: '2026-04-01' });
      await scenario.waitFor(() => /not ettim/.test(scenario.userTexts()));
      assert.doesNotMatch(scenario.userTexts(), /Açık talebiniz/);
      assert.deepEqual(cardButtons(scenario.toUser().at(-1)!).map((button) => [button.title, button.data.verb]), [['Talebimi kaydet', 'path.renewal'], ['Ana menü', 'menu']]);
      await scenario.bot.app.reminders.roster.record({ userId: ayseId, expiry: '2026-04-02', source: 'agent', name: 'Ayşe Yılmaz' }, clock.now());
      const { number } = await lostCardRequest(scenario);
      connector.clear();
      await scenario.press({ verb: 'reminder.applied', expiry: '2026-04-02' });
      await scenario.waitFor(() => scenario.toUser().length >= 1);
      assert.match(scenario.userTexts(), new RegExp(`Açık talebiniz ${number} \\(Ödeme bekleniyor\\) bu sertifika için geçerli`));
      assert.ok(!cardButtons(scenario.toUser().at(-1)!).some((button) => button.title === 'Talebimi kaydet'));
    });

    it('a request waiting past its limit is announced again in its thread, in working hours only', async () => {
      const scenario = new RequestScenario(connector, await start());
      await scenario.setDesk();
      const { rootId, number } = await lostCardRequest(scenario);
      const reminders = () => scenario.inThread(rootId).filter((activity) => /⏰/.test(visibleText(activity)));
      clock.advanceMinutes(60 * 24 * 13); // Monday 23 March 10:00: 9 working days; the limit for "Ödeme bekleniyor" is 10
      await scenario.bot.app.requests.sweep();
      assert.equal(reminders().length, 0);
      clock.advanceMinutes(60 * 34); // Tuesday 20:00: past the limit, but the desk is closed
      await scenario.bot.app.requests.sweep();
      assert.equal(reminders().length, 0);
      clock.advanceMinutes(60 * 14); // Wednesday 10:00
      await scenario.bot.app.requests.sweep();
      await scenario.waitFor(() => reminders().length === 1);
      assert.match(visibleText(reminders()[0]), new RegExp(`⏰ ${number} \\(Ayşe Yılmaz\\) 11 iş günüdür "Ödeme bekleniyor" durumunda bekliyor`));
      await scenario.bot.app.requests.sweep();
      assert.equal(reminders().length, 1, 'once per working day, not at every sweep');
    });

    if (mode === 'redis') {
      it('two instances: two members press different statuses at once; one wins, the card and the user agree', async () => {
          const first = await start();
        const second = await start();
        const scenario = new RequestScenario(connector, first);
        await scenario.setDesk();
        const { rootId, number } = await lostCardRequest(scenario);
        connector.clear();
        await Promise.all([
          scenario.deskPressButton(mehmet, rootId, "→ Kamu SM'ye başvuruldu", first),
          scenario.deskPressButton(zeynep, rootId, '→ İptal', second, { note: 'Kişi kurumdan ayrıldı' }),
        ]);
        await scenario.waitFor(() => scenario.toUser().length >= 1 && scenario.connector.received.some((activity) => /az önce değişti/.test(visibleText(activity))));
        const notices = scenario.toUser().filter((activity) => /numaralı talebiniz:/.test(visibleText(activity)));
        assert.equal(notices.length, 1, 'the user is told once');
        const won = /numaralı talebiniz: (Kamu SM'ye başvuruldu|İptal)/.exec(visibleText(notices[0]))![1];
        const stored = await first.app.requests.openFor(ayseId) ?? (await first.app.requests.forUser(ayseId))[0];
        assert.equal(stored.history.length, 2, 'exactly one change was applied');
        assert.equal(second.app.requests.life.label(stored.status, 'tr'), won);
        await scenario.waitFor(() => new RegExp(`Durum: ${won}|Kapandı: ${won}`).test(visibleText(scenario.currentCard(rootId))));
        const loser = scenario.connector.received.find((activity) => /az önce değişti/.test(visibleText(activity)))!;
        assert.match(visibleText(loser), new RegExp(`şu anki durumu: ${won}\\. Kartı güncelledim\\.`));
        assert.ok(number);
      });

      it('a restart in the middle of the life cycle loses nothing', async () => {
          const before = await start();
        const scenario = new RequestScenario(connector, before);
        await scenario.setDesk();
        const { rootId, number } = await lostCardRequest(scenario);
        await pressAndWait(scenario, mehmet, rootId, 'Üstlen', /./);
        await pressAndWait(scenario, mehmet, rootId, "→ Kamu SM'ye başvuruldu", /talebiniz: Kamu SM'ye başvuruldu/);
        await bots.splice(bots.indexOf(before), 1)[0].close();

        scenario.bot = await start();
        await pressAndWait(scenario, zeynep, rootId, '→ Kart geldi, teslim alınabilir', /talebiniz: Kart geldi, teslim alınabilir/);
        assert.match(visibleText(scenario.currentCard(rootId)), /Durum: Kart geldi, teslim alınabilir · üstlenen: Mehmet Demir/);
        connector.clear();
        await scenario.say('taleplerim');
        await scenario.waitFor(() => scenario.toUser().length >= 1);
        const mine = visibleText(scenario.toUser()[0]);
        for (const expected of [number, 'Ödeme bekleniyor', "Kamu SM'ye başvuruldu", 'Kart geldi, teslim alınabilir']) assert.ok(mine.includes(expected), mine);
        const keys = await inspector!.keys(`${prefix}requests:*`);
        assert.ok(keys.some((key) => key.endsWith(`r:${number}`)));
        const raw = await inspector!.get(`${prefix}requests:r:${number}`);
        assert.doesNotMatch(raw!, /pin|puk|tckn|kimlik/i);
      });
    }
  });
}

const ayseId = '00000000-0000-0000-0000-0000000000a1';
