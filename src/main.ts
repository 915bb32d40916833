import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { startApp, type App } from "./app.js";
import { ConfigError, parseConfig, type Config } from "./config.js";
import { startDatabaseServer, withDatabaseName, type DatabaseServer } from "./db/server/index.js";
import { TelegramEmulator } from "./emulator/index.js";
import { createLogger, type Logger } from "./logger.js";
import { EncryptionKeyError } from "./security/keyCheck.js";

const SHUTDOWN_DEADLINE_MS = 10_000;
const LOCAL_DATABASE_NAME = "family_reach";

/** Start-up and shutdown: config → (local: database + emulator) → app → signals. */
async function main(): Promise<void> {
  if (existsSync(".env")) dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the configuration table in README.md.\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const cleanups: (() => Promise<void>)[] = [];

  let botToken = config.BOT_TOKEN;
  let apiRoot = config.TELEGRAM_API_ROOT;
  let mongoUri = config.MONGODB_URI;
  let adminIds = config.ADMIN_IDS;
  let dataEncryptionKey = config.DATA_ENCRYPTION_KEY;
  let emulator: TelegramEmulator | undefined;
  if (config.localMode) {
    ({ emulator, botToken, apiRoot, mongoUri, adminIds } = await startLocalMode(config, log, cleanups));
    dataEncryptionKey ??= localEncryptionKey();
  }

  let app: App;
  try {
    app = await startApp(
      {
        ...config,
        ADMIN_IDS: adminIds,
        botToken: botToken!,
        apiRoot,
        mongoUri: mongoUri!,
        dataEncryptionKey: dataEncryptionKey!,
        dataEncryptionOldKeys: config.DATA_ENCRYPTION_OLD_KEYS,
      },
      log,
    );
  } catch (error) {
    if (error instanceof EncryptionKeyError) {
      // Like a bad configuration: one clear message, exit 2, nothing written (local mode's database stops first).
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  cleanups.unshift(() => app.stop());

  if (emulator) {
    process.stdout.write(
      `\nLocal mode: no Telegram token, so the bot talks to the local emulator.\n` +
        `Open the web chat: ${emulator.webUrl}\n` +
        `(The first simulated user, id ${adminIds[0]}, is an admin in local mode.)\n\n`,
    );
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

/** No token: start a database (MONGODB_URI, mongod or FerretDB) and the emulator with its web chat. */
async function startLocalMode(config: Config, log: Logger, cleanups: (() => Promise<void>)[]) {
  let database: DatabaseServer | undefined;
  let mongoUri = config.MONGODB_URI;
  if (!mongoUri) {
    database = await startDatabaseServer({ dataDir: path.resolve(".local/db"), log: (line) => log.info({ db: line }, "database server") });
    mongoUri = withDatabaseName(database.uri, LOCAL_DATABASE_NAME);
    cleanups.push(() => database!.stop());
  }
    // update_ids keep growing across restarts, as Telegram's do: the bot remembers the ids it handled.
  const emulator = await TelegramEmulator.start({ port: Number(process.env.EMULATOR_PORT ?? 8081), firstUpdateId: Date.now() });
  cleanups.push(() => emulator.stop());
  const adminIds = config.ADMIN_IDS.length > 0 ? config.ADMIN_IDS : [100001];
  return { emulator, botToken: emulator.token, apiRoot: emulator.apiRoot, mongoUri, adminIds };
}

/** Local mode keeps a generated key next to its database, so encrypted fields survive restarts. */
function localEncryptionKey(): string {
  const file = path.resolve(".local/encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
