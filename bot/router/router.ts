import { MessageFactory, type TurnContext } from 'botbuilder';
import { notUnderstoodCard } from '../../cards/common';
import { localeOf, t } from '../../cards/i18n';
import { cardPress } from './input';
import type { DialogTurn, Registry, Resolution, RouteEntry, Where } from './registry';

/** What the handoff adds to routing; absent when there is no help desk (dialog tests). */
export interface HandoffPlaces {
  /** 'handoff' while the personal chat has an open ticket. */
  whereOf(context: TurnContext): Promise<'personal' | 'handoff'>;
  /** Wraps a personal-chat turn so its last lines are remembered for a future ticket card (`entry`: the one that takes it, if any). */
  record(context: TurnContext, run: () => Promise<void>, entry?: RouteEntry): Promise<void>;
  /** Anything else during a handoff: typed words go to the desk, a press gets a notice. */
  duringHandoff(context: TurnContext): Promise<void>;
  /** Anything else in a channel: a reply in a ticket's thread, team chatter, an @mention. */
  inChannel(context: TurnContext): Promise<void>;
}

/** The bot's part of a personal-chat turn. */
export interface BotSide {
  /** Records that the person can be reached and welcomes them once. */
  greet(context: TurnContext): Promise<void>;
  /** Runs the dialogs: continues the conversation where it stands, or runs `step` on the main dialog's stack. */
  dialogs(context: TurnContext, step?: (turn: DialogTurn) => Promise<void>): Promise<void>;
}

/**
 * The one router of every message: finds the input's entry in the registry for where it was
 * written and runs it. What no entry takes goes to the dialogs (personal chat) or to the help
 * desk (during a handoff, in a channel); a press no entry can read gets the polite fallback here.
 */
export class Router {
  constructor(readonly registry: Registry, private readonly handoff?: HandoffPlaces) {}

  async route(context: TurnContext, bot: BotSide): Promise<void> {
    const where = await this.whereOf(context);
    const found = this.registry.resolve(context, where);
    if (where !== 'personal') return this.routeElsewhere(context, where, found, bot);
    const run = () => this.routePersonal(context, found, bot);
    return this.handoff ? this.handoff.record(context, run, found?.entry) : run();
  }

  private async whereOf(context: TurnContext): Promise<Where> {
    if (context.activity.conversation?.conversationType === 'channel') return 'channel';
    return this.handoff ? this.handoff.whereOf(context) : 'personal';
  }

  private async routePersonal(context: TurnContext, found: Resolution | undefined, bot: BotSide): Promise<void> {
    if (found?.kind === 'entry' && found.entry.kind === 'turn') return found.entry.run(context, found.payload, { where: 'personal', rest: found.rest });
    await bot.greet(context);
    if (found?.kind === 'entry' && found.entry.kind === 'dialog') {
      const { entry, payload } = found;
      return bot.dialogs(context, (turn) => entry.run(turn, payload));
    }
    if (found || cardPress(context)) return this.fallback(context, 'personal');
    return bot.dialogs(context);
  }

  private async routeElsewhere(context: TurnContext, where: Where, found: Resolution | undefined, bot: BotSide): Promise<void> {
    if (found?.kind === 'malformed') return this.fallback(context, where);
    if (!found) return where === 'channel' ? this.handoff?.inChannel(context) : this.handoff?.duringHandoff(context);
    const { entry, payload, rest } = found;
    if (entry.kind === 'turn') return entry.run(context, payload, { where, rest });
    return bot.dialogs(context, (turn) => entry.run(turn, payload));
  }

  /** The polite answer to a press no entry can read (an old card, a client that mangled the data). */
  private async fallback(context: TurnContext, where: Where): Promise<void> {
    if (where === 'handoff') return this.handoff?.duringHandoff(context);
    const locale = localeOf(context);
    await context.sendActivity(where === 'channel' ? t(locale, 'router.badPress') : MessageFactory.attachment(notUnderstoodCard(locale)));
  }
}
