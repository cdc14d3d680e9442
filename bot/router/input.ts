import type { TurnContext } from 'botbuilder';

/** A card button's press: its verb and the rest of its data, unchecked until an entry's schema reads it. */
export interface CardPress {
  verb: string;
  data: Readonly<Record<string, unknown>>;
}

/** The data of the card button the user pressed, if this message is a button press (the app's one parser). */
export function cardPress(context: TurnContext): CardPress | undefined {
  const value: unknown = context.activity.value;
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  return typeof data.verb === 'string' ? { verb: data.verb, data } : undefined;
}
