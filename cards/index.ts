import { CardFactory, type Attachment } from 'botbuilder';
import messageTemplate from './templates/message.json';
import dateQuestionTemplate from './templates/dateQuestion.json';
import requestDeskTemplate from './templates/requestDesk.json';
import type { ButtonData } from './verbs';

export interface CardButton {
  label: string;
  data: ButtonData;
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
  data: ButtonData;
}

/** What `templates/requestDesk.json` binds: a renewal request's card in the help desk channel, its state on top. */
export interface RequestDeskCardModel {
  title: string;
  /** "Durum: Alındı · üstlenen: Mehmet Demir" */
  state: string;
  /** Adaptive Card container style: 'attention' (waiting for someone), 'accent' (in hand), 'good' (closed). */
  stateStyle: 'attention' | 'accent' | 'good' | 'default';
  warning?: string;
  facts: CardFact[];
  history: string[];
  /** Set while the request is open: a note field sent with every button (a reason, required to cancel). */
  notePlaceholder?: string;
  note: string;
  buttons: CardButton[];
}

export const templates = { message: messageTemplate, dateQuestion: dateQuestionTemplate, requestDesk: requestDeskTemplate } as const;

export function requestDeskCard(model: RequestDeskCardModel): Attachment {
  const fallback = [model.title, model.state, model.warning && `⚠️ ${model.warning}`, ...model.facts.map((fact) => `${fact.label}: ${fact.value}`), ...model.history]
    .filter(Boolean).join('\n');
  return render(templates.requestDesk, { ...model, fallback });
}

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

/** A template parsed once, expanded per card (expansion is synchronous, so one instance serves every turn). */
interface PreparedTemplate {
  expand(context: { $root: object }): object;
}

/**
 * The templating engine `@microsoft/adaptivecards-tools` renders with (resolved from it, so it is the
 * very same package). Its `AdaptiveCards.declare(template).render(data)` builds a new `Template` on
 * every call, which parses every `${...}` expression again: about 8 ms a card, most of a turn's CPU.
 */
const { Template } = require(
  require.resolve('adaptivecards-templating', { paths: [require.resolve('@microsoft/adaptivecards-tools')] }),
) as { Template: new (payload: object) => PreparedTemplate };

const preparedTemplates = new WeakMap<object, PreparedTemplate>();

/** Expanded cards by template and data: a path's step cards repeat, and expanding one costs ~30 µs. */
const expandedCards = new WeakMap<object, Map<string, string>>();
const EXPANDED_PER_TEMPLATE = 500;

function render(template: object, data: object): Attachment {
  let cards = expandedCards.get(template);
  if (!cards) expandedCards.set(template, (cards = new Map()));
  const key = JSON.stringify(data);
  let card = cards.get(key);
  if (card === undefined) {
    card = JSON.stringify(compiled(template).expand({ $root: data }));
    if (cards.size >= EXPANDED_PER_TEMPLATE) cards.delete(cards.keys().next().value as string);
    cards.set(key, card);
  }
  // A fresh copy each time: callers (and botbuilder) may change the card they get.
  return CardFactory.adaptiveCard(JSON.parse(card));
}

function compiled(template: object): PreparedTemplate {
  let prepared = preparedTemplates.get(template);
  if (!prepared) {
    prepared = new Template(template);
    preparedTemplates.set(template, prepared);
  }
  return prepared;
}
