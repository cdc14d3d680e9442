import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { BotAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { BotMetrics } from '../../bot/metrics';
import { createServer, type BotServer } from '../../bot/server';
import { FakeConnector } from '../support/fakeConnector';
import { newConversationId, postToBot, teamsMessage } from '../support/teams';

/** What each turn saw: its connector client, user-token client and timestamp. */
interface Seen { connector: unknown; tokens: unknown; timestamp: unknown }

describe('the adapter behind /api/messages (real HTTP, fake Bot Connectors)', () => {
  const seen: Seen[] = [];
  let adapter: BotAdapter;
  let server: BotServer;
  let url: string;
  const regions = [new FakeConnector(), new FakeConnector()];

  before(async () => {
    await Promise.all(regions.map((connector) => connector.start()));
    adapter = new BotAdapter(loadConfig({ PORT: '0' }));
    const runTurn = async (context: TurnContext) => {
      seen.push({
        connector: context.turnState.get(adapter.ConnectorClientKey),
        tokens: context.turnState.get(adapter.UserTokenClientKey),
        timestamp: context.activity.timestamp,
      });
      await context.sendActivity(`yankı: ${context.activity.text}`);
    };
    const log = createLogger('silent');
    server = createServer({ adapter, runTurn, health: async () => ({ status: 'ok', storage: { backend: 'memory', answering: true } }), metrics: new BotMetrics(), log });
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  after(async () => {
    await server.close();
    await Promise.all(regions.map((connector) => connector.stop()));
  });

  const say = (connector: FakeConnector, text: string) =>
    postToBot(url, teamsMessage({ serviceUrl: connector.serviceUrl, conversationId: newConversationId(), text }));

  it('reuses one connector client per service URL across turns, and every reply still arrives', async () => {
    const [west, north] = regions;
    for (const [connector, text] of [[west, 'bir'], [west, 'iki'], [north, 'üç'], [west, 'dört']] as const) {
      assert.equal(await say(connector, text), 200);
    }
    assert.deepEqual(west.received.map((activity) => activity.text), ['yankı: bir', 'yankı: iki', 'yankı: dört']);
    assert.deepEqual(north.received.map((activity) => activity.text), ['yankı: üç']);
    const [first, second, third, fourth] = seen.map((turn) => turn.connector);
    assert.ok(first);
    assert.equal(second, first);
    assert.equal(fourth, first);
    assert.notEqual(third, first);
    assert.ok(seen.every((turn) => turn.tokens && turn.tokens === seen[0].tokens), 'one user-token client for the app id');
  });

  it('hands the turn its timestamp as a Date, as botbuilder does', async () => {
    seen.length = 0;
    await say(regions[0], 'saat');
    assert.ok(seen[0].timestamp instanceof Date);
    assert.ok(Math.abs((seen[0].timestamp as Date).getTime() - Date.now()) < 60_000);
  });
});
