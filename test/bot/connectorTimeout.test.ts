import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { BotAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { startBot, type BotUnderTest } from '../support/botHarness';
import { buttonTitles } from '../support/fakeConnector';
import { BOT, ayse, newConversationId, teamsMessage, TENANT_ID } from '../support/teams';

/** A Bot Connector that accepts a request and never answers must not hold a turn or a proactive send. */
describe('outbound Bot Connector calls have a timeout (real HTTP, a fake connector that hangs)', function () {
  this.timeout(20_000);
  const TIMEOUT_MS = 400;
  let bot: BotUnderTest;
  before(async () => { bot = await startBot({ CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS) }); });
  after(async () => { await bot.close(); });
  afterEach(() => { bot.connector.hang = false; bot.connector.clear(); });

  /** POSTs a message; fails (instead of waiting forever) when the bot has not answered in 8 s. */
  async function say(conversationId: string, text: string): Promise<{ status: number; ms: number }> {
    const started = Date.now();
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage({ serviceUrl: bot.connector.serviceUrl, conversationId, text })),
      signal: AbortSignal.timeout(8_000),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - started };
  }

  it('ends the turn soon after the timeout, and the same conversation answers once the connector does', async () => {
    const conversationId = newConversationId();
    bot.connector.hang = true;
    const { status, ms } = await say(conversationId, 'merhaba');
    assert.ok(bot.connector.hung >= 1, 'the reply reached the connector');
    assert.equal(status, 200);
    // The welcome times out, then the apology does: two timeouts and the turn's own work.
    assert.ok(ms < TIMEOUT_MS * 2 + 3_000, `the turn took ${ms} ms`);
    assert.ok(bot.logs.some((line) => line.includes('could not apologise for a failed turn')), 'the failure is logged');

    bot.connector.hang = false;
    assert.equal((await say(conversationId, 'menü')).status, 200);
    const received = await bot.connector.waitFor((all) => all.some((activity) => buttonTitles(activity).includes('Yenileme')));
    assert.ok(received.every((activity) => activity.conversationId === conversationId));
  });

  it('gives up on a proactive send (a reminder, a desk message) after the timeout', async () => {
    bot.connector.hang = true;
    const reference: Partial<ConversationReference> = {
      serviceUrl: bot.connector.serviceUrl, channelId: 'msteams', bot: BOT, user: ayse,
      conversation: { id: newConversationId(), conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
    };
    const started = Date.now();
    const adapter = new BotAdapter(loadConfig({ CONNECTOR_TIMEOUT_MS: String(TIMEOUT_MS) }));
    const sending = adapter.continueConversationAsync('', reference, async (context) => { await context.sendActivity('hatırlatma'); });
    const outcome = await Promise.race([sending.then(() => 'sent', () => 'failed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 8_000))]);
    assert.equal(outcome, 'failed');
    assert.ok(Date.now() - started < TIMEOUT_MS + 3_000, `took ${Date.now() - started} ms`);
  });
});
