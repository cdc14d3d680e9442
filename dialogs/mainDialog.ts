import { MessageFactory, type StatePropertyAccessor, type TurnContext, type Attachment } from 'botbuilder';
import {
  ComponentDialog, Dialog, DialogSet, DialogTurnStatus,
  type DialogContext, type DialogState, type DialogTurnResult,
} from 'botbuilder-dialogs';
import { comingSoonCard, helpCard, menuCard, notUnderstoodCard } from '../cards/common';
import { messageCard } from '../cards/index';
import { localeOf, t } from '../cards/i18n';
import { Verb, type CardActionData } from '../cards/verbs';
import { matchGlobalCommand, type GlobalCommand } from './commands';

export const MAIN_DIALOG = 'mainDialog';

/** A guided path the menu can start: the dialog and the card verb that opens it. */
export interface PathEntry {
  verb: string;
  dialog: Dialog;
}

/**
 * The root of every conversation. It never ends: it starts paths from menu buttons (and, later,
 * from free text), passes everything else to the path in progress, and handles the commands that
 * work at every step ("iptal", "menü", "yardım", "yetkiliye bağlan") in this one place.
 */
export class MainDialog extends ComponentDialog {
  private readonly pathsByVerb = new Map<string, string>();

  constructor(paths: PathEntry[] = []) {
    super(MAIN_DIALOG);
    for (const { verb, dialog } of paths) {
      this.addDialog(dialog);
      this.pathsByVerb.set(verb, dialog.id);
    }
  }

  /** Runs one turn: continues the conversation where it stands, or starts it. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return this.handle(inner);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return this.handle(inner);
  }

  private async handle(inner: DialogContext): Promise<DialogTurnResult> {
    const action = cardAction(inner.context);
    const command = action ? commandForVerb(action.verb) : matchGlobalCommand(inner.context.activity.text);
    if (command) await this.runCommand(inner, command);
    else if (action) await this.runAction(inner, action);
    else await this.runText(inner);
    return Dialog.EndOfTurn;
  }

  private async runCommand(inner: DialogContext, command: GlobalCommand): Promise<void> {
    const locale = localeOf(inner.context);
    const wasBusy = Boolean(inner.activeDialog);
    switch (command) {
      case 'cancel':
        await inner.cancelAllDialogs();
        await send(inner, messageCard({ title: t(locale, wasBusy ? 'cancel.done' : 'cancel.nothing'), buttons: [] }));
        await send(inner, menuCard(locale));
        return;
      case 'menu':
        await inner.cancelAllDialogs();
        await send(inner, menuCard(locale));
        return;
      case 'help':
        await send(inner, helpCard(locale));
        if (wasBusy) await inner.repromptDialog();
        return;
      case 'human':
        await this.startPath(inner, Verb.human);
        return;
    }
  }

  private async runAction(inner: DialogContext, action: CardActionData): Promise<void> {
    if (action.verb === Verb.answer) {
      if (inner.activeDialog) await inner.continueDialog();
      else await this.sayStale(inner);
      return;
    }
    if (this.pathsByVerb.has(action.verb) || isPathVerb(action.verb)) {
      await this.startPath(inner, action.verb);
      return;
    }
    await send(inner, notUnderstoodCard(localeOf(inner.context)));
  }

  private async runText(inner: DialogContext): Promise<void> {
    if (inner.activeDialog) {
      await inner.continueDialog();
      return;
    }
    await send(inner, menuCard(localeOf(inner.context)));
  }

  private async startPath(inner: DialogContext, verb: string): Promise<void> {
    await inner.cancelAllDialogs();
    const dialogId = this.pathsByVerb.get(verb);
    if (dialogId) await inner.beginDialog(dialogId);
    else await send(inner, comingSoonCard(localeOf(inner.context)));
  }

  private async sayStale(inner: DialogContext): Promise<void> {
    const locale = localeOf(inner.context);
    await send(inner, messageCard({ title: t(locale, 'staleAction.body'), buttons: [] }));
    await send(inner, menuCard(locale));
  }
}

const PATH_VERBS = new Set<string>([Verb.renewal, Verb.newCardPin, Verb.unlock, Verb.lostCard, Verb.faq, Verb.human]);

function isPathVerb(verb: string): boolean {
  return PATH_VERBS.has(verb);
}

function commandForVerb(verb: string): GlobalCommand | undefined {
  if (verb === Verb.menu) return 'menu';
  if (verb === Verb.help) return 'help';
  return undefined;
}

/** The data of the card button the user pressed, if this message is a button press. */
export function cardAction(context: TurnContext): CardActionData | undefined {
  const value = context.activity.value as Partial<CardActionData> | undefined;
  return value && typeof value === 'object' && typeof value.verb === 'string' ? (value as CardActionData) : undefined;
}

async function send(inner: DialogContext, card: Attachment): Promise<void> {
  await inner.context.sendActivity(MessageFactory.attachment(card));
}
