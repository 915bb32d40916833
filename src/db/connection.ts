import mongoose, { type Connection } from "mongoose";
import type { Logger } from "../logger.js";
import { sleep } from "../sleep.js";

export interface DatabaseConnectOptions {
  log: Logger;
  /** First retry delay; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/** Thrown (or recognised) when the database cannot be reached right now. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("database unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

const UNAVAILABLE_ERROR_NAMES = new Set([
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoServerSelectionError",
  "MongoNotConnectedError",
  "MongoTopologyClosedError",
  "MongoPoolClearedError",
  "MongoExpiredSessionError",
  "PoolClosedError",
]);

export function isDatabaseUnavailableError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    if (UNAVAILABLE_ERROR_NAMES.has(current.name)) return true;
    if (/buffering timed out|connection .* closed|ECONNREFUSED|ECONNRESET|client must be connected/i.test(current.message)) return true;
    // grammY wraps handler errors in BotError { error }; drivers chain with { cause }.
    current = (current as { error?: unknown }).error ?? current.cause;
  }
  return false;
}

/**
 * Opens a dedicated connection (not mongoose's global one, so tests can run several bots in one
 * process), retrying with exponential backoff until the server answers. Commands are not buffered:
 * while the database is away, operations fail fast and the bot tells users to try later.
 */
export async function connectDatabase(uri: string, options: DatabaseConnectOptions): Promise<Connection> {
  const { log, initialDelayMs = 500, maxDelayMs = 10_000, signal } = options;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: 3_000,
      heartbeatFrequencyMS: 1_000,
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    try {
      await connection.asPromise();
      log.info({ attempt }, "database connected");
      connection.on("disconnected", () => log.warn("database disconnected"));
      connection.on("reconnected", () => log.info("database reconnected"));
      return connection;
    } catch (error) {
      await connection.close(true).catch(() => undefined);
      if (signal?.aborted) throw new DatabaseUnavailableError(error);
      log.warn({ attempt, retryInMs: delay, err: { name: (error as Error).name } }, "database not reachable yet");
      await sleep(delay, signal);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

export function isConnected(connection: Connection): boolean {
  return connection.readyState === mongoose.ConnectionStates.connected;
}
