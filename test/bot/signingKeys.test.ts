import assert from 'node:assert/strict';
import { logSink } from '../support/logs';
import type { TurnContext } from 'botbuilder';
import { BotAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { BotMetrics } from '../../bot/metrics';
import { createServer, type BotServer } from '../../bot/server';
import { FakeConnector } from '../support/fakeConnector';
import { forgedToken, localCredentials, OpenIdServer } from '../support/openIdServer';
import { newConversationId, postToBot, teamsMessage } from '../support/teams';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const BACKOFF_MS = 1_500;

/** Forged Bot Framework tokens while the signing keys cannot be fetched. */
describe('signing keys out of reach (real HTTP, loopback OpenID metadata that fails)', function () {
  this.timeout(20_000);
  const openId = new OpenIdServer();
  const connector = new FakeConnector();
  const logs: string[] = [];
  let server: BotServer;
  let url: string;
  const originalConsoleError = console.error;

  before(async () => {
    await Promise.all([openId.start(), connector.start()]);
    const log = createLogger('info', logSink(logs).stream);
    const adapter = new BotAdapter(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' }), {
      log,
      authentication: {
        endpoints: openId.endpoints,
        credentialsFactory: localCredentials(APP_ID) as never,
        signingKeys: { fetchTimeoutMs: 2_000, firstBackoffMs: BACKOFF_MS, maxBackoffMs: BACKOFF_MS * 4 },
      },
    });
    const runTurn = async (context: TurnContext) => { await context.sendActivity(`yankı: ${context.activity.text}`); };
    server = createServer({ adapter, runTurn, health: async () => ({ status: 'ok', storage: { backend: 'memory', answering: true } }), metrics: new BotMetrics(), log });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    console.error = () => {}; // botbuilder prints refused tokens with console.error
  });
  after(async () => {
    console.error = originalConsoleError;
    await server.close();
    await Promise.all([openId.stop(), connector.stop()]);
  });

  const send = (token: string, text: string) =>
    postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: newConversationId(), text }), { authorization: `Bearer ${token}` });

  it('answers 60 forged tokens 401 with at most two fetches, and warns once', async () => {
    openId.failing = true;
    const statuses: number[] = [];
    for (let batch = 0; batch < 6; batch++) {
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, () => send(forgedToken(APP_ID, connector.serviceUrl), 'sahte')))));
    }
    assert.deepEqual(new Set(statuses), new Set([401]));
    assert.ok(openId.fetches.metadata <= 2, `${openId.fetches.metadata} fetches of the metadata`);
    const warnings = logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => /signing keys could not be fetched/.test(entry.msg));
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].level, 40, 'warn, not error');
    assert.equal(connector.received.length, 0, 'nothing was answered');
  });

  it('accepts a real token once the keys can be fetched again, after the back-off', async () => {
    openId.failing = false;
    assert.equal(await send(openId.token(APP_ID, connector.serviceUrl), 'gerçek'), 401, 'still backing off');
    await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 + 200));
    assert.equal(await send(openId.token(APP_ID, connector.serviceUrl), 'gerçek'), 200);
    assert.equal(await send(forgedToken(APP_ID, connector.serviceUrl), 'sahte'), 401);
    await connector.waitFor((received) => received.some((activity) => activity.text === 'yankı: gerçek'));
    assert.ok(connector.received.every((activity) => activity.text !== 'yankı: sahte'));
  });
});
