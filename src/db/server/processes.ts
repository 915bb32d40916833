import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { createInterface } from "node:readline";

export type Log = (line: string) => void;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/** A long-running child process (a database server) that dies with us. */
export interface ServerProcess {
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** The last lines it printed, for error messages. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

const STOP_GRACE_MS = 5_000;
const RECENT_LINES = 30;

// Children still running when this process exits. A synchronous "exit" hook is the last place we
// can act; SIGKILL there guarantees no orphaned server keeps a port and a data directory locked.
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function killOnExit(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const running of liveChildren) running.kill("SIGKILL");
    });
  }
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
}

function forwardLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on("line", onLine);
}

function watchExit(child: ChildProcess): Promise<ExitStatus> {
  return new Promise((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Starts a server process, streaming its output to `log` line by line. `readable` may rewrite a
 * line or drop it (by returning undefined).
 */
export function spawnServer(
  command: string,
  args: readonly string[],
  log: Log,
  readable: (line: string) => string | undefined = (line) => line,
): ServerProcess {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  killOnExit(child);
  const recent: string[] = [];
  const onLine = (raw: string): void => {
    const line = readable(raw);
    if (line === undefined) return;
    log(line);
    recent.push(line);
    if (recent.length > RECENT_LINES) recent.shift();
  };
  forwardLines(child.stdout, onLine);
  forwardLines(child.stderr, onLine);

  let done = false;
  const exited = watchExit(child).then((status) => {
    done = true;
    liveChildren.delete(child);
    return status;
  });

  return {
    exited,
    hasExited: () => done,
    recentOutput: () => recent.join("\n"),
    async stop(graceMs = STOP_GRACE_MS) {
      if (done) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion, streaming its output to `log`. Resolves with its exit code. */
export async function runLogged(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: Log },
): Promise<number> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  killOnExit(child);
  forwardLines(child.stdout, options.log);
  forwardLines(child.stderr, options.log);
  const status = await watchExit(child);
  if (status.error) throw status.error;
  return status.code ?? 1;
}

/** Absolute path of an executable found on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
