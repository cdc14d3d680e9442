import assert from 'node:assert/strict';
import { logSink } from '../support/logs';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { InProcessReminderEngine } from '../../bot/reminders/inProcessReminderEngine';
import { FakeConnector, adaptiveCardOf, visibleText } from '../support/fakeConnector';
import { ayse, newConversationId, postToBot, teamsInstall, teamsMessage, BOT, TENANT_ID } from '../support/teams';

/** Tuesday 2 March 2027, 10:00 in Istanbul. */
const TUESDAY = new Date('2027-03-02T10:00:00+03:00');

describe('reminders through the whole bot (no Redis: in-process engine)', function () {
  this.timeout(30_000);
  let app: App;
  let connector: FakeConnector;
  let url: string;
  let now = TUESDAY;

  beforeEach(async () => {
    now = TUESDAY;
    connector = await new FakeConnector().start();
    app = createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', REMINDER_CONVERSATION_INTERVAL_MS: '0' }), { logDestination: logSink().stream, now: () => now, reminders: { schedule: false } });
    url = `http://127.0.0.1:${await app.listen()}`;
  });
  afterEach(async () => {
    await app.close();
    await connector.stop();
  });

  async function pingWave(): Promise<void> {
    await app.reminders.engine.scanNow();
    await (app.reminders.engine as InProcessReminderEngine).drained();
  }

  it('install saves the reference with the tenant; a due user gets the card; "Başvurdum" stops further pings', async () => {
    const conversationId = newConversationId();
    assert.equal(await postToBot(url, teamsInstall(connector.serviceUrl, conversationId)), 200);
    const saved = await app.reminders.references.get(ayse.aadObjectId);
    assert.equal(saved?.tenantId, TENANT_ID);
    assert.equal(saved?.reference.conversation?.id, conversationId);

    connector.clear();
    await recordExpiry('2027-03-09');
    await pingWave();
    const [ping] = connector.in(conversationId);
    assert.match(visibleText(ping), /7 gün sonra doluyor/);
    const applied = (adaptiveCardOf(ping) as { actions: { title: string; data: Record<string, unknown> }[] }).actions.find((action) => action.title === 'Başvurdum')!;

    connector.clear();
    assert.equal(await postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, value: applied.data })), 200);
    await connector.waitFor((received) => received.length >= 1);
    assert.match(visibleText(connector.received[0]), /artık hatırlatma göndermeyeceğim/);
    assert.match(visibleText(connector.received[0]), /Eski e-imzanızın süresi dolmadan yeni kartınızı kullanmayın/);

    connector.clear();
    now = new Date('2027-03-08T10:00:00+03:00');
    await pingWave();
    assert.equal(connector.received.length, 0, 'no ping after "Başvurdum"');
    const health = await (await fetch(`${url}/healthz`)).json() as { reminders: { engine: string; sent: number; skipped: { optedOut: number } } };
    assert.deepEqual([health.reminders.engine, health.reminders.sent, health.reminders.skipped.optedOut], ['in-process', 1, 1]);
  });

  it('a snooze that would end after expiry (an old ping pressed late) is refused: no snooze, apply now', async () => {
    const conversationId = newConversationId();
    await postToBot(url, teamsInstall(connector.serviceUrl, conversationId));
    await recordExpiry('2027-03-05');
    connector.clear();
    await postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, value: { verb: 'reminder.snooze', expiry: '2027-03-05' } }));
    await connector.waitFor((received) => received.length >= 1);
    const text = visibleText(connector.received[0]);
    assert.match(text, /başka bir hatırlatma gününe yer kalmadı/);
    assert.doesNotMatch(text, /yeniden hatırlatacağım/);
  });

  it('"Bir hafta sonra hatırlat" answers with the date and the uninstall drops the reference', async () => {
    const conversationId = newConversationId();
    await postToBot(url, teamsInstall(connector.serviceUrl, conversationId));
    await recordExpiry('2027-03-09');
    connector.clear();
    await postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId, value: { verb: 'reminder.snooze', expiry: '2027-03-09' } }));
    await connector.waitFor((received) => received.length >= 1);
    assert.match(visibleText(connector.received[0]), /09\.03\.2027 tarihinde yeniden hatırlatacağım/);
    connector.clear();
    await pingWave();
    assert.equal(connector.received.length, 0, 'snoozed');

    await postToBot(url, {
      type: 'installationUpdate', action: 'remove', id: 'x', serviceUrl: connector.serviceUrl, channelId: 'msteams',
      from: { id: ayse.id, aadObjectId: ayse.aadObjectId }, recipient: BOT, conversation: { id: conversationId, tenantId: TENANT_ID, conversationType: 'personal' },
      channelData: { tenant: { id: TENANT_ID } },
    });
    assert.equal(await app.reminders.references.has(ayse.aadObjectId), false);
  });

  async function recordExpiry(expiry: string): Promise<void> {
    await app.reminders.roster.record({ userId: ayse.aadObjectId, expiry, source: 'import' }, now);
  }
});
