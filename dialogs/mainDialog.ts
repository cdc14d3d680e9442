import { MessageFactory, type StatePropertyAccessor, type TurnContext, type Attachment } from 'botbuilder';
import {
  ComponentDialog, Dialog, DialogSet, DialogTurnStatus,
  type DialogContext, type DialogState, type DialogTurnResult,
} from 'botbuilder-dialogs';
import { comingSoonCard, helpCard, menuButtons, menuCard, notUnderstoodCard } from '../cards/common';
import { messageCard } from '../cards/index';
import { localeOf, t, type Locale } from '../cards/i18n';
import { Verb, type CardActionData } from '../cards/verbs';
import { matchGlobalCommand, type GlobalCommand } from './commands';
import { UNCLEAR_ANSWER } from './cardPrompt';
import { INTENT_ROUTES, TOPIC_ROUTES, namesTheDomain, type Route } from './intentRoutes';
import { decide, type Intent, type Recognizer } from '../bot/nlu';
import type { StringKey } from '../cards/i18n';
import type { CardActionHandler } from '../bot/cardActionHandler';

export const MAIN_DIALOG = 'mainDialog';

/** Takes the user to the help desk ("yetkiliye bağlan"); reads where they stood before the dialogs are cancelled. */
export interface HumanHandoff {
  requestFromDialog(inner: DialogContext): Promise<void>;
}

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
  private readonly actionHandlers = new Map<string, CardActionHandler>();

  /**
   * `otherSystems`: names of the institution's other systems (policy), so "MEBBİS şifremi unuttum"
   * is out of scope while any other şifre is asked about (it may be the signing PIN).
   */
  constructor(paths: PathEntry[] = [], private readonly recognizer?: Recognizer, private readonly handoff?: HumanHandoff, private readonly otherSystems: readonly string[] = []) {
    super(MAIN_DIALOG);
    for (const { verb, dialog } of paths) {
      this.addDialog(dialog);
      this.pathsByVerb.set(verb, dialog.id);
    }
  }

  /** Registers one handler per card verb that is not a path (e.g. the expiry ping's buttons). */
  addActionHandlers(handlers: CardActionHandler[]): this {
    for (const handler of handlers) {
      if (this.actionHandlers.has(handler.verb) || this.pathsByVerb.has(handler.verb)) throw new Error(`Card verb "${handler.verb}" has two handlers`);
      this.actionHandlers.set(handler.verb, handler);
    }
    return this;
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
    if (action.verb === Verb.resume) {
      if (inner.activeDialog) await inner.repromptDialog();
      else await send(inner, menuCard(localeOf(inner.context)));
      return;
    }
    if (action.verb === Verb.answer) {
      if (inner.activeDialog) await inner.continueDialog();
      else await this.sayStale(inner);
      return;
    }
    const handler = this.actionHandlers.get(action.verb);
    if (handler) {
      await handler.handle(inner.context, action);
      return;
    }
    if (this.pathsByVerb.has(action.verb) || isPathVerb(action.verb)) {
      await this.startPath(inner, action.verb, action);
      return;
    }
    await send(inner, notUnderstoodCard(localeOf(inner.context)));
  }

  /**
   * Free text. Inside a path it answers the open question; when it answers nothing there but
   * clearly names another path, the user is asked before switching. Outside a path, the
   * recognised intent starts its path, or two likely paths are offered, never a silent guess.
   */
  private async runText(inner: DialogContext): Promise<void> {
    const locale = localeOf(inner.context);
    const text = inner.context.activity.text ?? '';
    if (inner.activeDialog) {
      await inner.continueDialog();
      const hint = inner.context.turnState.get(UNCLEAR_ANSWER) as StringKey | undefined;
      if (!hint) return;
      // A date question answered with something date-like ("31 nisan 2027") is a wrong date, not another topic.
      const route = hint === 'prompt.dateHint' && /\d/.test(text) ? undefined : this.confidentRoute(text, locale);
      if (route) return send(inner, switchCard(locale, route));
      await inner.context.sendActivity(t(locale, hint));
      await inner.repromptDialog();
      return;
    }
    const result = this.recognizer?.recognize(text, locale);
    // A safety question (old PIN, PUK, forgotten PIN...) gets its answer whatever the intent.
    if (result?.topic) return this.startRoute(inner, TOPIC_ROUTES[result.topic]);
    const decision = result ? decide(result) : undefined;
    if (decision?.kind === 'confident' && decision.intent !== 'none') return this.startRoute(inner, INTENT_ROUTES[decision.intent]);
    if (decision?.kind === 'clarify') return send(inner, clarifyCard(locale, decision.options.map((option) => option.intent)));
    if (decision && namesTheDomain(text, this.otherSystems)) return send(inner, domainClarifyCard(locale));
    await send(inner, decision ? outOfScopeCard(locale) : menuCard(locale));
  }

  private async startRoute(inner: DialogContext, route: Route): Promise<void> {
    if (route.action.verb === Verb.help) return this.runCommand(inner, 'help');
    return this.startPath(inner, route.action.verb, route.action);
  }

  /** The path a message inside another path clearly names (a safety topic first), if any. */
  private confidentRoute(text: string, locale: Locale): Route | undefined {
    const result = this.recognizer?.recognize(text, locale);
    if (!result) return undefined;
    if (result.topic) return TOPIC_ROUTES[result.topic];
    const decision = decide(result);
    return decision.kind === 'confident' && decision.intent !== 'none' && decision.intent !== 'help' ? INTENT_ROUTES[decision.intent] : undefined;
  }

  private async startPath(inner: DialogContext, verb: string, options?: object): Promise<void> {
    if (verb === Verb.human && this.handoff) return this.handoff.requestFromDialog(inner);
    await inner.cancelAllDialogs();
    const dialogId = this.pathsByVerb.get(verb);
    if (dialogId) await inner.beginDialog(dialogId, options);
    else await send(inner, comingSoonCard(localeOf(inner.context)));
  }

  private async sayStale(inner: DialogContext): Promise<void> {
    const locale = localeOf(inner.context);
    await send(inner, messageCard({ title: t(locale, 'staleAction.body'), buttons: [] }));
    await send(inner, menuCard(locale));
  }
}

const PATH_VERBS = new Set<string>([Verb.renewal, Verb.newCardPin, Verb.unlock, Verb.lostCard, Verb.faq, Verb.human, Verb.cardStatus, Verb.agentPairing]);

function switchCard(locale: Locale, route: Route): Attachment {
  return messageCard({
    title: t(locale, 'nlu.switchQuestion', { path: t(locale, route.label) }),
    buttons: [
      { label: t(locale, 'nlu.switchYes'), data: route.action },
      { label: t(locale, 'nlu.switchNo'), data: { verb: Verb.resume } },
    ],
  });
}

function clarifyCard(locale: Locale, intents: Intent[]): Attachment {
  const labels = new Set<string>();
  // One button per distinct answer ("bitir" could name help twice).
  const routes = intents
    .filter((intent): intent is Exclude<Intent, 'none'> => intent !== 'none')
    .map((intent) => INTENT_ROUTES[intent])
    .filter((route) => !labels.has(route.label) && labels.add(route.label));
  return messageCard({
    title: t(locale, 'nlu.clarify'),
    buttons: [...routes.map((route) => ({ label: t(locale, route.label), data: route.action })), { label: t(locale, 'common.back'), data: { verb: Verb.menu } }],
  });
}

/** A message about a PIN, card or e-imza the recognizer could not place: ask, never "out of scope". */
function domainClarifyCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'nlu.domainClarifyTitle'), paragraphs: [t(locale, 'nlu.domainClarifyBody')], buttons: menuButtons(locale) });
}

function outOfScopeCard(locale: Locale): Attachment {
  return messageCard({ title: t(locale, 'nlu.outOfScopeTitle'), paragraphs: [t(locale, 'nlu.outOfScopeBody')], buttons: menuButtons(locale) });
}

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
