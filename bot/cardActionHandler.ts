import type { TurnContext } from 'botbuilder';
import type { CardActionData } from '../cards/verbs';

/**
 * One card verb that does something in place instead of opening a path (e.g. "Başvurdum" on an
 * expiry ping). Registered once with `MainDialog.addActionHandlers`; verbs are unique.
 */
export interface CardActionHandler {
  readonly verb: string;
  handle(context: TurnContext, data: CardActionData): Promise<void>;
}
