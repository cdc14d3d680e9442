import {
  ComponentDialog, DialogTurnStatus, WaterfallDialog,
  type DialogContext, type DialogTurnResult, type WaterfallStep,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import type { StringKey } from '../cards/i18n';
import { CardPrompt } from './cardPrompt';

/**
 * A guided path (or a part of one, like "who pays"): a card prompt and a waterfall under the
 * dialog's id. Unlike a plain ComponentDialog it passes a waiting turn's result up, so the
 * prompt's "unclear answer" reaches the main dialog as a return value.
 */
export abstract class PathDialog<O extends object = object> extends ComponentDialog<O> {
  /** What a button or a recognised intent may pass when it starts this path (the router checks it). */
  startOptions: z.ZodType<object> = z.object({});
  /** The prompt's dialog id (`<id>.prompt`). */
  protected readonly prompt: string;

  /** `label`: the path's name on the menu and for the help desk; none for a part of a path. */
  constructor(id: string, readonly label?: StringKey) {
    super(id);
    this.prompt = `${id}.prompt`;
    this.addDialog(new CardPrompt(this.prompt));
  }

  /** Registers the path's steps as its waterfall (`<id>.flow`), which the path starts with. */
  protected flow<S extends object = object>(steps: WaterfallStep<S>[]): void {
    const id = `${this.id}.flow`;
    this.addDialog(new WaterfallDialog<S>(id, steps));
    this.initialDialogId = id;
  }

  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    await this.checkForVersionChange(outer);
    const turn = await this.onContinueDialog(this.createChildContext(outer));
    if (turn.status !== DialogTurnStatus.waiting) return this.endComponent(outer, turn.result);
    return turn;
  }
}

/** A path's explicit hand-over: it ends, and the main dialog starts the path of `verb` in its place. */
export interface HandOver {
  handOverTo: string;
}

export function isHandOver(value: unknown): value is HandOver {
  return typeof value === 'object' && value !== null && typeof (value as HandOver).handOverTo === 'string';
}
