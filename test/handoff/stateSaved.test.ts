import assert from 'node:assert/strict';
import { FakeConnector, Scenario, TUESDAY_10, TestClock, startHandoffBot, visibleText, type HandoffBot } from './support';

/**
 * State is saved whoever answers the turn: a turn the help desk takes (the user writing during a
 * handoff) keeps what it changed, here the language the user switched to.
 */
describe('conversation state during a handoff', function () {
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
