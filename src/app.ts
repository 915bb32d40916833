import { Api } from "grammy";
import type { Connection } from "mongoose";
import { systemClock, type Clock, type RandomSource } from "./clock.js";
import type { CommonConfig } from "./config.js";
import { connectDatabaseLanes, databaseCommandCounts, databaseCommandTimes, isConnected, laneConnections } from "./db/connection.js";
import { createModels, ensureIndexes, type Models } from "./db/models/index.js";
import type { Logger } from "./logger.js";
import { createBot, type CreatedBot } from "./bot/index.js";
import { registerDefaultCommands } from "./bot/commands.js";
import { broadcastProgressReporter } from "./bot/features/broadcasts/progressReport.js";
import { createMessageRenderer } from "./bot/messageRenderer.js";
import { startHttpServer } from "./bot/httpServer.js";
import { untilTelegramAnswers } from "./bot/telegramUnreachable.js";
import { LOCALES_DIRECTORY } from "./bot/i18n.js";
import { createDeskHandlers } from "./desk/server/deskHandlers.js";
import { createDeskServer, DESK_PATH } from "./desk/server/deskServer.js";
import { startPolling, type Poller } from "./bot/polling.js";
import type { BotServices } from "./bot/services.js";
import { startScheduler, type Scheduler } from "./scheduler/index.js";
import { createDeliveryService } from "./delivery/deliveryService.js";
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "./delivery/deliveryWorker.js";
import { createWorkerLink } from "./delivery/workerLink.js";
import { createSendBudget, spendFromBudget } from "./delivery/sendBudget.js";
import { startSharedReplies } from "./delivery/sharedReplies.js";
import { maintenanceJobs, nameKeysJob } from "./scheduler/maintenanceJobs.js";
import { createNameKeysUpgrade } from "./services/cases/nameKeysUpgrade.js";
import { petitionJobs } from "./scheduler/petitionJobs.js";
import { reminderJobs } from "./scheduler/reminderJobs.js";
import { followUpJobs } from "./scheduler/followUpJobs.js";
import { statisticsJob } from "./scheduler/statisticsJob.js";
import { createPetitionDeadlines } from "./services/petitions/petitionDeadlines.js";
import { createCaseCheckins } from "./services/reminders/caseCheckins.js";
import { createRegistrationReminders } from "./services/reminders/registrationReminders.js";
import { holdsNewRegistration, REGISTRATION_CONVERSATION } from "./bot/features/registration/index.js";
import { createReminderService } from "./services/reminders/reminderService.js";
import { createFieldCipher, parseEncryptionKey } from "./security/fieldCipher.js";
import { verifyEncryptionKey } from "./security/keyCheck.js";
import { createNoticeReader } from "./services/noticeReader.js";
import { createAppealService } from "./services/appeals.js";
import { createAuditTrail } from "./services/audit.js";
import { createAuditLogService } from "./services/auditLog.js";
import { createBroadcastService } from "./services/broadcasts.js";
import { createEventService } from "./services/events.js";
import { createStatisticsService } from "./services/statistics.js";
import { createCaseService } from "./services/cases/caseService.js";
import { createDuplicateCheckQueue } from "./services/cases/duplicateCheckQueue.js";
import { createCaseSearchService } from "./services/cases/caseSearch.js";
import { createLocationService } from "./services/locations.js";
import { createMyDataService } from "./services/myData.js";
import { createPetitionExportService } from "./services/petitionExport.js";
import { createPetitionService } from "./services/petitions.js";
import { createTeamService } from "./services/team.js";
import { createInstanceHeartbeat } from "./services/instanceHeartbeat.js";
import { createUpdateClaims } from "./services/updateClaims.js";
import { createUserService } from "./services/users.js";
import { createRetention } from "./services/retention.js";
import { createConversationStorage, type ConversationStore } from "./db/conversationStorage.js";
import { openConversationNames, type StoredConversations } from "./bot/features/idleConversations/index.js";

export type AppConfig = Pick<CommonConfig, "PORT" | "ADMIN_IDS" | "DEFAULT_LOCALE" | "TZ_DEFAULT"> &
  Partial<Pick<CommonConfig, "DELIVERY_RATE_PER_SECOND" | "DELIVERY_PAID_RATE_PER_SECOND" | "DELIVERY_PAID_ENABLED" | "DELIVERY_CONCURRENCY" | "STATS_REFRESH_MINUTES" | "DATABASE_COMMAND_COUNTS">> &
  Partial<
    Pick<CommonConfig, "RETENTION_OUTBOX_CONTENT_DAYS" | "RETENTION_DELIVERIES_DAYS" | "RETENTION_CLOSED_CASE_TEXT_DAYS" | "RETENTION_AUDIT_DAYS" | "RETENTION_IDLE_CONVERSATION_DAYS">
  > & {
  botToken: string;
  apiRoot: string;
  mongoUri: string;
  /** 32 bytes as hex or base64 (DATA_ENCRYPTION_KEY). */
  dataEncryptionKey: string;
  /** Older keys still read during a key rotation (DATA_ENCRYPTION_OLD_KEYS). */
  dataEncryptionOldKeys?: string[];
  /** Telegram posts updates to this URL (webhook mode); absent, the bot polls. */
  webhook?: { url: string; secretToken: string };
  /**
   * The coordinator's desk (README "Coordinator's desk"): its public https address (DESK_URL, or the
   * webhook's origin + /desk/), or "this-server" for local mode and tests (http://127.0.0.1:<port>/desk/
   * of this process's HTTP server, shown in a frame by the emulator's web chat). Absent: the desk is off.
   */
  deskUrl?: string;
};

export interface AppOverrides {
  clock?: Clock;
  random?: RandomSource;
  /** Replace or wrap services (tests inject faults here). */
  wrapServices?: (services: BotServices) => BotServices;
  /** Port for the health/webhook server; 0 picks a free one. Tests pass 0. */
  httpPort?: number;
  /** Skip the HTTP server entirely (polling tests that do not need /healthz). */
  withoutHttp?: boolean;
  pollTimeoutSeconds?: number;
  /** Per-user flood limit on incoming updates; tests that type faster than people raise it. */
  floodLimit?: { limit: number; timeFrameMs: number };
  /** How long a reply keeps trying while Telegram is away (src/bot/telegramUnreachable.ts); tests of what comes after pass 0. */
  replyOutageBudgetMs?: number;
  /** Heartbeat timing (see src/services/instanceHeartbeat.ts). */
  heartbeat?: { ttlMs?: number; intervalMs?: number };
  /** Delivery worker settings (tests: fast retries, a shifted clock, a progress listener…). */
  delivery?: Partial<Omit<DeliveryWorkerOptions, "models" | "api" | "budget">>;
}

export interface App {
  bot: CreatedBot["bot"];
  i18n: CreatedBot["i18n"];
  models: Models;
  connection: Connection;
  services: BotServices;
  scheduler: Scheduler;
  /** The outbox dispatcher of this process (it sends only while it holds the database lease). */
  deliveryWorker: DeliveryWorker;
  /** The chats' conversation state, as this process reads, writes and (polling) remembers it. */
  conversations: ConversationStore<StoredConversations>;
  /** Base URL of the health/webhook server, when it runs. */
  httpUrl?: string;
  /** Graceful stop: no new updates, in-flight ones finish, scheduler stops, database closes. */
  stop(): Promise<void>;
}

/** `AppConfig.deskUrl` for the desk served at this process's own loopback address (local mode, tests). */
export const DESK_ON_THIS_SERVER = "this-server";

/**
 * What a polling process remembers of chats' conversation state (db/conversationStorage.ts): the
 * last state it read or wrote per chat, so a conversation's next step reads nothing (bench:updates:
 * one database command less per update). Entries are the stored, encrypted text (~4 KB for a
 * registration at its summary): at most ~20 MB for 5,000 chats; none older than 10 minutes.
 */
const REMEMBERED_CONVERSATIONS = { maxEntries: 5_000, maxAgeMs: 10 * 60_000 };
/** After a 409 from getUpdates (another process polls with this token), how long nothing is remembered. */
const ANOTHER_POLLER_SUSPENDS_MS = 10 * 60_000;

/** Start-up in one place: database → services → bot → polling or webhook → scheduler. */
export async function startApp(config: AppConfig, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  // The update claims, the conversations, the users and the cases have connections of their own (DatabaseLanes).
  const lanes = await connectDatabaseLanes(config.mongoUri, { log, countCommands: config.DATABASE_COMMAND_COUNTS ?? false });
  const connection = lanes.main;
  const connections = laneConnections(lanes);
  const databaseAvailable = () => connections.every(isConnected);
  const closeDatabase = async () => {
    for (const lane of connections) await lane.close();
  };
  const cipher = createFieldCipher(parseEncryptionKey(config.dataEncryptionKey), (config.dataEncryptionOldKeys ?? []).map(parseEncryptionKey));
  // Before anything writes: a wrong key (or a rotation not yet run) stops here (main.ts: exit 2).
  try {
    const keyCheck = await verifyEncryptionKey(connection.db!, cipher, { now: clock.now(), accept: "current-key" });
    log.info({ keyId: cipher.keyId, firstStart: keyCheck.created }, "encryption key verified");
  } catch (error) {
    await closeDatabase();
    throw error;
  }
  const models = createModels(connection, { updateClaims: lanes.updateClaims, users: lanes.users, cases: lanes.cases, reads: lanes.reads });
  await ensureIndexes(connection, models);

  // Users are stored by pseudonym (cipher.userRef); services take Telegram ids and convert.
  const audit = createAuditTrail(models, clock, cipher);
  // Petition refs: the petition service draws them from node:crypto unless a test injects a source.
  const random = overrides.random;
  // This process's heartbeat: an update it leaves half-handled (killed) is taken over once it stops.
  const heartbeat = createInstanceHeartbeat(models, clock, log, overrides.heartbeat);
  await heartbeat.start();
  let botUsername = "";
  let deskUrl: string | undefined;
  // The worker starts after the bot; the service wakes it through this holder once it exists.
  const workerLink = createWorkerLink();
  const delivery = createDeliveryService(models, clock, {
    contentCipher: cipher,
    onChange: workerLink.ring,
    liveProgress: workerLink.liveProgress,
  });
  const users = createUserService(models, clock, config.ADMIN_IDS, cipher, config.TZ_DEFAULT);
  // Every privileged service re-reads the acting user's roles through this at the moment it acts.
  const actorNow = users.actorNow;
  const reminders = createReminderService({ models, clock, delivery, cipher, defaultLocale: config.DEFAULT_LOCALE, defaultTimeZone: config.TZ_DEFAULT });
  const cases = createCaseService({ models, clock, cipher, audit, delivery, defaultLocale: config.DEFAULT_LOCALE, actorNow });
  const duplicateChecks = createDuplicateCheckQueue({ check: (caseId) => cases.checkDuplicates(caseId), log: log.child({ component: "duplicate-checks" }) });
  // The chats' conversation state: the bot's, the hourly reminder job's and the retention job's, one
  // store, so what a polling process remembers of a chat changes with every change it makes.
  const conversationStore = createConversationStorage<StoredConversations>(lanes.conversations, {
    cipher,
    clock,
    namesOf: openConversationNames,
    // Telegram serves one poller at a time, so a polling process is the only writer (a webhook may have several).
    ...(config.webhook ? {} : { remember: REMEMBERED_CONVERSATIONS }),
  });
  const registrationReminders = createRegistrationReminders({
    conversations: { idleWith: (name, since, idleSince) => conversationStore.idleWith(name, since, idleSince, holdsNewRegistration) },
    models,
    reminders,
    cipher,
    conversationName: REGISTRATION_CONVERSATION,
  });
  const statsRefreshMinutes = config.STATS_REFRESH_MINUTES ?? 5;
  const statistics = createStatisticsService({ models, clock, audit, actorNow, maxAgeMs: 2 * statsRefreshMinutes * 60_000 });
  const baseServices: BotServices = {
    config: { DEFAULT_LOCALE: config.DEFAULT_LOCALE, ADMIN_IDS: config.ADMIN_IDS },
    clock,
    users,
    team: createTeamService(models, clock, audit, actorNow, cipher, { forgetProfile: (userId) => users.forgetCached(userId) }),
    updateClaims: createUpdateClaims(models, clock, heartbeat),
    audit,
    auditLog: createAuditLogService({ models, clock, cipher, actorNow, audit, timeZone: config.TZ_DEFAULT }),
    locations: createLocationService(models, clock, audit, actorNow, cipher),
    cases,
    duplicateChecks,
    caseSearch: createCaseSearchService({ models, clock, cipher, audit, actorNow, tally: statistics.currentTally }),
    broadcasts: createBroadcastService({ models, clock, delivery, audit, defaultLocale: config.DEFAULT_LOCALE, actorNow, cipher, defaultTimeZone: config.TZ_DEFAULT }),
    events: createEventService({ models, clock, delivery, reminders, audit, actorNow, cipher, defaultLocale: config.DEFAULT_LOCALE, defaultTimeZone: config.TZ_DEFAULT }),
    petitions: createPetitionService({
      models,
      clock,
      audit,
      random,
      timeZone: config.TZ_DEFAULT,
      fields: cipher,
      log,
      delivery,
      defaultLocale: config.DEFAULT_LOCALE,
      actorNow,
      cipher,
      reminders,
    }),
    appeals: createAppealService({ models, clock, fields: cipher, cipher }),
    statistics,
    petitionExport: createPetitionExportService({ models, clock, audit, fields: cipher, actorNow }),
    myData: createMyDataService({ models, clock, cipher, audit, cases, users, conversations: conversationStore, adminIds: config.ADMIN_IDS }),
    delivery,
    reminders,
    registrationReminders,
    petitionDeadlines: createPetitionDeadlines({ models, clock, delivery, reminders, audit, actorNow, defaultLocale: config.DEFAULT_LOCALE }),
    isDatabaseAvailable: databaseAvailable,
    botUsername: () => botUsername,
    deskUrl: () => deskUrl,
  };
  const services = overrides.wrapServices ? overrides.wrapServices(baseServices) : baseServices;

  // One sending budget per process: replies (also those inside conversations) spend from it without
  // waiting, broadcasts wait for what is left.
  const sendBudget = createSendBudget({ perSecond: config.DELIVERY_RATE_PER_SECOND ?? 30 });
  const retention = createRetention({
    models,
    conversations: conversationStore,
    periods: {
      ...(config.RETENTION_OUTBOX_CONTENT_DAYS !== undefined ? { outboxContentDays: config.RETENTION_OUTBOX_CONTENT_DAYS } : {}),
      ...(config.RETENTION_DELIVERIES_DAYS !== undefined ? { deliveriesDays: config.RETENTION_DELIVERIES_DAYS } : {}),
      ...(config.RETENTION_CLOSED_CASE_TEXT_DAYS !== undefined ? { closedCaseTextDays: config.RETENTION_CLOSED_CASE_TEXT_DAYS } : {}),
      ...(config.RETENTION_AUDIT_DAYS !== undefined ? { auditDays: config.RETENTION_AUDIT_DAYS } : {}),
      ...(config.RETENTION_IDLE_CONVERSATION_DAYS !== undefined ? { idleConversationDays: config.RETENTION_IDLE_CONVERSATION_DAYS } : {}),
    },
  });
  const { bot, i18n } = createBot({
    cipher,
    idleConversationDays: retention.periods.idleConversationDays,
    token: config.botToken,
    apiRoot: config.apiRoot,
    services,
    conversations: conversationStore,
    log,
    defaultLocale: config.DEFAULT_LOCALE,
    floodLimit: overrides.floodLimit,
    replyOutageBudgetMs: overrides.replyOutageBudgetMs,
    outgoing: [spendFromBudget(sendBudget)],
  });
  await untilTelegramAnswers(() => bot.init(), log);
  botUsername = bot.botInfo.username;
  await registerDefaultCommands(bot.api, i18n as never, config.DEFAULT_LOCALE).catch((error: unknown) =>
    log.warn({ err: (error as Error).message }, "could not register commands"),
  );

  let poller: Poller | undefined;
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  const webhook = config.webhook;
  const onThisServer = config.deskUrl === DESK_ON_THIS_SERVER;
  // The desk's routes on this process's HTTP server; the page is allowed in Telegram's web clients'
  // frames, and in local mode in the emulator's web chat (same origin as its Bot API).
  const desk =
    config.deskUrl !== undefined
      ? createDeskServer({
          botToken: config.botToken,
          clock,
          log: log.child({ component: "desk" }),
          users: services.users,
          locations: services.locations,
          i18n,
          localesDirectory: LOCALES_DIRECTORY,
          defaultLocale: config.DEFAULT_LOCALE,
          defaultTimeZone: config.TZ_DEFAULT,
          frameAncestors: onThisServer ? loopbackOrigins(config.apiRoot) : [],
          // The data routes: the chat's services (roles re-read as they act); the export goes out through the bot's Api.
          handlers: createDeskHandlers({ services, api: bot.api }),
        })
      : undefined;
  if (webhook || desk || !overrides.withoutHttp) {
    http = await startHttpServer({
      port: overrides.httpPort ?? config.PORT,
      log,
      isHealthy: databaseAvailable,
      databaseCommands: config.DATABASE_COMMAND_COUNTS ? () => databaseCommandCounts(connections) : undefined,
      databaseTimes: config.DATABASE_COMMAND_COUNTS ? () => databaseCommandTimes(connections) : undefined,
      webhook: webhook ? { bot, path: new URL(webhook.url).pathname, secretToken: webhook.secretToken } : undefined,
      desk,
    });
  }
  if (config.deskUrl !== undefined) deskUrl = onThisServer ? `${http!.url}${DESK_PATH}/` : config.deskUrl;
  if (webhook) {
    await untilTelegramAnswers(() => bot.api.setWebhook(webhook.url, { secret_token: webhook.secretToken }), log);
  } else {
    await untilTelegramAnswers(() => bot.api.deleteWebhook(), log);
    poller = startPolling(bot, {
      log,
      timeoutSeconds: overrides.pollTimeoutSeconds ?? 25,
      // Another poller with this token: it may write chats' states too, so nothing remembered is relied on for a while.
      onConflict: () => conversationStore.suspendRemembering(ANOTHER_POLLER_SUSPENDS_MS),
    });
  }

  const jobs = [
    ...maintenanceJobs(services.updateClaims, retention),
    nameKeysJob(createNameKeysUpgrade({ models, cipher }), log),
    ...petitionJobs(services.petitions),
    statisticsJob(services.statistics, statsRefreshMinutes),
    // Its first tick after a start also sends what fell due while the bot was down.
    ...reminderJobs({ runDue: (now) => services.reminders.runDue(now), purgeDone: (now) => reminders.purgeDone(now) }),
    ...followUpJobs({
      registrations: registrationReminders,
      caseCheckins: createCaseCheckins({ models, reminders: services.reminders }),
      petitionDeadlines: services.petitionDeadlines,
    }),
    {
      // A registration answers the family before its duplicate search: one a crash cut short is run here.
      name: "check-unchecked-duplicates",
      cron: "* * * * *",
      run: async (now: Date) => {
        await services.cases.checkUncheckedDuplicates(new Date(now.getTime() - 60_000));
      },
    },
    {
      name: "retry-case-notifications",
      cron: "* * * * *",
      run: async (now: Date) => {
        await services.cases.retryPendingNotifications(new Date(now.getTime() - 60_000));
      },
    },
  ];
  const scheduler = startScheduler({ jobs, models, clock, log, timezone: config.TZ_DEFAULT });

  // Text in a user's language outside a conversation: one renderer, from the bot's own i18n. News
  // jobs store only what they are about; the worker reads it back and renders it when it sends.
  const messages = createMessageRenderer(i18n, { defaultLocale: config.DEFAULT_LOCALE, botUsername, organiserTimeZone: config.TZ_DEFAULT });
  const readNotice = createNoticeReader({ models, cipher });
  // The worker sends through its own Api without auto-retry: it obeys 429/5xx itself.
  const deliveryWorker = startDeliveryWorker({
    models,
    api: new Api(config.botToken, { apiRoot: config.apiRoot, timeoutSeconds: 15 }),
    clock,
    log: log.child({ component: "delivery" }),
    budget: sendBudget,
    contentCipher: cipher,
    concurrency: config.DELIVERY_CONCURRENCY ?? 8,
    paid: { enabled: config.DELIVERY_PAID_ENABLED ?? false, perSecond: config.DELIVERY_PAID_RATE_PER_SECOND ?? 1000 },
    markUnreachable: (userRefs) => services.users.markManyUnreachable(userRefs),
    // The only place a stored pseudonym becomes a chat id again: to send.
    chatIdOf: (ref) => cipher.telegramIdOf(ref),
    render: async (subject, locale) => {
      const notice = await readNotice(subject);
      return notice ? messages.render(locale, notice) : null;
    },
    // The sender's live progress message (sent / failed / remaining / ETA), and the final report.
    onProgress: broadcastProgressReporter(bot.api, messages, log),
    // The lease names this process as its heartbeat does: a restart sees at once when it was killed.
    holder: heartbeat.instanceId,
    ...overrides.delivery,
  });
  workerLink.connect(deliveryWorker);
  // Telegram's cap is per bot: the dispatcher's broadcasts leave room for every process's replies.
  const sharedReplies = startSharedReplies({
    models,
    clock,
    log,
    budget: sendBudget,
    instanceId: heartbeat.instanceId,
    isDispatcher: () => deliveryWorker.dispatching,
  });
  const worker = deliveryWorker;
  log.info({ mode: webhook ? "webhook" : "polling", bot: botUsername }, "bot started");

  let stopped = false;
  return {
    bot,
    i18n,
    models,
    connection,
    services,
    scheduler,
    deliveryWorker: worker,
    conversations: conversationStore,
    httpUrl: http?.url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await poller?.stop();
      await http?.close();
      await scheduler.stop();
      await duplicateChecks.stop();
      await worker.stop();
      await sharedReplies.stop();
      // Last, after in-flight updates finished: a restarted process need not wait for it to go stale.
      await heartbeat.stop().catch((error: unknown) => log.warn({ err: (error as Error).message }, "could not remove the heartbeat"));
      await closeDatabase();
      log.info("bot stopped");
    },
  };
}

/** The emulator's origin as a browser may name it: 127.0.0.1 and localhost are different origins to a frame-ancestors check. */
function loopbackOrigins(apiRoot: string): string[] {
  const url = new URL(apiRoot);
  const port = url.port ? `:${url.port}` : "";
  const loopback = ["127.0.0.1", "localhost"];
  return loopback.includes(url.hostname) ? loopback.map((host) => `${url.protocol}//${host}${port}`) : [url.origin];
}
