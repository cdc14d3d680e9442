import type { DialogContext, DialogInstance } from 'botbuilder-dialogs';
import { t, type Locale, type StringKey } from '../../cards/i18n';
import { RENEWAL_DIALOG } from '../../dialogs/renewalDialog';
import { NEW_CARD_PIN_DIALOG } from '../../dialogs/newCardPinDialog';
import { UNLOCK_DIALOG } from '../../dialogs/unlockDialog';
import { LOST_CARD_DIALOG } from '../../dialogs/lostCardDialog';
import { FAQ_DIALOG } from '../../dialogs/faqDialog';

/** Where the user stood when they asked for a person, in words for the help desk. */
export interface DialogPosition {
  path?: string;
  step?: string;
}

const PATH_LABELS: Record<string, StringKey> = {
  [RENEWAL_DIALOG]: 'menu.renewal',
  [NEW_CARD_PIN_DIALOG]: 'menu.newCardPin',
  [UNLOCK_DIALOG]: 'menu.unlock',
  [LOST_CARD_DIALOG]: 'menu.lostCard',
  [FAQ_DIALOG]: 'menu.faq',
};

interface PromptLike { options?: { card?: { title?: string; progress?: string } } }

/**
 * Reads the main dialog's stack before it is cancelled: the path (its menu name) and the open
 * question (the card prompt's progress and title, e.g. "Adım 5/8 · Güvenlik sözcüğünü girin").
 */
export function dialogPosition(inner: DialogContext, deskLocale: Locale): DialogPosition {
  // The stack's first entry is the active dialog; its last is the path the menu started.
  const path = inner.stack[inner.stack.length - 1];
  if (!path) return {};
  const label = PATH_LABELS[path.id];
  const question = inner.stack.map((instance) => deepestQuestion(instance)).find(Boolean);
  const step = question ? [question.progress, question.title].filter(Boolean).join(' · ') : undefined;
  return { path: label ? t(deskLocale, label) : path.id, step: step || undefined };
}

function deepestQuestion(instance: DialogInstance, depth = 0): { title?: string; progress?: string } | undefined {
  if (depth > 8) return undefined;
  const state = instance.state as (PromptLike & { dialogs?: { dialogStack?: DialogInstance[] } }) | undefined;
  const children = state?.dialogs?.dialogStack ?? [];
  for (const child of children) {
    const found = deepestQuestion(child, depth + 1);
    if (found) return found;
  }
  return state?.options?.card;
}
