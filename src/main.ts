import { existsSync } from "node:fs";
import dotenv from "dotenv";
import { DESK_ON_THIS_SERVER, startApp, type App, type AppConfig } from "./app.js";
import { ConfigError, parseConfig, type Config, type LocalConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import type { LocalModeModule, LocalRun } from "./localModePort.js";
import { EncryptionKeyError } from "./security/keyCheck.js";

const SHUTDOWN_DEADLINE_MS = 10_000;
// A variable, not a literal: the compiler does not follow it, so the production build (and the
// Docker image) holds neither local mode nor the emulator and database launcher it brings.
const LOCAL_MODE_MODULE = "./localMode.js";

/** Start-up and shutdown: config → (local: database + emulator) → app → signals. */
async function main(): Promise<void> {
  if (existsSync(".env")) dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`${error.message}\nSee the configuration table in README.md.`);
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const cleanups: (() => Promise<void>)[] = [];

  let appConfig: AppConfig;
  let local: LocalRun | undefined;
  if (config.mode === "local") {
    const run = await startLocalMode(config, log);
    local = run;
    cleanups.push(() => run.stop());
    appConfig = {
      ...config,
      botToken: run.botToken,
      apiRoot: run.apiRoot,
      mongoUri: run.mongoUri,
      ADMIN_IDS: run.adminIds,
      dataEncryptionKey: run.dataEncryptionKey,
      dataEncryptionOldKeys: config.DATA_ENCRYPTION_OLD_KEYS,
      // The emulator's web chat opens the desk from this process's own HTTP server.
      deskUrl: config.DESK_URL ?? DESK_ON_THIS_SERVER,
    };
  } else {
    appConfig = {
      ...config,
      botToken: config.BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      mongoUri: config.MONGODB_URI,
      dataEncryptionKey: config.DATA_ENCRYPTION_KEY,
      dataEncryptionOldKeys: config.DATA_ENCRYPTION_OLD_KEYS,
      webhook: config.mode === "webhook" ? { url: config.WEBHOOK_URL, secretToken: config.WEBHOOK_SECRET } : undefined,
      deskUrl: config.DESK_URL,
    };
  }

  let app: App;
  try {
    app = await startApp(appConfig, log);
  } catch (error) {
    if (error instanceof EncryptionKeyError) {
      // Like a bad configuration: one clear message, exit 2, nothing written (local mode's database stops first).
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
      exitWith(error.message);
    }
    throw error;
  }
  cleanups.unshift(() => app.stop());
  if (local) {
    local.afterStart(app);
    process.stdout.write(local.welcome);
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      log.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log.error({ err: (error as Error).message }, "cleanup failed"));
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/** No token: the emulator and, when needed, a database, from a module only the source tree has. */
async function startLocalMode(config: LocalConfig, log: Logger): Promise<LocalRun> {
  let localMode: LocalModeModule;
  try {
    localMode = (await import(LOCAL_MODE_MODULE)) as LocalModeModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    exitWith(
      "BOT_TOKEN is not set. This build runs against Telegram only (set BOT_TOKEN, MONGODB_URI and DATA_ENCRYPTION_KEY);\n" +
        "local mode, with the emulator and a local database, runs from the source tree: npm start.",
    );
  }
  return localMode.startLocalMode(config, log);
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
