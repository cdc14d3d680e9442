import type { Attachment } from 'botbuilder';
import { messageCard, type CardButton } from './index';
import { t, type Locale } from './i18n';
import { Verb } from './verbs';

/** The cards every path shares: welcome, menu, help and the polite fallbacks. */

export function menuButtons(locale: Locale): CardButton[] {
  return [
    { label: t(locale, 'menu.renewal'), data: { verb: Verb.renewal } },
    { label: t(locale, 'menu.newCardPin'), data: { verb: Verb.newCardPin } },
    { label: t(locale, 'menu.unlock'), data: { verb: Verb.unlock } },
    { label: t(locale, 'menu.lostCard'), data: { verb: Verb.lostCard } },
    { label: t(locale, 'menu.faq'), data: { verb: Verb.faq } },
    { label: t(locale, 'menu.human'), data: { verb: Verb.human } },
  ];
}

/** "Ana menü": the button that ends a path's last card. */
export function backButton(locale: Locale): CardButton {
  return { label: t(locale, 'common.back'), data: { verb: Verb.menu } };
}

export function menuCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'menu.title'), buttons: menuButtons(locale) });
}

export function welcomeCard(locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'welcome.title'),
    paragraphs: [t(locale, 'welcome.body'), t(locale, 'welcome.howTo')],
    note: t(locale, 'welcome.privacy'),
  });
}

export function helpCard(locale: Locale): Attachment {
  return messageCard({
    title: t(locale, 'help.title'),
    paragraphs: [t(locale, 'help.body'), t(locale, 'help.commands')],
    buttons: [backButton(locale)],
  });
}

export function comingSoonCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'comingSoon.title'), paragraphs: [t(locale, 'comingSoon.body')], buttons: menuButtons(locale) });
}

export function notUnderstoodCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'notUnderstood.title'), paragraphs: [t(locale, 'notUnderstood.body')], buttons: menuButtons(locale) });
}

export function storageDownCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'errors.storageTitle'), paragraphs: [t(locale, 'errors.storageBody')] });
}

export function unexpectedErrorCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'errors.genericTitle'), paragraphs: [t(locale, 'errors.genericBody')], buttons: menuButtons(locale) });
}

export function secretWarningCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'secretGuard.title'), warning: t(locale, 'secretGuard.advice'), paragraphs: [t(locale, 'secretGuard.body')] });
}
