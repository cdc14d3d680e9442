import { AutoSaveStateMiddleware, type ConversationState, type Middleware, type UserState } from 'botbuilder';
import type { ConversationLock } from '../state/conversationLock';
import type { ConversationShape } from '../state/conversationShape';
import { LanguageMiddleware } from './languageMiddleware';
import type { Logger } from './logger';
import { SecretGuardMiddleware, type SecretGuardOptions } from './secretGuardMiddleware';
import { TurnLockMiddleware } from './turnLockMiddleware';
import type { TurnOutbox } from './turnOutbox';

export interface PipelineParts {
  conversationState: ConversationState;
  userState: UserState;
  shape: ConversationShape;
  /** The bot's language when neither the person nor the client says (BOT_LOCALE). */
  defaultLocale: string;
  log: Logger;
  /** One turn at a time per conversation, across instances (the app; a dialog test has one conversation). */
  lock?: ConversationLock;
  fromHelpDesk?: SecretGuardOptions['fromHelpDesk'];
  /** Runs last, right around the bot: what parts send after the turn's own answer (the renewal request's number). */
  outbox?: TurnOutbox;
}

/**
 * The middleware every turn passes, in order, for the app and the dialog tests alike: the
 * conversation lease, then saving (so a turn's state is written whoever answers it), the
 * language, the secret guard (so everyone after it sees masked text), then the outbox.
 */
export function usePipeline(adapter: { use(...middleware: Middleware[]): unknown }, parts: PipelineParts): void {
  if (parts.lock) adapter.use(new TurnLockMiddleware(parts.lock));
  adapter.use(new AutoSaveStateMiddleware(parts.conversationState, parts.userState));
  adapter.use(new LanguageMiddleware(parts.shape.language, parts.defaultLocale));
  adapter.use(new SecretGuardMiddleware(parts.shape.lastQuestion, parts.log, { fromHelpDesk: parts.fromHelpDesk }));
  if (parts.outbox) adapter.use(parts.outbox);
}
