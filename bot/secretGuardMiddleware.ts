import { ActivityTypes, MessageFactory, type Activity, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { scanForSecrets, type SecretKind } from './secrets';
import { secretWarningCard } from '../cards/common';
import { localeOf } from '../cards/i18n';
import type { Logger } from './logger';

const SECRETS_FOUND = Symbol('eimza.secretsFound');
const TALKS_ABOUT_PINS = /\bPIN|\bPUK\b|şifre|güvenlik sözcüğü|security word/i;

/**
 * Fields the bot's own buttons carry back (cards/verbs.ts): ids and choices it generated, which the
 * user never types. Masking one would break the button (an id with a digit run that happens to pass
 * the T.C. checksum); every other value of a card submission, the user's inputs, is scanned.
 */
const OWN_BUTTON_FIELDS = new Set(['verb', 'promptId', 'choice', 'ticketId', 'deviceId', 'score', 'expiry']);

/**
 * Runs before anything is stored or logged: masks PIN/PUK-like codes, a güvenlik sözcüğü and T.C.
 * Kimlik numbers in the incoming message (text and card input values), so dialogs, state and
 * transcripts only ever see the masked form, and tells the user kindly never to share them.
 */
export class SecretGuardMiddleware implements Middleware {
  constructor(
    private readonly pinContext: StatePropertyAccessor<boolean>,
    private readonly log: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === ActivityTypes.Message) {
      const kinds = await this.maskIncoming(context);
      if (kinds.length) {
        context.turnState.set(SECRETS_FOUND, kinds);
        this.log.warn({ kinds }, 'masked a secret in an incoming message');
        await context.sendActivity(MessageFactory.attachment(secretWarningCard(localeOf(context))));
      }
      context.onSendActivities(async (turn, activities, sendNext) => {
        if (activities.some((activity) => activity.type === ActivityTypes.Message)) {
          await this.pinContext.set(turn, activities.some(SecretGuardMiddleware.talksAboutPins));
        }
        return sendNext();
      });
    }
    await next();
  }

  private async maskIncoming(context: TurnContext): Promise<SecretKind[]> {
    const pinContext = await this.pinContext.get(context, false);
    const kinds = new Set<SecretKind>();
    const maskText = (text: string): string => {
      const scan = scanForSecrets(text, pinContext);
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

  /** True when a reply mentions PINs, PUKs or the güvenlik sözcüğü (so a lone number next is a PIN). */
  static talksAboutPins(activity: Partial<Activity>): boolean {
    return TALKS_ABOUT_PINS.test(`${activity.text ?? ''} ${JSON.stringify(activity.attachments ?? [])}`);
  }
}

/** The kinds of secret masked in this turn's message (empty when none). */
export function secretsFoundThisTurn(context: TurnContext): SecretKind[] {
  return (context.turnState.get(SECRETS_FOUND) as SecretKind[] | undefined) ?? [];
}
