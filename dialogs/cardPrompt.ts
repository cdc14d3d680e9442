import { randomBytes } from 'node:crypto';
import { MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { dateQuestionCard, messageCard, type MessageCardModel } from '../cards/index';
import { localeOf, t } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { normalizeText } from '../bot/nlu/normalize';
import { formatDate, parseUserDate } from '../domain/dates';
import { cardAction } from './mainDialog';

export interface PromptChoice {
  value: string;
  label: string;
  /** Other ways a user may type this answer (already folded or not; compared folded). */
  synonyms?: string[];
}

export interface CardPromptOptions {
  card: MessageCardModel;
  choices?: PromptChoice[];
  /** Ask for a date instead (Input.Date, or typed as 21.11.2026), within [min, max]. */
  date?: { inputLabel: string; submitLabel: string; min: string; max: string };
  /**
   * For a stepper: answering with one of these values leaves the card for the next question,
   * which `replacesPrevious` then shows in the same card (one card that walks the steps).
   */
  advanceInPlaceOn?: string[];
  /** Show this question in the card that the answer just before (an `advanceInPlaceOn` one) left. */
  replacesPrevious?: boolean;
}

/** The card an in-place answer left for the next question of the same turn. */
const CARD_TO_REPLACE = Symbol('eimza.cardToReplace');

/** Set in turn state when the user's answer fits none of the choices; holds the hint to show. */
export const UNCLEAR_ANSWER = Symbol('eimza.unclearAnswer');

/** What the prompt returns: the chosen value, or the date as 2026-11-21. */
export type CardPromptResult = string;

interface PromptState {
  promptId: string;
  activityId?: string;
  options: CardPromptOptions;
}

type Reading = { kind: 'answer'; value: string; label: string } | { kind: 'stale' } | { kind: 'unclear' };

/**
 * Sends a question as an Adaptive Card and waits for its answer: a button press, a date from the
 * date input, or the same typed in words ("evet", "21.11.2026"). Each card carries a prompt id, so
 * a button of an older card is recognised as stale and cannot answer this question; once answered,
 * the card is updated in place to show the choice (or, in a stepper, to show the next step), so it
 * cannot be pressed twice.
 */
export class CardPrompt extends Dialog<CardPromptOptions> {
  override async beginDialog(dc: DialogContext, options?: CardPromptOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('CardPrompt needs options');
    const state: PromptState = { promptId: newPromptId(), options };
    dc.activeDialog!.state = state;
    const previous = options.replacesPrevious ? (dc.context.turnState.get(CARD_TO_REPLACE) as string | undefined) : undefined;
    dc.context.turnState.delete(CARD_TO_REPLACE);
    if (previous) await this.replaceCard(dc.context, state, previous);
    else await this.sendQuestion(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as PromptState;
    const reading = read(dc.context, state);
    if (reading.kind === 'answer') {
      if (state.activityId && state.options.advanceInPlaceOn?.includes(reading.value)) dc.context.turnState.set(CARD_TO_REPLACE, state.activityId);
      else await this.markAnswered(dc.context, state, reading.label);
      return dc.endDialog(reading.value);
    }
    if (reading.kind === 'unclear') {
      // The main dialog decides: another path named in free text, or a hint and this question again.
      dc.context.turnState.set(UNCLEAR_ANSWER, state.options.date ? 'prompt.dateHint' : 'prompt.choiceHint');
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(t(localeOf(dc.context), 'staleAction.body'));
    await this.sendQuestion(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.sendQuestion(context, instance.state as PromptState);
  }

  private async sendQuestion(context: TurnContext, state: PromptState): Promise<void> {
    const response = await context.sendActivity(MessageFactory.attachment(questionCard(state, localeOf(context))));
    state.activityId = response?.id;
  }

  private async replaceCard(context: TurnContext, state: PromptState, activityId: string): Promise<void> {
    try {
      await context.updateActivity({ ...MessageFactory.attachment(questionCard(state, localeOf(context))), id: activityId });
      state.activityId = activityId;
    } catch {
      await this.sendQuestion(context, state);
    }
  }

  private async markAnswered(context: TurnContext, state: PromptState, label: string): Promise<void> {
    if (!state.activityId) return;
    const answered = messageCard({ ...state.options.card, buttons: [], answer: label });
    try {
      await context.updateActivity({ ...MessageFactory.attachment(answered), id: state.activityId });
    } catch {
      // Some clients cannot edit messages; the prompt id still keeps an old button from answering twice.
    }
  }
}

/**
 * The question's card is rendered with a placeholder prompt id, so the same step renders once and
 * then comes from the cards' cache; the real id is stamped on its buttons afterwards.
 */
const PROMPT_ID_SLOT = '{promptId}';

function questionCard(state: PromptState, locale: ReturnType<typeof localeOf>): Attachment {
  const { card, choices = [], date } = state.options;
  const answerData = (choice: string) => ({ verb: Verb.answer, promptId: PROMPT_ID_SLOT, choice });
  const attachment = date
    ? dateQuestionCard({
      title: card.title, paragraphs: card.paragraphs, inputLabel: date.inputLabel, submitLabel: date.submitLabel,
      errorMessage: t(locale, 'prompt.dateHint'), data: answerData('date'),
    })
    : messageCard({ ...card, buttons: choices.map((choice) => ({ label: choice.label, data: answerData(choice.value) })) });
  for (const action of (attachment.content as { actions?: { data?: { promptId?: string } }[] }).actions ?? []) {
    if (action.data?.promptId === PROMPT_ID_SLOT) action.data.promptId = state.promptId;
  }
  return attachment;
}

/** Which answer this turn is: the pressed card's prompt id, or the typed message's id (a retry carries the same). */
export function answerIdOf(context: TurnContext): string | undefined {
  const action = cardAction(context);
  return (typeof action?.promptId === 'string' ? action.promptId : undefined) ?? context.activity.id;
}

/** Letters only: the id travels in the card's data, where digits could look like a PIN to the secret guard. */
function newPromptId(): string {
  return Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

function read(context: TurnContext, state: PromptState): Reading {
  const action = cardAction(context);
  const { choices = [], date } = state.options;
  if (action?.verb === Verb.answer) {
    if (action.promptId !== state.promptId) return { kind: 'stale' };
    if (date) return readDate(String((context.activity.value as { date?: string }).date ?? ''), date);
    const choice = choices.find((candidate) => candidate.value === action.choice);
    return choice ? { kind: 'answer', value: choice.value, label: choice.label } : { kind: 'unclear' };
  }
  const text = context.activity.text ?? '';
  if (date) return readDate(text, date);
  const folded = normalise(text);
  const byNumber = /^\d+$/.test(folded) ? choices[Number(folded) - 1] : undefined;
  const choice = byNumber ?? choices.find((candidate) => [candidate.label, ...(candidate.synonyms ?? [])].some((word) => normalise(word) === folded));
  return choice ? { kind: 'answer', value: choice.value, label: choice.label } : { kind: 'unclear' };
}

function readDate(text: string, bounds: { min: string; max: string }): Reading {
  const date = parseUserDate(text);
  if (!date || date < bounds.min || date > bounds.max) return { kind: 'unclear' };
  return { kind: 'answer', value: date, label: formatDate(date) };
}

function normalise(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}
