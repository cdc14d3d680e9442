import { MessageFactory, TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { menuCard, welcomeCard } from '../cards/common';
import { localeOf, t } from '../cards/i18n';
import type { MainDialog } from '../dialogs/mainDialog';
import type { ConversationShape } from '../state/conversationShape';
import type { BotSide, Router } from './router/router';
import type { ReachabilityRecorder } from './reminders/reachabilityRecorder';

/**
 * The Teams activity handler: welcomes people once per conversation and hands every message to
 * the router (the state is saved by the pipeline, bot/pipeline.ts).
 */
export class EimzaBot extends TeamsActivityHandler {
  private readonly side: BotSide;

  constructor(
    private readonly shape: ConversationShape,
    router: Router,
    mainDialog: MainDialog,
    /** Saves who can be pinged later (expiry reminders); optional so dialog tests can leave it out. */
    private readonly reachability?: ReachabilityRecorder,
  ) {
    super();
    this.side = {
      greet: async (context) => {
        await this.reachability?.seen(context);
        await this.welcomeOnce(context, false);
      },
      dialogs: (context, step) => mainDialog.run(context, shape.dialogState, step),
    };

    this.onMessage(async (context, next) => {
      await router.route(context, this.side);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.reachability?.seen(context, true);
      await this.welcomeOnce(context, true);
      await next();
    });
    // Teams sends installationUpdate and conversationUpdate together on install; the welcome
    // goes with conversationUpdate alone, so two turns racing cannot both send it.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.reachability?.seen(context, true);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.reachability?.removed(context);
      await next();
    });
  }

  /**
   * Invokes the bot does not use (its cards submit messages) get a proper answer, not botbuilder's
   * 501: a card's Action.Execute hears the card is no longer current, anything else an empty 200.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    // botbuilder reads value.action.type unchecked: a malformed card invoke would fail the turn.
    if (name === 'adaptiveCard/action' && !isObject((value as { action?: unknown } | undefined)?.action)) return { status: 400 };
    const response = await super.onInvokeActivity(context);
    if (response.status !== 501) return response;
    if (context.activity.name !== 'adaptiveCard/action') return { status: 200 };
    const message = t(localeOf(context), 'staleAction.body');
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message } };
  }

  private async welcomeOnce(context: TurnContext, withMenu: boolean): Promise<void> {
    // A team channel (the help desk's) gets desk commands, never the user welcome and menu.
    if (context.activity.conversation?.conversationType === 'channel') return;
    if (await this.shape.welcomed.get(context, false)) return;
    await this.shape.welcomed.set(context, true);
    const locale = localeOf(context);
    await context.sendActivity(MessageFactory.attachment(welcomeCard(locale)));
    if (withMenu) await context.sendActivity(MessageFactory.attachment(menuCard(locale)));
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
