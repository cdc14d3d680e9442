import { CardFactory, type Attachment } from 'botbuilder';
import { AdaptiveCards } from '@microsoft/adaptivecards-tools';
import messageTemplate from './templates/message.json';
import dateQuestionTemplate from './templates/dateQuestion.json';
import type { CardActionData } from './verbs';

export interface CardButton {
  label: string;
  data: CardActionData;
}

export interface CardFact {
  label: string;
  value: string;
}

/** What `templates/message.json` binds: every text card of the bot is one of these. */
export interface MessageCardModel {
  title: string;
  progress?: string;
  warning?: string;
  paragraphs?: string[];
  steps?: string[];
  facts?: CardFact[];
  note?: string;
  /** Shown instead of buttons once a question has been answered. */
  answer?: string;
  buttons?: CardButton[];
}

/** What `templates/dateQuestion.json` binds. */
export interface DateQuestionCardModel {
  title: string;
  paragraphs?: string[];
  inputLabel: string;
  errorMessage: string;
  submitLabel: string;
  data: CardActionData;
}

export const templates = { message: messageTemplate, dateQuestion: dateQuestionTemplate } as const;

export function messageCard(model: MessageCardModel): Attachment {
  const complete = { paragraphs: [], steps: [], facts: [], buttons: [], ...model };
  return render(templates.message, { ...complete, fallback: plainText(complete) });
}

export function dateQuestionCard(model: DateQuestionCardModel): Attachment {
  const complete = { paragraphs: [], ...model };
  return render(templates.dateQuestion, { ...complete, fallback: [model.title, ...complete.paragraphs].join('\n') });
}

/** The plain-text version of a card, for clients that cannot show it and for notifications. */
export function plainText(model: MessageCardModel): string {
  return [
    model.progress,
    model.title,
    model.warning && `⚠️ ${model.warning}`,
    ...(model.paragraphs ?? []),
    ...(model.steps ?? []),
    ...(model.facts ?? []).map((fact) => `${fact.label}: ${fact.value}`),
    model.note,
    model.answer && `✔ ${model.answer}`,
    (model.buttons ?? []).length ? (model.buttons ?? []).map((button) => `[${button.label}]`).join(' ') : undefined,
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
}

function render(template: object, data: object): Attachment {
  return CardFactory.adaptiveCard(AdaptiveCards.declare(template).render(data));
}
