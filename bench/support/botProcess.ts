// The real bot (src/main.ts) in its own process for a benchmark, as in production: against the
// benchmark's emulator and database, with its own environment; started, measured and stopped.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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
}

/**
 * Starts src/main.ts and resolves once it polls the emulator (deleteWebhook is its last call
 * before polling; a long poll is logged only when answered). Its log goes to stderr, next to the
 * benchmark's. Throws when it exits or has not started within a minute.
 */
export async function startBenchBot(options: BenchBotOptions): Promise<ChildProcess> {
  const { emulator } = options;
  const polls = () => emulator.state.log.summary().byMethod.deleteWebhook?.calls ?? 0;
  const before = polls();
  const child = spawn(process.execPath, options.built ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", 2, 2],
    env: {
      ...process.env,
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      MONGODB_URI: options.mongoUri,
      DATA_ENCRYPTION_KEY: options.dataKey.toString("base64"),
      PORT: String(await freePort()),
      ...options.env,
    },
  });
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

/** The process's peak resident memory so far (VmHWM), in MB. */
export const peakRssMb = (pid: number | undefined): number => memoryMb(pid, "VmHWM");

/** The process's resident memory now (VmRSS), in MB. */
export const rssMb = (pid: number | undefined): number => memoryMb(pid, "VmRSS");
