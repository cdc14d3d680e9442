import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { z } from 'zod';
import { wordsOf, type StringKey, type WordKey } from '../../cards/i18n';
import { foldWords } from '../nlu/normalize';
import { cardPress } from './input';

/**
 * Where an input is used: the personal chat, the personal chat while a help desk ticket is open
 * (the desk owns the conversation), or a team channel (the help desk's).
 */
export type Where = 'personal' | 'handoff' | 'channel';

/** Where the person stands in a path: its menu name and the open question, in words. */
export interface Standing {
  path?: StringKey;
  step?: string;
}

/** A turn run with the conversation's dialogs (after the bot has greeted the person). */
export interface DialogTurn {
  readonly context: TurnContext;
  /** The main dialog's own stack: a path, when one is open, is its active dialog. */
  readonly inner: DialogContext;
  /** Where the person stands, read before anything is cancelled. */
  standing(): Standing;
  /** Leaves whatever path is open and starts the path of `verb` (a "coming soon" card for an unknown one). */
  startPath(verb: string, options?: object): Promise<void>;
  /** Gives the open question this turn's answer; the path may end or hand over to another one. */
  continuePath(): Promise<void>;
}

/** What the handler is told besides the payload. */
export interface Arrival {
  where: Where;
  /** Typed words after an entry's words, for entries that take an argument ("talepler geciken" → "geciken"). */
  rest: string;
}

interface EntryBase<S extends z.ZodType> {
  /** The card verb that reaches this entry (cards/verbs.ts). */
  verb?: string;
  /** The words that reach it when typed (the string tables' "words" section); matched folded, whole message. */
  words?: WordKey;
  /** The words may be followed by an argument. */
  takesRest?: boolean;
  /** The press's data (typed words give `{}`); a press that does not fit gets the polite fallback. */
  payload: S;
  where: readonly Where[];
}

/** Answered at once, without the dialogs (help desk, requests): the bot does not greet for it. */
export interface TurnEntry<S extends z.ZodType = z.ZodType> extends EntryBase<S> {
  kind: 'turn';
  run(context: TurnContext, payload: z.output<S>, arrival: Arrival): Promise<void>;
}

/** Run with the conversation's dialogs, after the greeting (paths, commands, answers, ping buttons). */
export interface DialogEntry<S extends z.ZodType = z.ZodType> extends EntryBase<S> {
  kind: 'dialog';
  run(turn: DialogTurn, payload: z.output<S>): Promise<void>;
}

export type RouteEntry = TurnEntry | DialogEntry;

export function turnEntry<S extends z.ZodType>(entry: Omit<TurnEntry<S>, 'kind'>): RouteEntry {
  return { kind: 'turn', ...entry } as TurnEntry;
}

export function dialogEntry<S extends z.ZodType>(entry: Omit<DialogEntry<S>, 'kind'>): RouteEntry {
  return { kind: 'dialog', ...entry } as DialogEntry;
}

/** What an input stands for: an entry with its checked payload, or an entry whose press did not fit. */
export type Resolution =
  | { kind: 'entry'; entry: RouteEntry; payload: unknown; rest: string }
  | { kind: 'malformed'; entry: RouteEntry };

/**
 * Every card verb and command word, one entry each, with where it may be used. A verb has one
 * entry; a word may have several only in places that do not overlap ("iptal" cancels the path in
 * the personal chat and ends the help desk conversation during a handoff).
 */
export class Registry {
  private readonly byVerb = new Map<string, RouteEntry>();
  private readonly byWord = new Map<string, RouteEntry[]>();
  /** Words that take an argument, longest first ("talepler csv" before "talepler"). */
  private readonly withRest: [word: string, entry: RouteEntry][] = [];
  readonly entries: RouteEntry[] = [];

  constructor(entries: readonly RouteEntry[] = []) {
    this.add(entries);
  }

  add(entries: readonly RouteEntry[]): this {
    for (const entry of entries) {
      if (!entry.verb && !entry.words) throw new Error('A route entry needs a verb or words');
      if (entry.verb) {
        if (this.byVerb.has(entry.verb)) throw new Error(`Card verb "${entry.verb}" has two entries`);
        this.byVerb.set(entry.verb, entry);
      }
      if (entry.words) this.addWords(entry);
      this.entries.push(entry);
    }
    this.withRest.sort(([a], [b]) => b.length - a.length);
    return this;
  }

  /** The entry this turn's press or typed message stands for in `where`, if any. */
  resolve(context: TurnContext, where: Where): Resolution | undefined {
    const press = cardPress(context);
    if (press) return this.pressed(press.verb, press.data, where);
    return this.typed(foldWords(context.activity.text), where);
  }

  /** A press of `verb` with `data` (a button, or the same action started from free text). */
  pressed(verb: string, data: unknown, where: Where): Resolution | undefined {
    const entry = this.byVerb.get(verb);
    if (!entry || !entry.where.includes(where)) return undefined;
    const parsed = entry.payload.safeParse(data);
    return parsed.success ? { kind: 'entry', entry, payload: parsed.data, rest: '' } : { kind: 'malformed', entry };
  }

  private typed(text: string, where: Where): Resolution | undefined {
    if (!text) return undefined;
    const exact = this.byWord.get(text)?.find((entry) => entry.where.includes(where));
    if (exact) return { kind: 'entry', entry: exact, payload: exact.payload.parse({}), rest: '' };
    for (const [word, entry] of this.withRest) {
      if (entry.where.includes(where) && text.startsWith(`${word} `)) return { kind: 'entry', entry, payload: entry.payload.parse({}), rest: text.slice(word.length).trim() };
    }
    return undefined;
  }

  private addWords(entry: RouteEntry): void {
    if (!entry.payload.safeParse({}).success) throw new Error(`Words "${entry.words}" reach an entry whose payload needs a press`);
    for (const word of new Set(wordsOf(entry.words!).map(foldWords))) {
      const taken = this.byWord.get(word) ?? [];
      const clash = taken.find((other) => other.where.some((place) => entry.where.includes(place)));
      if (clash) throw new Error(`The word "${word}" means two things in one place (${clash.words} and ${entry.words})`);
      this.byWord.set(word, [...taken, entry]);
      if (entry.takesRest) this.withRest.push([word, entry]);
    }
  }
}
