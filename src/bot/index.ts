import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Api, Bot, type Transformer } from "grammy";
import type { ConversationStore } from "../db/conversationStorage.js";
import type { FieldCipher } from "../security/fieldCipher.js";
import { ignoreExpiredCallbackAnswers } from "./expiredCallbackAnswers.js";
import type { Logger } from "../logger.js";
import { hasProfile, type ConversationContext, type UpdateContext } from "./context.js";
import { auditFeature } from "./features/audit/index.js";
import { broadcastsFeature } from "./features/broadcasts/index.js";
import { cancelFeature } from "./features/cancel/index.js";
import { eventsFeature } from "./features/events/index.js";
import { caseWorkFeature } from "./features/caseWork/index.js";
import { deskFeature } from "./features/desk/index.js";
import { fallbackFeature } from "./features/fallback/index.js";
import { helpFeature, helpMenuEntry } from "./features/help/index.js";
import { idleConversations, type StoredConversations } from "./features/idleConversations/index.js";
import { languageFeature } from "./features/language/index.js";
import { membershipFeature } from "./features/membership/index.js";
import { myCasesFeature } from "./features/myCases/index.js";
import { myDataFeature } from "./features/myData/index.js";
import { registrationFeature } from "./features/registration/index.js";
import { createMainMenu } from "./features/menu/mainMenu.js";
import { petitionsFeature } from "./features/petitions/index.js";
import { settingsFeature } from "./features/settings/index.js";
import { startFeature } from "./features/start/index.js";
import { statsFeature } from "./features/stats/index.js";
import { teamFeature } from "./features/team/index.js";
import { createI18n, matchLocale } from "./i18n.js";
import { conversationDropWatch } from "./middleware/conversationDropWatch.js";
import { databaseGate } from "./middleware/databaseGate.js";
import { deduplicateUpdates } from "./middleware/deduplicateUpdates.js";
import { errorBoundary } from "./middleware/errorBoundary.js";
import { floodLimit } from "./middleware/floodLimit.js";
import { loadProfile } from "./middleware/loadProfile.js";
import { privateChatsOnly } from "./middleware/privateChatsOnly.js";
import { updateLogger } from "./middleware/updateLogger.js";
import { retryWhileTelegramAway } from "./telegramUnreachable.js";
import type { BotServices } from "./services.js";

export interface CreateBotOptions {
  token: string;
  /** Telegram or the local emulator. */
  apiRoot: string;
  services: BotServices;
  /** Conversation state lives here, so a restart loses nobody's place (db/conversationStorage.ts). */
  conversations: ConversationStore<StoredConversations>;
  /** Encrypts conversation state and turns chat ids into pseudonyms for its keys. */
  cipher: FieldCipher;
  /** Conversations untouched this long are dropped by the retention job (the user is told); default 30. */
  idleConversationDays?: number;
  log: Logger;
  defaultLocale: string;
  /** Per-user flood limit on incoming updates (default 12 per 3 s). */
  floodLimit?: { limit: number; timeFrameMs: number };
  /** Transformers for every outgoing call, inside conversations too (e.g. the shared send budget). */
  outgoing?: Transformer[];
  /** How long a reply keeps trying while Telegram is away (default REPLY_OUTAGE_BUDGET_MS; 0: not at all). */
  replyOutageBudgetMs?: number;
}

export interface CreatedBot {
  bot: Bot<UpdateContext>;
  i18n: I18n<UpdateContext>;
}

/** The longest 429 wait a reply sits out inside a handler. */
export const REPLY_MAX_FLOOD_WAIT_SECONDS = 3;
/**
 * A Bot API call that got no answer in this time fails (grammY's default is 500 s): a connection
 * that hangs must not hold a chat, or the poller, for minutes. Above the poller's 25 s long poll.
 */
export const BOT_API_TIMEOUT_SECONDS = 40;

/** Builds the bot and starts nothing: main.ts (or a test) decides polling or webhook. */
export function createBot(options: CreateBotOptions): CreatedBot {
  const { services, log, defaultLocale } = options;
  const bot = new Bot<UpdateContext>(options.token, { client: { apiRoot: options.apiRoot, timeoutSeconds: BOT_API_TIMEOUT_SECONDS } });
  const outgoing: Transformer[] = [
    ...(options.outgoing ?? []),
    // Replies are sent inside a handler, while the chat's next updates wait: a flood wait longer
    // than a few seconds fails the call instead (the error boundary tells the user after the wait).
    // Network errors and 5xx are not retried here: autoRetry would retry them forever, with waits
    // doubling up to an hour (the poller would stay deaf that long after an outage) while the chat
    // waits; the poller (capped backoff) or Telegram's webhook retry handles the update again.
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: REPLY_MAX_FLOOD_WAIT_SECONDS, rethrowHttpErrors: true, rethrowInternalServerErrors: true }),
    // Instead, replies (not getUpdates) keep trying for a bounded time: a conversation keeps its place.
    retryWhileTelegramAway(options.replyOutageBudgetMs),
    ignoreExpiredCallbackAnswers(() => log.info("callback query answered already or expired; carrying on")),
  ];
  bot.api.config.use(...outgoing);

  const i18n: I18n<UpdateContext> = createI18n<UpdateContext>(defaultLocale, async (ctx): Promise<string | undefined> => {
    const userId = ctx.from?.id;
    // Outside conversations the profile is loaded already; inside, plugins are not inherited, so ask the service.
    const stored = "profile" in ctx && ctx.profile ? ctx.profile.locale : userId !== undefined ? await services.users.localeOf(userId) : undefined;
    return stored ?? matchLocale(i18n.locales, ctx.from?.language_code);
  });

  const mainMenu = createMainMenu();
  const language = languageFeature(i18n, mainMenu, defaultLocale);
  const team = teamFeature();
  const registration = registrationFeature();
  const myCases = myCasesFeature();
  const caseWork = caseWorkFeature();
  const broadcasts = broadcastsFeature(i18n);
  const events = eventsFeature(i18n);
  const stats = statsFeature();
  mainMenu.add(registration.menuEntry, ...myCases.menuEntries, broadcasts.menuEntry);
  mainMenu.add(stats.menuEntry);
  const desk = deskFeature();
  mainMenu.add(desk.menuEntry);
  const petitions = petitionsFeature();
  const settings = settingsFeature(language.menuEntry.run);
  mainMenu.add(language.menuEntry, settings.menuEntry, helpMenuEntry, ...team.menuEntries);
  mainMenu.add(...petitions.menuEntries);
  const myData = myDataFeature();
  mainMenu.add(myData.menuEntry);

  const conversationState = idleConversations(
    options.conversations,
    options.cipher,
    options.idleConversationDays ?? 30,
  );

  // Shared middleware, in the order every update passes it.
  bot.use(updateLogger(log));
  bot.use(async (ctx, next) => {
    ctx.services = services;
    await next();
  });
  bot.use(errorBoundary(i18n, defaultLocale));
  bot.use(floodLimit(i18n, defaultLocale, options.floodLimit));
  // Groups, supergroups and channels stop here, before any user row or conversation state exists for them.
  bot.use(privateChatsOnly(i18n, defaultLocale));
  bot.use(databaseGate());
  bot.use(deduplicateUpdates());
  bot.use(loadProfile());
  bot.use(i18n);
  bot.use(
    conversations<UpdateContext, ConversationContext>({
      storage: conversationState.storage,
      plugins: [
        // Plugins are not inherited inside conversations: the same outgoing transformers there too,
        // installed below the plugin's recording of each call, so a replay returns the recorded
        // outcome without running them again (an auto-retry's 429 wait, a retry while Telegram was
        // away, a budget spend would otherwise repeat on every later update of the conversation).
        async (ctx, next) => {
          const recording = ctx.api.config.installedTransformers();
          const api = new Api(ctx.api.token, ctx.api.options);
          api.config.use(...outgoing, ...recording);
          Object.assign(ctx, { api });
          await next();
        },
        i18n as never,
        async (ctx, next) => {
          ctx.isOutsideInput = ctx.callbackQuery === undefined && mainMenu.isMenuInput(ctx.message?.text, (l, k) => i18n.t(l, k), i18n.locales);
          await next();
        },
      ],
    }),
  );

  // From here on the sender is known: features and conversations rely on ctx.profile (an update
  // without a human sender, which no feature answers, ends here).
  const withSender = bot.filter(hasProfile);
  withSender.use(conversationDropWatch());
  // A conversation the retention job dropped for being idle: the user is told once, kindly.
  withSender.use(conversationState.droppedNotice);

  // /cancel comes first so it can leave any conversation; then every conversation, so an active
  // one sees its answers before the features below (it passes commands and menu buttons on).
  withSender.use(cancelFeature(mainMenu));
  withSender.use(...registration.conversations);
  withSender.use(...caseWork.conversations);
  withSender.use(...broadcasts.conversations);
  withSender.use(...events.conversations);
  withSender.use(...team.conversations);
  withSender.use(...petitions.conversations);
  withSender.use(...settings.conversations);

  // Features, in one visible order.
  withSender.use(membershipFeature());
  withSender.use(startFeature(mainMenu, { openPetition: petitions.openFromLink }));
  withSender.use(helpFeature());
  withSender.use(registration.composer);
  withSender.use(myCases.composer);
  withSender.use(myData.composer);
  withSender.use(caseWork.composer);
  withSender.use(stats.composer);
  withSender.use(desk.composer);
  withSender.use(broadcasts.composer);
  withSender.use(events.composer);
  withSender.use(language.composer);
  withSender.use(settings.composer);
  withSender.use(mainMenu.composer);
  withSender.use(team.composer);
  withSender.use(auditFeature().composer);
  withSender.use(petitions.composer);
  withSender.use(fallbackFeature(mainMenu));

  return { bot, i18n };
}
