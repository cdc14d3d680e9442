import { MessageFactory, TeamsActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { menuCard, welcomeCard } from '../cards/common';
import { localeOf, setTurnLocale, type Locale } from '../cards/i18n';
import { detectLanguage } from './language';
import type { MainDialog } from '../dialogs/mainDialog';
import type { ReachabilityRecorder } from './reminders/reachabilityRecorder';

/**
 * The Teams activity handler: welcomes people once per conversation, hands every message to the
 * main dialog, and saves conversation and user state together at the end of the turn.
 */
export class EimzaBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly welcomed: StatePropertyAccessor<boolean>;
  private readonly language: StatePropertyAccessor<Locale | undefined>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly mainDialog: MainDialog,
    private readonly defaultLocale: string,
    /** Saves who can be pinged later (expiry reminders); optional so dialog tests can leave it out. */
    private readonly reachability?: ReachabilityRecorder,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.welcomed = conversationState.createProperty<boolean>('welcomed');
    this.language = conversationState.createProperty<Locale | undefined>('language');

    this.onMessage(async (context, next) => {
      await this.reachability?.seen(context);
      await this.welcomeOnce(context, false);
      await this.mainDialog.run(context, this.dialogState);
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

  override async run(context: TurnContext): Promise<void> {
    await this.chooseLanguage(context);
    await super.run(context);
    await Promise.all([this.conversationState.saveChanges(context), this.userState.saveChanges(context)]);
  }

  /** The language of what the user writes wins, and is kept for their button presses. */
  private async chooseLanguage(context: TurnContext): Promise<void> {
    const written = context.activity.type === 'message' ? detectLanguage(context.activity.text) : undefined;
    if (written) await this.language.set(context, written);
    setTurnLocale(context, this.defaultLocale, written ?? (await this.language.get(context)));
  }

  private async welcomeOnce(context: TurnContext, withMenu: boolean): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    const locale = localeOf(context);
    await context.sendActivity(MessageFactory.attachment(welcomeCard(locale)));
    if (withMenu) await context.sendActivity(MessageFactory.attachment(menuCard(locale)));
  }
}
