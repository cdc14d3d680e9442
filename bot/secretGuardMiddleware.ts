import { ActivityTypes, MessageFactory, type Activity, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { scanForSecrets, type SecretContext, type SecretKind } from './secrets';
import { secretWarningCard } from '../cards/common';
import { localeOf } from '../cards/i18n';
import type { Logger } from './logger';

const SECRETS_FOUND = Symbol('eimza.secretsFound');
const ORIGINAL_TEXT = Symbol('eimza.originalText');
const TALKS_ABOUT_PINS = /\bPIN|\bPUK\b|şifre|güvenlik sözcüğü|security word/i;

/**
 * Fields the bot's own buttons carry back (cards/verbs.ts): ids and choices it generated, which the
 * user never types. Masking one would break the button (an id with a digit run that happens to pass
 * the T.C. checksum); every other value of a card submission, the user's inputs, is scanned.
 */
const OWN_BUTTON_FIELDS = new Set(['verb', 'promptId', 'choice', 'ticketId', 'deviceId', 'score', 'expiry', 'number', 'from', 'status', 'rulesCase']);

export interface SecretGuardOptions {
  /**
   * True for a help desk member writing in the desk's channel: their words are masked for storage
   * and logs like any other, but kept as written for the user they answer (`originalText`), and
   * they get no warning (they are not sharing their own secrets).
   */
  fromHelpDesk?: (context: TurnContext) => boolean;
}

/**
 * Runs before anything is stored or logged: masks PIN/PUK-like codes, a güvenlik sözcüğü and T.C.
 * Kimlik numbers in the incoming message (text and card input values), so dialogs, state and
 * transcripts only ever see the masked form, and tells the user kindly never to share them.
 * What the bot last asked decides how a lone number is read (see `SecretContext`).
 */
export class SecretGuardMiddleware implements Middleware {
  constructor(
    private readonly lastQuestion: StatePropertyAccessor<SecretContext | boolean>,
    private readonly log: Logger,
    private readonly options: SecretGuardOptions = {},
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) {
      const desk = this.options.fromHelpDesk?.(context) ?? false;
      if (desk && typeof context.activity.text === 'string') context.turnState.set(ORIGINAL_TEXT, context.activity.text);
      const kinds = await this.maskIncoming(context);
      if (kinds.length) {
        context.turnState.set(SECRETS_FOUND, kinds);
        this.log.warn({ kinds }, 'masked a secret in an incoming message');
        if (!desk) await context.sendActivity(MessageFactory.attachment(secretWarningCard(localeOf(context))));
      }
      context.onSendActivities(async (turn, activities, sendNext) => {
        const messages = activities.filter((activity) => activity.type === ActivityTypes.Message);
        if (messages.length) await this.lastQuestion.set(turn, SecretGuardMiddleware.questionOf(messages[messages.length - 1]));
        return sendNext();
      });
    }
    await next();
  }

  private async maskIncoming(context: TurnContext): Promise<SecretKind[]> {
    const lastQuestion = await this.lastQuestion.get(context, 'none');
    const kinds = new Set<SecretKind>();
    const maskText = (text: string): string => {
      const scan = scanForSecrets(text, lastQuestion);
      scan.kinds.forEach((kind) => kinds.add(kind));
      return scan.masked;
    };
    const activity = context.activity;
    if (typeof activity.text === 'string') activity.text = maskText(activity.text);
    if (activity.value && typeof activity.value === 'object') {
      for (const [key, value] of Object.entries(activity.value as Record<string, unknown>)) {
        if (typeof value === 'string' && !OWN_BUTTON_FIELDS.has(key)) (activity.value as Record<string, unknown>)[key] = maskText(value);
      }
    }
    return [...kinds];
  }

  /**
   * What the user's next message answers: a date prompt (a card with a date input), a question
   * about PINs (its text, not its buttons, names a PIN, PUK, şifre or güvenlik sözcüğü), or neither.
   */
  static questionOf(activity: Partial<Activity>): SecretContext {
    const cards = (activity.attachments ?? []).map((attachment) => attachment.content as unknown);
    if (cards.some((card) => JSON.stringify(card ?? null).includes('"Input.Date"'))) return 'date_prompt';
    const words = [activity.text ?? '', ...cards.flatMap((card) => bodyTexts(card))].join(' ');
    return TALKS_ABOUT_PINS.test(words) ? 'pin_question' : 'none';
  }
}

/** The texts a card shows, without its buttons (a menu button "Yeni kartın PIN'i" asks nothing). */
function bodyTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(bodyTexts);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => {
    if (key === 'actions' || key === 'selectAction') return [];
    if (key === 'text' && typeof value === 'string') return [value];
    return typeof value === 'object' ? bodyTexts(value) : [];
  });
}

/** The kinds of secret masked in this turn's message (empty when none). */
export function secretsFoundThisTurn(context: TurnContext): SecretKind[] {
  return (context.turnState.get(SECRETS_FOUND) as SecretKind[] | undefined) ?? [];
}

/** A help desk member's message as they wrote it (only for them; everyone else's text is masked). */
export function originalText(context: TurnContext): string | undefined {
  return context.turnState.get(ORIGINAL_TEXT) as string | undefined;
}
