import { randomBytes } from 'node:crypto';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, DialogTurnStatus, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { MessageCardModel } from '../cards/index';
import { answeredCard, questionCard } from '../cards/promptCards';
import { localeOf, t, type StringKey } from '../cards/i18n';
import { Verb } from '../cards/verbs';
import { foldWords } from '../bot/nlu/normalize';
import { cardPress } from '../bot/router/input';
import { formatDate, parseUserDate } from '../domain/dates';

export interface PromptChoice {
  value: string;
  label: string;
  /** Other ways a user may type this answer (the string tables' words, or the policy's); compared folded. */
  synonyms?: string[];
}

export interface CardPromptOptions {
  card: MessageCardModel;
  choices?: PromptChoice[];
  /** Ask for a date instead (Input.Date, or typed as 21.11.2026), within [min, max]. */
  date?: { inputLabel: string; submitLabel: string; min: string; max: string };
  /**
   * For a stepper: answering with one of these values leaves the card for the next question,
   * which the next question shows in the same card (`replaces`: one card that walks the steps).
   */
  advanceInPlaceOn?: string[];
  /** Show this question in this card (the one an `advanceInPlaceOn` answer just left), not a new one. */
  replaces?: string;
}

/** What the prompt returns: the chosen value, or the date as 2026-11-21. */
export type CardPromptResult = string;

/** What an `advanceInPlaceOn` answer returns instead: the value and the card it left for the next question. */
export interface SteppedAnswer {
  value: string;
  card: string;
}

/** The result of a turn whose answer fits none of the choices (the prompt keeps waiting): the hint to show. */
export interface UnclearAnswer {
  unclear: StringKey;
}

/** The hint of a turn the prompt could not read, if this was one. */
export function unclearHintOf(turn: DialogTurnResult): StringKey | undefined {
  const result = turn.status === DialogTurnStatus.waiting ? (turn.result as Partial<UnclearAnswer> | undefined) : undefined;
  return result?.unclear;
}

/** The data of an answer button ("answer" verb): the question's prompt id, the choice, the date input's value. */
export const answerPayload = z.object({ promptId: z.string(), choice: z.string().optional(), date: z.string().optional() });

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
    if (options.replaces) await this.replaceCard(dc.context, state, options.replaces);
    else await this.sendQuestion(dc.context, state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as PromptState;
    const reading = read(dc.context, state);
    if (reading.kind === 'answer') {
      if (state.activityId && state.options.advanceInPlaceOn?.includes(reading.value)) {
        return dc.endDialog({ value: reading.value, card: state.activityId } satisfies SteppedAnswer);
      }
      await this.markAnswered(dc.context, state, reading.label);
      return dc.endDialog(reading.value);
    }
    if (reading.kind === 'unclear') {
      // The main dialog decides: another path named in free text, or a hint and this question again.
      return { status: DialogTurnStatus.waiting, result: { unclear: state.options.date ? 'prompt.dateHint' : 'prompt.choiceHint' } satisfies UnclearAnswer };
    }
    await dc.context.sendActivity(t(localeOf(dc.context), 'staleAction.body'));
    await this.sendQuestion(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** The question a waiting prompt shows (its card's progress and title), to say where the person stands. */
  static questionOf(instance: DialogInstance): { title?: string; progress?: string } {
    return (instance.state as PromptState).options.card;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.sendQuestion(context, instance.state as PromptState);
  }

  private async sendQuestion(context: TurnContext, state: PromptState): Promise<void> {
    const response = await context.sendActivity(MessageFactory.attachment(questionCard(localeOf(context), { promptId: state.promptId, ...state.options })));
    state.activityId = response?.id;
  }

  private async replaceCard(context: TurnContext, state: PromptState, activityId: string): Promise<void> {
    try {
      await context.updateActivity({ ...MessageFactory.attachment(questionCard(localeOf(context), { promptId: state.promptId, ...state.options })), id: activityId });
      state.activityId = activityId;
    } catch {
      await this.sendQuestion(context, state);
    }
  }

  private async markAnswered(context: TurnContext, state: PromptState, label: string): Promise<void> {
    if (!state.activityId) return;
    const answered = answeredCard(state.options.card, label);
    try {
      await context.updateActivity({ ...MessageFactory.attachment(answered), id: state.activityId });
    } catch {
      // Some clients cannot edit messages; the prompt id still keeps an old button from answering twice.
    }
  }
}

/** Letters only: the id travels in the card's data, where digits could look like a PIN to the secret guard. */
function newPromptId(): string {
  return Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
}

function read(context: TurnContext, state: PromptState): Reading {
  const press = cardPress(context);
  const { choices = [], date } = state.options;
  if (press?.verb === Verb.answer) {
    const answer = answerPayload.safeParse(press.data);
    if (!answer.success || answer.data.promptId !== state.promptId) return { kind: 'stale' };
    if (date) return readDate(answer.data.date ?? '', date);
    const choice = choices.find((candidate) => candidate.value === answer.data.choice);
    return choice ? { kind: 'answer', value: choice.value, label: choice.label } : { kind: 'unclear' };
  }
  const text = context.activity.text ?? '';
  if (date) return readDate(text, date);
  const folded = foldWords(text);
  const byNumber = /^\d+$/.test(folded) ? choices[Number(folded) - 1] : undefined;
  const choice = byNumber ?? choices.find((candidate) => [candidate.label, ...(candidate.synonyms ?? [])].some((word) => foldWords(word) === folded));
  return choice ? { kind: 'answer', value: choice.value, label: choice.label } : { kind: 'unclear' };
}

function readDate(text: string, bounds: { min: string; max: string }): Reading {
  const date = parseUserDate(text);
  if (!date || date < bounds.min || date > bounds.max) return { kind: 'unclear' };
  return { kind: 'answer', value: date, label: formatDate(date) };
}
