import assert from 'node:assert/strict';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { adaptiveCardOf, buttonTitles, visibleText } from '../support/fakeConnector';
import { newConversationId, postToBot, teamsInstall, teamsMessage } from '../support/teams';

describe('the bot over real HTTP with a fake Bot Connector (memory state)', () => {
  let bot: BotUnderTest;
  before(async () => { bot = await startBot(); });
  after(async () => { await bot.close(); });
  beforeEach(() => bot.connector.clear());

  const send = (conversationId: string, text?: string, value?: Record<string, unknown>) =>
    postToBot(bot.url, teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text, value }));

  it('answers a first message with the welcome and the Turkish menu card', async () => {
    const conversationId = newConversationId();
    assert.equal(await send(conversationId, 'merhaba'), 200);
    const [welcome, menu] = await bot.connector.waitFor((received) => received.length >= 2);
    assert.match(visibleText(welcome), /Merhaba, ben E-imza Asistanı/);
    const card = adaptiveCardOf(menu);
    assert.equal(card?.type, 'AdaptiveCard');
    assert.equal(card?.version, '1.5');
    assert.match(String(card?.fallbackText), /Size nasıl yardımcı olabilirim\?/);
    assert.deepEqual(buttonTitles(menu), ['Yenileme', "Yeni kartın PIN'i", 'Kilit çözme', 'Kayıp/Çalıntı kart', 'Ücretler ve sorular', 'Yetkiliye bağlan']);
  });

  it('welcomes once on install, with the menu', async () => {
    const conversationId = newConversationId();
    assert.equal(await postToBot(bot.url, teamsInstall(bot.connector.serviceUrl, conversationId)), 200);
    assert.equal(await postToBot(bot.url, teamsInstall(bot.connector.serviceUrl, conversationId)), 200);
    await send(conversationId, 'menü');
    const received = await bot.connector.waitFor((all) => all.length >= 3);
    const welcomes = received.filter((activity) => /E-imza Asistanı/.test(visibleText(activity)));
    assert.equal(welcomes.length, 1);
    assert.equal(buttonTitles(received[1])[0], 'Yenileme');
  });

  it('answers in English to an English Teams client', async () => {
    const conversationId = newConversationId();
    await postToBot(bot.url, teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text: 'hello', locale: 'en-US' }));
    const [, menu] = await bot.connector.waitFor((received) => received.length >= 2);
    assert.equal(buttonTitles(menu)[0], 'Renewal');
  });

  // An oversized body is 413 (it was 400); odd field types are 400 at validation.
  const serviceUrl = 'http://127.0.0.1:9/';
  const message = { type: 'message', conversation: { id: 'c' }, serviceUrl, channelId: 'msteams', from: { id: 'u' } };
  const badBodies: [string, string | object, number?][] = [
    ['malformed JSON', '{"type": "message", '],
    ['a body that is not an object', '"hello"'],
    ['an activity without conversation', { type: 'message', text: 'x', serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' }],
    ['an activity without type', { conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams' }],
    ['an activity with a bad serviceUrl', { type: 'message', conversation: { id: 'c' }, serviceUrl: 'not a url', channelId: 'msteams' }],
    ['a body of over 256 KB', { type: 'message', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', text: 'x'.repeat(300 * 1024) }, 413],
    ['a locale that is not a string', { ...message, text: 'qwzx', locale: 42 }],
    ['text that is an object', { ...message, text: { tr: 'merhaba' } }],
    ['a numeric activity id', { ...message, text: 'merhaba', id: 7 }],
    ['a numeric conversation type', { ...message, text: 'merhaba', conversation: { id: 'c', conversationType: 1 } }],
    ['a sender id that is a number', { ...message, text: 'merhaba', from: { id: 5 } }],
    ['attachments that are not a list', { ...message, attachments: 'card' }],
  ];
  for (const [name, body, status = 400] of badBodies) {
    it(`answers ${name} with ${status} and stays up`, async () => {
      assert.equal(await postToBot(bot.url, body), status);
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200);
    });
  }

  it('answers invokes (not 501): a card Action.Execute hears the card is no longer current, a malformed one is 400', async () => {
    const invoke = (value: unknown) => ({ ...teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId: newConversationId() }), type: 'invoke', name: 'adaptiveCard/action', value });
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke({ action: { type: 'Action.Execute', verb: 'x' } })) });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { statusCode: number; value: string };
    assert.equal(body.statusCode, 200);
    assert.match(body.value, /artık geçerli değil/);
    assert.equal(await postToBot(bot.url, invoke({ verb: 'answer' })), 400);
    assert.equal(await postToBot(bot.url, { ...invoke(undefined), name: 'task/fetch' }), 200);
  });

  it('answers an unknown card action politely, with the menu', async () => {
    const conversationId = newConversationId();
    await send(conversationId, 'menü');
    await bot.connector.waitFor((received) => received.length >= 2);
    bot.connector.clear();
    assert.equal(await send(conversationId, undefined, { verb: 'no.such.verb' }), 200);
    const [reply] = await bot.connector.waitFor((received) => received.length >= 1);
    assert.match(visibleText(reply), /Bunu tam anlayamadım/);
    assert.equal(buttonTitles(reply).length, 6);
  });

  it('routes free Turkish text to its path over HTTP', async () => {
    const conversationId = newConversationId();
    await send(conversationId, 'E İMZAM KİLİTLENDİ');
    const received = await bot.connector.waitFor((all) => all.some((activity) => /Kilit Çözme/.test(visibleText(activity))));
    assert.match(visibleText(received[received.length - 1]), /PUK kodu kilit çözmek için \*\*kullanılmaz\*\*/);
  });

  it('reports memory storage on /healthz', async () => {
    const response = await fetch(`${bot.url}/healthz`);
    const report = (await response.json()) as { status: string; storage: unknown };
    assert.equal(report.status, 'ok');
    assert.deepEqual(report.storage, { backend: 'memory', answering: true });
  });
});
