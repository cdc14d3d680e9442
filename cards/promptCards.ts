import type { Attachment } from 'botbuilder';
import { dateQuestionCard, messageCard, type MessageCardModel } from './index';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';

/** A question as the card prompt (dialogs/cardPrompt.ts) asks it: buttons, or a date input. */
export interface QuestionModel {
  promptId: string;
  card: MessageCardModel;
  choices?: { value: string; label: string }[];
  date?: { inputLabel: string; submitLabel: string };
}

/**
 * The question's card is rendered with a placeholder prompt id, so the same step renders once and
 * then comes from the cards' cache; the real id is stamped on its buttons afterwards.
 */
const PROMPT_ID_SLOT = '{promptId}';

export function questionCard(locale: Locale, question: QuestionModel): Attachment {
  const { card, choices = [], date } = question;
  const answerData = (choice: string) => ({ verb: Verb.answer, promptId: PROMPT_ID_SLOT, choice });
  const attachment = date
    ? dateQuestionCard({
      title: card.title, paragraphs: card.paragraphs, inputLabel: date.inputLabel, submitLabel: date.submitLabel,
      errorMessage: t(locale, 'prompt.dateHint'), data: answerData('date'),
    })
    : messageCard({ ...card, buttons: choices.map((choice) => ({ label: choice.label, data: answerData(choice.value) })) });
  for (const action of (attachment.content as { actions?: { data?: { promptId?: string } }[] }).actions ?? []) {
    if (action.data?.promptId === PROMPT_ID_SLOT) action.data.promptId = question.promptId;
  }
  return attachment;
}

/** The question once answered: the same card, its buttons gone, the answer shown. */
export function answeredCard(card: MessageCardModel, answer: string): Attachment {
  return messageCard({ ...card, buttons: [], answer });
}
