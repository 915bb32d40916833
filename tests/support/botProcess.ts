// The real bot (src/main.ts) in its own process, as in production, against a test's own emulator and
// database: for stories where the process is killed (kill -9) or stopped and started again.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Connection } from "mongoose";
import { connectDatabase } from "../../src/db/connection.js";
import { createModels, type Models } from "../../src/db/models/index.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { silentLogger } from "../../src/logger.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { startTestEmulator } from "./testEmulator.js";
import { TEST_DATA_KEY } from "./userRefs.js";

const root = path.resolve(import.meta.dirname, "../..");

export interface BotProcessWorld {
  emulator: TelegramEmulator;
  database: TestDatabase;
  /** The test's own view of the database the processes use. */
  models: Models;
  /**
   * Starts src/main.ts against this emulator and database: in polling mode, unless `env` says
   * otherwise (BOT_MODE=webhook…). With `stdout: "pipe"` the test reads its log lines (and must).
   */
  startBot(options?: { env?: Record<string, string>; stdout?: "inherit" | "pipe" }): ChildProcess;
  /** Kills what is still running and removes the emulator and the database. */
  close(): Promise<void>;
}

export async function openBotProcessWorld(): Promise<BotProcessWorld> {
  const emulator = await startTestEmulator();
  const database = await createTestDatabase();
  const connection: Connection = await connectDatabase(database.uri, { log: silentLogger });
  const running = new Set<ChildProcess>();
  return {
    emulator,
    database,
    models: createModels(connection),
    startBot(options = {}) {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          BOT_TOKEN: emulator.token,
          TELEGRAM_API_ROOT: emulator.apiRoot,
          MONGODB_URI: database.uri,
          DATA_ENCRYPTION_KEY: TEST_DATA_KEY,
          PORT: "0",
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
          ...options.env,
        },
        stdio: ["ignore", options.stdout ?? "inherit", "inherit"],
      });
      running.add(child);
      child.on("exit", () => running.delete(child));
      return child;
    },
    async close() {
      for (const child of running) child.kill("SIGKILL");
      await connection.close();
      await emulator.stop();
      await database.drop().catch(() => undefined);
    },
  };
}

/** Resolves with the exit code once the process has ended (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.on("exit", (code) => resolve(code))));
}
