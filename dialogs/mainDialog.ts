import { MessageFactory, type StatePropertyAccessor, type TurnContext, type Attachment } from 'botbuilder';
import {
  ComponentDialog, Dialog, DialogSet, DialogTurnStatus,
  type DialogContext, type DialogState, type DialogTurnResult,
} from 'botbuilder-dialogs';
import { comingSoonCard, menuCard } from '../cards/common';
import { clarifyCard, domainClarifyCard, outOfScopeCard, switchCard } from '../cards/pathCards';
import { localeOf, t, type Locale } from '../cards/i18n';
import { CardPrompt, unclearHintOf } from './cardPrompt';
import { isHandOver, PathDialog } from './pathDialog';
import { INTENT_ROUTES, TOPIC_ROUTES, namesTheDomain, type Route } from './intentRoutes';
import { decide, type Intent, type Recognizer } from '../bot/nlu';
import type { DialogTurn, Registry, Standing } from '../bot/router/registry';

export const MAIN_DIALOG = 'mainDialog';

/** A guided path the menu can start: the dialog and the card verb that opens it. */
export interface PathEntry {
  verb: string;
  dialog: PathDialog;
}

/** Begins the main dialog without answering anything (a routed step runs on its stack instead). */
const QUIET_START = { quiet: true } as const;

/**
 * The root of every conversation. It never ends and it runs dialogs: the router's entries run
 * their steps on its stack (start a path, answer the open question, cancel); typed words no entry
 * took answer the open question, or the recognised intent starts its path.
 */
export class MainDialog extends ComponentDialog {
  private readonly pathsByVerb = new Map<string, string>();

  /**
   * `routes`: the router's registry, so a path named in free text takes the same road as its button.
   * `otherSystems`: names of the institution's other systems (policy), so "MEBBİS şifremi unuttum"
   * is out of scope while any other şifre is asked about (it may be the signing PIN).
   */
  constructor(paths: readonly PathEntry[], private readonly routes: Registry, private readonly recognizer?: Recognizer, private readonly otherSystems: readonly string[] = []) {
    super(MAIN_DIALOG);
    for (const { verb, dialog } of paths) {
      this.addDialog(dialog);
      this.pathsByVerb.set(verb, dialog.id);
    }
  }

  /** Runs one turn: `step` on the main dialog's stack, or else continues the conversation where it stands (or starts it). */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>, step?: (turn: DialogTurn) => Promise<void>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dialogContext = await dialogSet.createContext(context);
    if (step) {
      if (!dialogContext.activeDialog) await dialogContext.beginDialog(this.id, QUIET_START);
      await step(this.turnOf(dialogContext.child!));
      return;
    }
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }

  protected override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (options !== QUIET_START) await this.answerText(inner);
    return Dialog.EndOfTurn;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    await this.answerText(inner);
    return Dialog.EndOfTurn;
  }

  private turnOf(inner: DialogContext): DialogTurn {
    return {
      context: inner.context,
      inner,
      standing: () => this.standing(inner),
      startPath: (verb, options) => this.startPath(inner, verb, options),
      continuePath: async () => void (await this.continuePath(inner)),
    };
  }

  /**
   * Free text. Inside a path it answers the open question; when it answers nothing there but
   * clearly names another path, the user is asked before switching. Outside a path, the
   * recognised intent starts its path, or two likely paths are offered, never a silent guess.
   */
  private async answerText(inner: DialogContext): Promise<void> {
    const locale = localeOf(inner.context);
    const text = inner.context.activity.text ?? '';
    if (inner.activeDialog) {
      const hint = await this.continuePath(inner);
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
    if (decision?.kind === 'clarify') return send(inner, clarifyCard(locale, routesOf(decision.options.map((option) => option.intent))));
    if (decision && namesTheDomain(text, this.otherSystems)) return send(inner, domainClarifyCard(locale));
    await send(inner, decision ? outOfScopeCard(locale) : menuCard(locale));
  }

  /** Gives the open question this turn; a path that ends with a hand-over starts the next one. Returns the hint of an unclear answer. */
  private async continuePath(inner: DialogContext) {
    const result = await inner.continueDialog();
    if (result.status === DialogTurnStatus.complete && isHandOver(result.result)) await this.startPath(inner, result.result.handOverTo);
    return unclearHintOf(result);
  }

  /** A recognised intent takes the road its button takes: the registry's entry for the same press. */
  private async startRoute(inner: DialogContext, route: Route): Promise<void> {
    const found = this.routes.pressed(route.action.verb, route.action, 'personal');
    if (found?.kind === 'entry' && found.entry.kind === 'dialog') return found.entry.run(this.turnOf(inner), found.payload);
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
    await inner.cancelAllDialogs();
    const dialogId = this.pathsByVerb.get(verb);
    if (dialogId) await inner.beginDialog(dialogId, options);
    else await send(inner, comingSoonCard(localeOf(inner.context)));
  }

  /** The open path's menu name and, deepest down its dialogs, the question it waits on ("Adım 5/8 · ..."). */
  private standing(inner: DialogContext): Standing {
    const active = inner.activeDialog;
    if (!active) return {};
    const path = inner.findDialog(active.id);
    let deepest = inner;
    for (let child = inner.child; child; child = child.child) deepest = child;
    const prompt = deepest.activeDialog && deepest.findDialog(deepest.activeDialog.id);
    const question = prompt instanceof CardPrompt ? CardPrompt.questionOf(deepest.activeDialog!) : undefined;
    const step = question ? [question.progress, question.title].filter(Boolean).join(' · ') : undefined;
    return { path: path instanceof PathDialog ? path.label : undefined, step: step || undefined };
  }
}

/** One choice per distinct path ("bitir" could name help twice). */
function routesOf(intents: Intent[]): Route[] {
  const labels = new Set<string>();
  return intents
    .filter((intent): intent is Exclude<Intent, 'none'> => intent !== 'none')
    .map((intent) => INTENT_ROUTES[intent])
    .filter((route) => !labels.has(route.label) && labels.add(route.label));
}

export async function send(inner: DialogContext, card: Attachment): Promise<void> {
  await inner.context.sendActivity(MessageFactory.attachment(card));
}
