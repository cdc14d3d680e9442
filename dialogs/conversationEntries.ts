import { z } from 'zod';
import type { Attachment } from 'botbuilder';
import { comingSoonCard, helpCard, menuCard } from '../cards/common';
import { cancelledCard, staleActionCard } from '../cards/pathCards';
import { localeOf } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { dialogEntry, type DialogTurn, type RouteEntry } from '../bot/router/registry';
import { answerPayload } from './cardPrompt';
import { send, type PathEntry } from './mainDialog';

const nothing = z.object({});

/**
 * The entries of the conversation itself: the commands that work at every step ("menü", "yardım",
 * "iptal"), the answer to the open question, "carry on", and one entry per guided path.
 */
export function conversationEntries(paths: readonly PathEntry[]): RouteEntry[] {
  return [
    dialogEntry({ verb: Verb.menu, words: 'words.menu', payload: nothing, where: ['personal'], run: showMenu }),
    dialogEntry({ verb: Verb.help, words: 'words.help', payload: nothing, where: ['personal'], run: showHelp }),
    dialogEntry({ words: 'words.cancel', payload: nothing, where: ['personal'], run: cancel }),
    dialogEntry({ verb: Verb.resume, payload: nothing, where: ['personal'], run: resume }),
    dialogEntry({ verb: Verb.answer, payload: answerPayload, where: ['personal'], run: answer }),
    ...paths.map(({ verb, dialog }) => dialogEntry({ verb, payload: dialog.startOptions, where: ['personal'], run: (turn, options) => turn.startPath(verb, options) })),
  ];
}

/** "Yetkiliye bağlan" where there is no help desk (the dialog tests): the path is not there yet. */
export function noHandoffEntries(): RouteEntry[] {
  return [dialogEntry({
    verb: Verb.human, words: 'words.human', payload: nothing, where: ['personal'],
    run: async (turn) => {
      await turn.inner.cancelAllDialogs();
      await say(turn, comingSoonCard(localeOf(turn.context)));
    },
  })];
}

async function showMenu(turn: DialogTurn): Promise<void> {
  await turn.inner.cancelAllDialogs();
  await say(turn, menuCard(localeOf(turn.context)));
}

async function showHelp(turn: DialogTurn): Promise<void> {
  await say(turn, helpCard(localeOf(turn.context)));
  if (turn.inner.activeDialog) await turn.inner.repromptDialog();
}

async function cancel(turn: DialogTurn): Promise<void> {
  const locale = localeOf(turn.context);
  const wasBusy = Boolean(turn.inner.activeDialog);
  await turn.inner.cancelAllDialogs();
  await say(turn, cancelledCard(locale, wasBusy));
  await say(turn, menuCard(locale));
}

/** "No, let's carry on": the open question again (or the menu when nothing is open). */
async function resume(turn: DialogTurn): Promise<void> {
  if (turn.inner.activeDialog) await turn.inner.repromptDialog();
  else await say(turn, menuCard(localeOf(turn.context)));
}

/** A press on a question's button; with no question open it is from an old card. */
async function answer(turn: DialogTurn): Promise<void> {
  if (turn.inner.activeDialog) return turn.continuePath();
  const locale = localeOf(turn.context);
  await say(turn, staleActionCard(locale));
  await say(turn, menuCard(locale));
}

function say(turn: DialogTurn, card: Attachment): Promise<void> {
  return send(turn.inner, card);
}
