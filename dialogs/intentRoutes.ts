import { tokenize, type Intent, type Topic } from '../bot/nlu';
import type { StringKey } from '../cards/i18n';
import { Verb, type ButtonData } from '../cards/verbs';

export interface Route {
  action: ButtonData;
  label: StringKey;
}

/**
 * What each recognised intent does: the card action it stands for (the same data a menu button
 * carries, so free text and buttons take one road) and how to name it on a button.
 */
export const INTENT_ROUTES: Record<Exclude<Intent, 'none'>, Route> = {
  renewal: { action: { verb: Verb.renewal }, label: 'menu.renewal' },
  new_card_pin: { action: { verb: Verb.newCardPin }, label: 'menu.newCardPin' },
  unlock: { action: { verb: Verb.unlock }, label: 'menu.unlock' },
  lost_card: { action: { verb: Verb.lostCard }, label: 'menu.lostCard' },
  fees: { action: { verb: Verb.faq, topic: 'fees' }, label: 'intents.fees' },
  leaving: { action: { verb: Verb.faq, topic: 'leaving' }, label: 'intents.leaving' },
  security_word: { action: { verb: Verb.faq, topic: 'securityWord' }, label: 'intents.securityWord' },
  card_status: { action: { verb: Verb.cardStatus }, label: 'intents.cardStatus' },
  agent_pairing: { action: { verb: Verb.agentPairing }, label: 'intents.agentPairing' },
  human: { action: { verb: Verb.human }, label: 'menu.human' },
  help: { action: { verb: Verb.help }, label: 'intents.help' },
};

/**
 * The safety answers a recognised topic gets, whatever the intent: the FAQ answers of the policy
 * (R4, R3, L3, S000 step 6) or, for a forgotten PIN, the unlock path.
 */
export const TOPIC_ROUTES: Record<Topic, Route> = {
  old_pin_on_new_card: { action: { verb: Verb.faq, topic: 'oldPin' }, label: 'intents.oldPin' },
  new_card_when: { action: { verb: Verb.faq, topic: 'whenNewCard' }, label: 'intents.whenNewCard' },
  puk: { action: { verb: Verb.faq, topic: 'puk' }, label: 'intents.puk' },
  forgot_pin: { action: { verb: Verb.unlock }, label: 'menu.unlock' },
  sms_number: { action: { verb: Verb.faq, topic: 'smsNumber' }, label: 'intents.smsNumber' },
};

/** The FAQ ids (policy `faq`) free text is routed to: each must exist, or a safety answer is lost. */
export function routedFaqTopics(): string[] {
  return [...Object.values(INTENT_ROUTES), ...Object.values(TOPIC_ROUTES)]
    .filter((route) => route.action.verb === Verb.faq && typeof route.action.topic === 'string')
    .map((route) => route.action.topic as string);
}

/**
 * Word starts (folded) that make a message about the bot's own domain: PIN, PUK, card, certificate,
 * e-imza, and what the steps name (güvenlik sözcüğü, the card reader, AKIS, a lock or block).
 */
const DOMAIN_WORD_STARTS = [
  'pin', 'puk', 'kart', 'card', 'sertifika', 'certificate', 'eimza', 'imza', 'esignature', 'signature',
  'sozcu', 'security', 'okuyucu', 'reader', 'akis', 'kilit', 'kilid', 'bloke', 'lock', 'block',
];
/** Whole words (folded) of the domain: Kamu SM, NES, the SMS code of step 6. */
const DOMAIN_WORDS = ['sm', 'kamusm', 'nes', 'sms'];

/** Word starts of a password: staff call their signing PIN "şifre", unless they name another system. */
const PASSWORD_WORD_STARTS = ['sifre', 'parola', 'password'];

/**
 * Whether a message talks about a PIN, PUK, card, certificate or e-imza (never "out of scope"
 * then); a şifre counts too unless the message names one of `otherSystems` (policy).
 */
export function namesTheDomain(text: string, otherSystems: readonly string[] = []): boolean {
  const words = tokenize(text);
  const startsWithAny = (starts: readonly string[]) => words.some((word) => starts.some((start) => word.startsWith(start)));
  if (startsWithAny(DOMAIN_WORD_STARTS) || words.some((word) => DOMAIN_WORDS.includes(word))) return true;
  const otherSystemWords = otherSystems.flatMap((name) => tokenize(name));
  return startsWithAny(PASSWORD_WORD_STARTS) && !words.some((word) => otherSystemWords.includes(word));
}
