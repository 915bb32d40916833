import type { App } from "./app.js";
import type { LocalConfig } from "./config.js";
import type { Logger } from "./logger.js";

/**
 * What main.ts needs from local mode. The module itself (src/localMode.ts, with the emulator and
 * the database launcher) is loaded only when there is no token, and is not part of the production
 * build (tsconfig.build.json), so main.ts knows it by this description alone.
 */
export interface LocalModeModule {
  startLocalMode(config: LocalConfig, log: Logger): Promise<LocalRun>;
}

/** A running emulator (and a database and a key, when none was configured) for the bot to use. */
export interface LocalRun {
  botToken: string;
  apiRoot: string;
  mongoUri: string;
  adminIds: number[];
  dataEncryptionKey: string;
  /** What to tell the person who started it (the web chat's address). */
  welcome: string;
  /** Runs once the app has started (local mode seeds its demo data here; it does not wait for it). */
  afterStart(app: App): void;
  /** Stops the emulator, then a database local mode started. */
  stop(): Promise<void>;
}
