import tr from './strings/tr.json';
import en from './strings/en.json';

export type Locale = 'tr' | 'en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the Turkish table, e.g. 'menu.title'; the English table must have the same keys. */
export type StringKey = Leaves<typeof tr>;

const tables: Record<Locale, unknown> = { tr, en };

/** Picks the user's language: English for an English client, otherwise the bot's default (Turkish first). */
export function resolveLocale(activityLocale: unknown, defaultLocale = 'tr-TR'): Locale {
  const wanted = (typeof activityLocale === 'string' && activityLocale ? activityLocale : defaultLocale).toLowerCase();
  return wanted.startsWith('en') ? 'en' : 'tr';
}

/** The string for `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function t(locale: Locale, key: StringKey, values: Record<string, string | number> = {}): string {
  const template = lookup(tables[locale], key) ?? lookup(tables.tr, key);
  if (typeof template !== 'string') throw new Error(`Missing string "${key}"`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The keys of the words the bot understands (the tables' "words" section), e.g. 'words.cancel'. */
export type WordKey = Extract<StringKey, `words.${string}`>;

/**
 * The words for `key` in every language ("iptal", "vazgeç", "cancel", ...): a Turkish user may
 * type an English command and the other way round. Written as people write them, " | " between.
 */
export function wordsOf(key: WordKey): string[] {
  return (Object.keys(tables) as Locale[]).flatMap((locale) => String(lookup(tables[locale], key) ?? '').split('|').map((word) => word.trim()).filter(Boolean));
}

/** Every key of a table, for the test that keeps tr and en in step. */
export function keysOf(locale: Locale): string[] {
  const walk = (node: unknown, prefix: string): string[] =>
    typeof node === 'string'
      ? [prefix]
      : Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => walk(value, prefix ? `${prefix}.${key}` : key));
  return walk(tables[locale], '');
}

function lookup(table: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), table);
}

const LOCALE_KEY = Symbol('eimza.locale');

interface HasTurnState {
  turnState: Map<unknown, unknown>;
  activity: { locale?: string };
}

/**
 * Fixes this turn's language so every card of the turn agrees: `chosen` (the conversation's
 * language) when known, else the client's locale, else the bot's default.
 */
export function setTurnLocale(context: HasTurnState, defaultLocale: string, chosen?: Locale): Locale {
  const locale = chosen ?? resolveLocale(context.activity.locale, defaultLocale);
  context.turnState.set(LOCALE_KEY, locale);
  return locale;
}

export function localeOf(context: HasTurnState): Locale {
  return (context.turnState.get(LOCALE_KEY) as Locale | undefined) ?? resolveLocale(context.activity.locale);
}
