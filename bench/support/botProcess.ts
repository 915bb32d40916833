// The real bot (src/main.ts) in its own process for a benchmark, as in production: against the
// benchmark's emulator and database, with its own environment; started, measured and stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CommandTime } from "../../src/db/connection.js";
import { freePort } from "../../src/db/server/index.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { sleep } from "../../src/sleep.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BenchBotOptions {
  emulator: TelegramEmulator;
  mongoUri: string;
  /** The run's key: the bot stores recipients by pseudonyms under it, and the benchmark makes them with it. */
  dataKey: Buffer;
  /** More of the bot's environment (LOG_LEVEL, DELIVERY_*). */
  env?: Record<string, string>;
  /** Run the built dist/main.js, as the Docker image does (after `npm run build`), instead of src/main.ts through tsx. */
  built?: boolean;
  /** Count the bot's database commands (DATABASE_COMMAND_COUNTS): read them with botDatabaseCommands(). */
  countCommands?: boolean;
  /**
   * Webhook mode instead of polling: Telegram (the emulator) posts updates to `url` (a proxy in
   * front of several processes), and this process listens on `port`.
   */
  webhook?: { url: string; port: number; secret: string };
}

/**
 * The emulator's sending caps lifted: Telegram's 30 messages/s are for broadcasts, and what the
 * updates' benchmarks measure is the bot's replies to people.
 */
export const REPLY_LIMITS_LIFTED = { globalPerSecond: 100_000, paidPerSecond: 100_000, perChatPerSecond: 1_000, perChatBurst: 1_000 };

/** The node flags the Docker image runs the bot with (Dockerfile, NODE_OPTIONS). */
export const IMAGE_NODE_FLAGS = "--max-old-space-size=192";

/** The HTTP port of each bot started here (its /metrics/database-commands). */
const httpPorts = new WeakMap<ChildProcess, number>();

/** Not the bot's work: the driver's session bookkeeping and handshakes. */
const DRIVER_COMMANDS = new Set(["hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo", "saslStart", "saslContinue", "getParameter"]);

/**
 * The database commands a bot started with `countCommands` has sent so far, by name, as its MongoDB
 * driver's command monitoring counted them (GET /metrics/database-commands of the bot's HTTP server).
 */
export async function botDatabaseCommands(child: ChildProcess): Promise<Record<string, number>> {
  const port = httpPorts.get(child);
  if (port === undefined) throw new Error("the bot was not started with countCommands");
  const response = await fetch(`http://127.0.0.1:${port}/metrics/database-commands`);
  if (!response.ok) throw new Error(`database command counts: HTTP ${response.status}`);
  const counts = (await response.json()) as Record<string, number>;
  return Object.fromEntries(Object.entries(counts).filter(([name]) => !DRIVER_COMMANDS.has(name)));
}

/**
 * The milliseconds the database took for a bot's commands so far, by lane and command
 * ("conversations 1/update"), from its driver's command monitoring (GET /metrics/database-time).
 */
export async function botDatabaseTimes(child: ChildProcess): Promise<Record<string, CommandTime>> {
  const port = httpPorts.get(child);
  if (port === undefined) throw new Error("the bot was not started with countCommands");
  const response = await fetch(`http://127.0.0.1:${port}/metrics/database-time`);
  if (!response.ok) throw new Error(`database command times: HTTP ${response.status}`);
  return (await response.json()) as Record<string, CommandTime>;
}

/** The sum of a set of counts by name. */
export const totalOf = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Starts src/main.ts and resolves once it polls the emulator (deleteWebhook is its last call
 * before polling; a long poll is logged only when answered) or, in webhook mode, once it has set
 * its webhook (its last call before it takes updates). Its log goes to stderr, next to the
 * benchmark's. Throws when it exits or has not started within a minute.
 */
export async function startBenchBot(options: BenchBotOptions): Promise<ChildProcess> {
  const { emulator, webhook } = options;
  const polls = () => emulator.state.log.summary().byMethod[webhook ? "setWebhook" : "deleteWebhook"]?.calls ?? 0;
  const before = polls();
  const httpPort = webhook?.port ?? (await freePort());
  // BOT_NODE_FLAGS: V8 flags for the bot's node only (e.g. "--optimize-for-size", which NODE_OPTIONS
  // refuses); by default the Docker image's (its NODE_OPTIONS), "" for none.
  const nodeFlags = (process.env.BOT_NODE_FLAGS ?? IMAGE_NODE_FLAGS).split(" ").filter(Boolean);
  const child = spawn(process.execPath, options.built ? [...nodeFlags, ...(process.env.PROFILE_BOT ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_BOT}`] : []), "dist/main.js"] : ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", 2, 2],
    env: {
      ...process.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      MONGODB_URI: options.mongoUri,
      DATA_ENCRYPTION_KEY: options.dataKey.toString("base64"),
      PORT: String(httpPort),
      ...(options.countCommands ? { DATABASE_COMMAND_COUNTS: "true" } : {}),
      ...(webhook ? { BOT_MODE: "webhook", WEBHOOK_URL: webhook.url, WEBHOOK_SECRET: webhook.secret } : {}),
      ...options.env,
    },
  });
  httpPorts.set(child, httpPort);
  const until = Date.now() + 60_000;
  while (polls() === before) {
    if (child.exitCode !== null || Date.now() > until) throw new Error("the bot did not start");
    await sleep(100);
  }
  return child;
}

/** Stops the bot with `signal` (SIGKILL after 15 s) and waits for it to exit; nothing to do if it has. */
export async function stopBenchBot(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** A memory figure of a process from /proc, in MB (0 once it is gone). */
function memoryMb(pid: number | undefined, field: "VmHWM" | "VmRSS"): number {
  if (!pid) return 0;
  try {
    const match = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The CPU time (user + system) a process has used so far, in ms, from /proc (0 once it is gone). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // After the command's name in parentheses: state, then fields 4…; utime and stime are fields 14 and 15, in ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The process's peak resident memory so far (VmHWM), in MB. */
export const peakRssMb = (pid: number | undefined): number => memoryMb(pid, "VmHWM");

/** The process's resident memory now (VmRSS), in MB. */
export const rssMb = (pid: number | undefined): number => memoryMb(pid, "VmRSS");
