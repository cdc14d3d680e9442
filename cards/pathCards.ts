import type { Attachment } from 'botbuilder';
import { messageCard, type CardButton, type CardFact, type MessageCardModel } from './index';
import { backButton, menuButtons } from './common';
import { t, type Locale, type StringKey } from './i18n';
import { Verb, type ButtonData } from './verbs';
import { expiryFact, feeExplanation, feeFacts, type FeeAnswer } from './closingCards';
import { formatDate } from '../domain/dates';
import { policyText, textIn, type Policy } from '../domain/policy';

/** The cards the guided paths and the main dialog send besides their questions, by path. */

/**
 * "Stuck → offer a person", the same on every path: "Yetkiliye bağlan" once the person has been
 * stuck `times` times at one step (once, unless a path gives its own help first).
 */
export function stuckButtons(locale: Locale, stuckCount = 1, times = 1): CardButton[] {
  return stuckCount >= times ? [{ label: t(locale, 'menu.human'), data: { verb: Verb.human } }] : [];
}

/** A path a button or free text can open, as the main dialog offers it. */
export interface PathChoice {
  action: ButtonData;
  label: StringKey;
}

/** Free text named another path while one is open: switch, or carry on. */
export function switchCard(locale: Locale, route: PathChoice): Attachment {
  return messageCard({
    title: t(locale, 'nlu.switchQuestion', { path: t(locale, route.label) }),
    buttons: [
      { label: t(locale, 'nlu.switchYes'), data: route.action },
      { label: t(locale, 'nlu.switchNo'), data: { verb: Verb.resume } },
    ],
  });
}

/** Free text that could mean several paths: one button each. */
export function clarifyCard(locale: Locale, routes: PathChoice[]): Attachment {
  return messageCard({
    title: t(locale, 'nlu.clarify'),
    buttons: [...routes.map((route) => ({ label: t(locale, route.label), data: route.action })), backButton(locale)],
  });
}

/** A message about a PIN, card or e-imza the recognizer could not place: ask, never "out of scope". */
export function domainClarifyCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'nlu.domainClarifyTitle'), paragraphs: [t(locale, 'nlu.domainClarifyBody')], buttons: menuButtons(locale) });
}

export function outOfScopeCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'nlu.outOfScopeTitle'), paragraphs: [t(locale, 'nlu.outOfScopeBody')], buttons: menuButtons(locale) });
}

/** "İptal": what was left (a path, or nothing). */
export function cancelledCard(locale: Locale, wasBusy: boolean): Attachment {
  return messageCard({ title: t(locale, wasBusy ? 'cancel.done' : 'cancel.nothing'), buttons: [] });
}

/** A question's button pressed when no question is open. */
export function staleActionCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'staleAction.body'), buttons: [] });
}

/** A question's answer, with "another question" and back. */
export function faqAnswerCard(locale: Locale, answer: MessageCardModel): Attachment {
  return messageCard({
    ...answer,
    buttons: [
      { label: t(locale, 'faq.another'), data: { verb: Verb.faq } },
      backButton(locale),
    ],
  });
}

/** Renewal, too early to apply: one sentence (when to come back, or the reminder noted) and back. */
export function renewalNoteCard(locale: Locale, text: string): Attachment {
  return messageCard({ title: text, buttons: [backButton(locale)] });
}

/** Renewal recorded: the expiry and fee facts, where it went and why. */
export function renewalRecordedCard(locale: Locale, facts: CardFact[], paragraphs: string[], created = true): Attachment {
  return messageCard({ title: t(locale, created ? 'renewal.recordedTitle' : 'request.openKeptTitle'), facts, paragraphs });
}

/** Renewal after the expiry: what the late application needs. */
export function renewalLateCard(locale: Locale, policy: Policy, expiry: string, daysOverdue: number): Attachment {
  return messageCard({
    title: t(locale, 'renewal.lateTitle'),
    warning: textIn(policy.renewal.lateRequirement, locale),
    facts: [expiryFact(expiry, -daysOverdue, locale)],
    paragraphs: [textIn(policy.institution.handIn, locale)],
  });
}

/** The new-card PIN path, finished: the rules that apply now. */
export function pinDoneCard(locale: Locale, rules: string[]): Attachment {
  return messageCard({ title: t(locale, 'newCardPin.doneTitle'), paragraphs: rules, buttons: [backButton(locale)] });
}

/** The old card is still in the reader when the new card's PIN is asked about. */
export function oldCardInReaderCard(locale: Locale, serial: string, expiry: string): Attachment {
  return messageCard({
    title: t(locale, 'agent.oldCardInReader', { serial, until: formatDate(expiry) }),
    paragraphs: [t(locale, 'agent.newCardPinHint')],
  });
}

/** "Takıldım" at a step: its help, and a person once `offerPerson` holds a button. */
export function stepHelpCard(locale: Locale, help: string[], offerPerson: CardButton[]): Attachment {
  return messageCard({
    title: t(locale, 'stuck.title'),
    paragraphs: [...help, ...(offerPerson.length > 0 ? [t(locale, 'stuck.offerPerson')] : [])],
    buttons: offerPerson,
  });
}

export function unlockDoneCard(locale: Locale, policy: Policy): Attachment {
  return messageCard({ title: t(locale, 'unlock.doneTitle'), warning: policyText(policy, 'pinPageNeverShare', locale), buttons: [backButton(locale)] });
}

/** Unlock did not work: the forgotten security word and SMS number help, a person, back. */
export function unlockStuckCard(locale: Locale, policy: Policy): Attachment {
  return messageCard({
    title: t(locale, 'stuck.title'),
    paragraphs: [policyText(policy, 'helpSecurityWordForgot', locale), policyText(policy, 'helpSmsNumber', locale), t(locale, 'stuck.offerPerson')],
    buttons: [...stuckButtons(locale), backButton(locale)],
  });
}

/** The person could not suspend the lost card: the phone, and a person. */
export function lostCardHelpCard(locale: Locale, phone: string): Attachment {
  return messageCard({
    title: t(locale, 'lostCard.helpTitle'),
    paragraphs: [t(locale, 'lostCard.helpBody', { phone })],
    buttons: stuckButtons(locale),
  });
}

/** The replacement card recorded (or, `created` false, the open request kept): who pays, where the request went. */
export function lostCardRecordedCard(locale: Locale, policy: Policy, fee: FeeAnswer, created = true): Attachment {
  return messageCard({
    title: t(locale, created ? 'lostCard.recordedTitle' : 'request.openKeptTitle'),
    facts: feeFacts(policy, fee, locale),
    paragraphs: [
      ...(created ? [t(locale, 'request.sentTo', { department: textIn(policy.institution.itDepartment, locale) })] : []),
      ...feeExplanation(fee, locale),
    ],
  });
}

/** What Kamu SM said about the certificate, when it is not "still valid". */
export function suspensionSettledCard(locale: Locale, title: StringKey, body: StringKey, values: Record<string, string>): Attachment {
  return messageCard({ title: t(locale, title), paragraphs: [t(locale, body, values)] });
}
