import type { ConversationState, StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Locale } from '../cards/i18n';
import type { SecretContext } from '../bot/secrets';
import type { HandoffMemo } from './handoffStore';

/** Every property of a conversation's state, by the one name it is stored under. */
export interface ConversationShape {
  /** The language the person writes in (bot/languageMiddleware.ts). */
  language: StatePropertyAccessor<Locale | undefined>;
  /** What the bot last asked, for the secret guard (bot/secretGuardMiddleware.ts). */
  lastQuestion: StatePropertyAccessor<SecretContext | boolean>;
  /** The handoff's open ticket marker and last lines (bot/handoff). */
  handoff: StatePropertyAccessor<HandoffMemo>;
  /** The dialogs' stack (dialogs/mainDialog.ts). */
  dialogState: StatePropertyAccessor<DialogState>;
  /** Whether the welcome was sent (bot/eimzaBot.ts). */
  welcomed: StatePropertyAccessor<boolean>;
}

/** Declares the conversation state's properties once, for the app and the dialog tests alike. */
export function conversationShape(state: ConversationState): ConversationShape {
  return {
    language: state.createProperty<Locale | undefined>('language'),
    lastQuestion: state.createProperty<SecretContext | boolean>('lastQuestion'),
    handoff: state.createProperty<HandoffMemo>('handoff'),
    dialogState: state.createProperty<DialogState>('dialogState'),
    welcomed: state.createProperty<boolean>('welcomed'),
  };
}
