import { MessageFactory, type BotState, type TurnContext } from 'botbuilder';
import { storageDownCard, unexpectedErrorCard } from '../cards/common';
import { localeOf } from '../cards/i18n';
import { isETagConflict, StorageUnavailableError } from '../state/errors';
import type { Logger } from './logger';
import type { BotMetrics } from './metrics';

/**
 * The one catch-all for a failed turn. Storage down: a short apology and nothing else, so the
 * conversation resumes from its last saved step once storage is back. Anything else: log it,
 * apologise, and clear the conversation's state so the next message starts clean.
 */
export function createTurnErrorHandler(conversationState: BotState, log: Logger, metrics: BotMetrics) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    if (isETagConflict(error)) {
      // Another turn of this conversation saved first (its lease ran out): its state stands, nothing to undo.
      log.warn({ err: { name: error.name, message: error.message } }, 'turn state not saved: another turn wrote first');
      return;
    }
    const locale = localeOf(context);
    const storageDown = isStorageUnavailable(error);
    metrics.turnErrors.inc({ kind: storageDown ? 'storage' : 'unexpected' });
    if (storageDown) log.warn({ err: { name: error.name, message: error.message } }, 'turn failed: storage unavailable');
    else log.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    try {
      await context.sendActivity(MessageFactory.attachment(storageDown ? storageDownCard(locale) : unexpectedErrorCard(locale)));
      if (!storageDown) await conversationState.delete(context);
    } catch (sendError) {
      log.error({ err: { message: (sendError as Error).message } }, 'could not apologise for a failed turn');
    }
  };
}


/** True when `error`, or anything it wraps, is a StorageUnavailableError. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof StorageUnavailableError) return true;
    const wrapper = current as { cause?: unknown; error?: unknown };
    current = wrapper.cause ?? wrapper.error;
  }
  return false;
}
