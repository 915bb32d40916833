import type { AppConfig, AppOverrides, App } from "../../src/app.js";
import { startApp } from "../../src/app.js";
import type { EmulatorOptions, TelegramEmulator } from "../../src/emulator/index.js";
import { createLogger, silentLogger, type Logger } from "../../src/logger.js";

/** TEST_LOG_LEVEL=debug shows the bot's logs while debugging a test. */
const testLogger = process.env.TEST_LOG_LEVEL ? createLogger(process.env.TEST_LOG_LEVEL, process.stderr) : silentLogger;
import { createTestDatabase } from "./database.js";
import { startTestEmulator } from "./testEmulator.js";
import { TEST_DATA_KEY } from "./userRefs.js";

export interface TestBot {
  emulator: TelegramEmulator;
  app: App;
  mongoUri: string;
  /** Stops the bot (gracefully) and starts it again on the same database and emulator. */
  restart(overrides?: AppOverrides): Promise<App>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  adminIds?: number[];
  overrides?: AppOverrides;
  emulator?: EmulatorOptions;
  config?: Partial<AppConfig>;
  /** Use this database URI instead of a fresh one (e.g. through a proxy). */
  mongoUri?: string;
  /** The bot's logger (default: silent, or TEST_LOG_LEVEL); log tests pass one writing to a capture stream. */
  logger?: Logger;
}

/** A real bot on a fresh test database, talking to an in-process Telegram emulator. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const emulator = await startTestEmulator(options.emulator);
  const database = options.mongoUri ? undefined : await createTestDatabase();
  const mongoUri = options.mongoUri ?? database!.uri;
  const config: AppConfig = {
    PORT: 0,
    ADMIN_IDS: options.adminIds ?? [],
    DEFAULT_LOCALE: "fa",
    TZ_DEFAULT: "Asia/Tehran",
    botToken: emulator.token,
    apiRoot: emulator.apiRoot,
    mongoUri,
    dataEncryptionKey: TEST_DATA_KEY,
    ...options.config,
  };
  const baseOverrides: AppOverrides = { httpPort: 0, pollTimeoutSeconds: 1, floodLimit: { limit: 1000, timeFrameMs: 1000 }, ...options.overrides };
  const logger = options.logger ?? testLogger;
  let app = await startApp(config, logger, baseOverrides);
  const harness: TestBot = {
    emulator,
    get app() {
      return app;
    },
    mongoUri,
    async restart(overrides) {
      await app.stop();
      app = await startApp(config, logger, { ...baseOverrides, ...overrides });
      return app;
    },
    async stop() {
      await app.stop();
      await emulator.stop();
      await database?.drop().catch(() => undefined);
    },
  };
  return harness;
}

/** Removes Unicode bidi isolation marks Fluent puts around placeables, for readable assertions. */
export function plain(text: string | undefined): string {
  return (text ?? "").replace(/[\u2066-\u2069]/g, "");
}
