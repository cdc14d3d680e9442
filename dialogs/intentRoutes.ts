import type { Intent } from '../bot/nlu';
import type { StringKey } from '../cards/i18n';
import { Verb, type CardActionData } from '../cards/verbs';

/**
 * What each recognised intent does: the card action it stands for (the same data a menu button
 * carries, so free text and buttons take one road) and how to name it on a button.
 */
export const INTENT_ROUTES: Record<Exclude<Intent, 'none'>, { action: CardActionData; label: StringKey }> = {
  renewal: { action: { verb: Verb.renewal }, label: 'menu.renewal' },
  new_card_pin: { action: { verb: Verb.newCardPin }, label: 'menu.newCardPin' },
  unlock: { action: { verb: Verb.unlock }, label: 'menu.unlock' },
  lost_card: { action: { verb: Verb.lostCard }, label: 'menu.lostCard' },
  fees: { action: { verb: Verb.faq, topic: 'fees' }, label: 'faq.questions.fees' },
  leaving: { action: { verb: Verb.faq, topic: 'leaving' }, label: 'faq.questions.leaving' },
  security_word: { action: { verb: Verb.faq, topic: 'securityWord' }, label: 'faq.questions.securityWord' },
  card_status: { action: { verb: Verb.cardStatus }, label: 'intents.cardStatus' },
  agent_pairing: { action: { verb: Verb.agentPairing }, label: 'intents.agentPairing' },
  human: { action: { verb: Verb.human }, label: 'menu.human' },
  help: { action: { verb: Verb.help }, label: 'intents.help' },
};
