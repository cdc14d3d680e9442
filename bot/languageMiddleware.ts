import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { setTurnLocale, type Locale } from '../cards/i18n';
import { detectLanguage } from './language';

/**
 * Runs first: fixes the turn's language before anyone speaks (the secret guard's warning, the
 * handoff, the dialogs). What the user writes wins over the Teams client's setting, and is kept in
 * the conversation for their button presses and for proactive messages.
 */
export class LanguageMiddleware implements Middleware {
  constructor(
    private readonly language: StatePropertyAccessor<Locale | undefined>,
    private readonly defaultLocale: string,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const written = context.activity.type === ActivityTypes.Message ? detectLanguage(context.activity.text) : undefined;
    if (written) await this.language.set(context, written);
    setTurnLocale(context, this.defaultLocale, written ?? (await this.language.get(context)));
    await next();
  }
}
