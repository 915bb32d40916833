import mongoose, { type Connection } from "mongoose";
import type { Logger } from "../logger.js";
import { sleep } from "../sleep.js";

export interface DatabaseConnectOptions {
  log: Logger;
  /** First retry delay; doubles up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Counts every command the driver sends, by name (its command monitoring); read with databaseCommandCounts(). */
  countCommands?: boolean;
  /** At most this many connections to the server (overrides the URI's maxPoolSize). */
  maxPoolSize?: number;
  /** Which of the process's connections this is, in its log lines ("update claims", "conversations"). */
  lane?: string;
}

const commandCounts = new WeakMap<Connection, Record<string, number>>();
/** A lane's commands of one name: how many answered, and the milliseconds the server took for them. */
export interface CommandTime {
  count: number;
  ms: number;
}
const commandTimes = new WeakMap<Connection, Record<string, CommandTime>>();

/** The commands sent so far on the connections opened with `countCommands`, by name, summed. */
export function databaseCommandCounts(connections: Connection[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const connection of connections) {
    for (const [name, n] of Object.entries(commandCounts.get(connection) ?? {})) sum[name] = (sum[name] ?? 0) + n;
  }
  return sum;
}

/**
 * The milliseconds the server took for the commands sent so far on the connections opened with
 * `countCommands`, by lane and name ("conversations 1/update"): where an update's time goes.
 */
export function databaseCommandTimes(connections: Connection[]): Record<string, CommandTime> {
  const sum: Record<string, CommandTime> = {};
  for (const connection of connections) {
    for (const [name, { count, ms }] of Object.entries(commandTimes.get(connection) ?? {})) {
      const entry = (sum[name] ??= { count: 0, ms: 0 });
      entry.count += count;
      entry.ms += ms;
    }
  }
  return sum;
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
  const { initialDelayMs = 500, maxDelayMs = 10_000, signal, countCommands = false, maxPoolSize, lane } = options;
  const log = lane ? options.log.child({ lane }) : options.log;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: 3_000,
      heartbeatFrequencyMS: 1_000,
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
      monitorCommands: countCommands,
      ...(maxPoolSize !== undefined ? { maxPoolSize } : {}),
    });
    if (countCommands) {
      const counts: Record<string, number> = {};
      commandCounts.set(connection, counts);
      const times: Record<string, CommandTime> = {};
      commandTimes.set(connection, times);
      const client = connection.getClient();
      client.on("commandStarted", (event: { commandName: string }) => {
        counts[event.commandName] = (counts[event.commandName] ?? 0) + 1;
      });
      const timed = (event: { commandName: string; duration: number }) => {
        const entry = (times[`${lane ?? "main"}/${event.commandName}`] ??= { count: 0, ms: 0 });
        entry.count += 1;
        entry.ms += event.duration;
      };
      client.on("commandSucceeded", timed);
      client.on("commandFailed", timed);
    }
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

/**
 * The process's connections to the database, one lane each. FerretDB (development, CI, the
 * benchmarks) needs one connection per process for correct concurrent updates — it loses updates
 * of one document made at once over two connections — and serves one command per connection at a
 * time. A collection used by one lane only is never written over two connections of one process,
 * so the hot path of every update gets lanes of its own, and its commands run beside other
 * updates' instead of after them (bench:updates):
 * - `updateClaims`: the claims and completions of updates, UPDATE_CLAIM_CONNECTIONS connections.
 *   Inserts on a unique `_id` hold over any number of connections; the one update of a claim (a
 *   dead process's taken over) is made by the only handler of that update in this process;
 * - `conversations`: every chat's conversation state (read and written at each update of a
 *   conversation), CONVERSATION_CONNECTIONS single connections; a chat's state always goes over
 *   the same one (db/conversationStorage.ts picks it by the chat's key);
 * - `users`: the users' profiles (read by every update whose sender's profile is not remembered,
 *   and written when a language or a setting changes), with the URI's pool;
 * - `cases`: the cases, their family links and their events (a registration's save writes all
 *   three), with the URI's pool: a burst of saves does not hold the profiles and everything else back;
 * - `reads`: reads that write nothing and may run beside the writes of their collection (the
 *   duplicate search of a registration's save), READ_CONNECTIONS connections: reads hold over any
 *   number of connections, and a burst of saves no longer waits for each other's searches;
 * - `main`: everything else, with the URI's pool (one on FerretDB, MongoDB's default otherwise).
 */
export interface DatabaseLanes {
  main: Connection;
  users: Connection;
  cases: Connection;
  reads: Connection;
  updateClaims: Connection;
  conversations: Connection[];
}

/**
 * The conversations' connections (each chat's state on one of them). Closed loops of 150 people
 * (bench:updates, alternating runs): 2 gave 222–271 answers/s with both ~85 % busy, 4 gave
 * 300–320/s, 8 gave 305–326/s (the bot's one core the limit by then).
 */
const CONVERSATION_CONNECTIONS = 4;

/** The reads' connections. */
const READ_CONNECTIONS = 4;

/** The update claims' connections: the claims' and the completions' group inserts, a takeover, the purge beside them. */
const UPDATE_CLAIM_CONNECTIONS = 4;

/** Opens the lanes (see DatabaseLanes); on failure, closes what was opened. */
export async function connectDatabaseLanes(uri: string, options: DatabaseConnectOptions): Promise<DatabaseLanes> {
  const opened: Connection[] = [];
  try {
    const main = await connectDatabase(uri, options);
    opened.push(main);
    const users = await connectDatabase(uri, { ...options, lane: "users" });
    opened.push(users);
    const cases = await connectDatabase(uri, { ...options, lane: "cases" });
    opened.push(cases);
    const reads = await connectDatabase(uri, { ...options, maxPoolSize: READ_CONNECTIONS, lane: "reads" });
    opened.push(reads);
    const updateClaims = await connectDatabase(uri, { ...options, maxPoolSize: UPDATE_CLAIM_CONNECTIONS, lane: "update claims" });
    opened.push(updateClaims);
    const conversations: Connection[] = [];
    for (let i = 0; i < CONVERSATION_CONNECTIONS; i++) {
      const connection = await connectDatabase(uri, { ...options, maxPoolSize: 1, lane: `conversations ${i + 1}` });
      opened.push(connection);
      conversations.push(connection);
    }
    return { main, users, cases, reads, updateClaims, conversations };
  } catch (error) {
    for (const connection of opened) await connection.close(true).catch(() => undefined);
    throw error;
  }
}

/** Every lane's connection, for checks and closing. */
export const laneConnections = (lanes: DatabaseLanes): Connection[] => [lanes.main, lanes.users, lanes.cases, lanes.reads, lanes.updateClaims, ...lanes.conversations];

export function isConnected(connection: Connection): boolean {
  return connection.readyState === mongoose.ConnectionStates.connected;
}
