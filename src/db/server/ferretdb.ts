import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, lstat, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { findOnPath, runLogged, spawnServer, type Log, type ServerProcess } from "./processes.js";

export const FERRETDB_VERSION = "v1.24.2";
const FERRETDB_MODULE = "github.com/FerretDB/FerretDB";

const execFileAsync = promisify(execFile);

// src/db/server/ferretdb.ts and dist/db/server/ferretdb.js both sit three levels below the repo root.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where the FerretDB binary is built and kept (git-ignored). FERRETDB_CACHE_DIR overrides it, e.g. for a CI cache. */
export function ferretDbCacheDir(): string {
  return process.env.FERRETDB_CACHE_DIR || join(repoRoot, ".cache", "ferretdb");
}

/** Thrown when FerretDB has to be built and no Go toolchain is installed. */
export class GoNotFoundError extends Error {
  constructor() {
    super("Go is not installed (no `go` on PATH), so FerretDB cannot be built.");
    this.name = "GoNotFoundError";
  }
}

/**
 * The path of a working FerretDB binary, building it once into the cache folder when absent.
 *
 * Why not plain `go install …/cmd/ferretdb@v1.24.2`: the module as published lacks the generated
 * build/version/version.txt, and a binary built from it panics at start-up ("Invalid
 * build/version/version.txt"). So we copy the module source out of the Go module cache, write that
 * file, and `go install ./cmd/ferretdb` from the copy. Dependencies still come from the user's
 * module cache (GOPATH/GOMODCACHE untouched), so a rebuild downloads nothing.
 */
export async function ensureFerretDbBinary(log: Log = () => {}): Promise<string> {
  const cacheDir = ferretDbCacheDir();
  const binDir = join(cacheDir, "bin");
  const binary = join(binDir, "ferretdb");
  if (await isWorkingBinary(binary)) return binary;

  const go = findOnPath("go");
  if (!go) throw new GoNotFoundError();

  log(`Building FerretDB ${FERRETDB_VERSION} into ${binDir} (once; about 1–2 minutes on a fresh machine)…`);
  const startedAt = Date.now();
  await mkdir(binDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOBIN: binDir,
    // -mod=mod lets go fill in go.sum entries if needed; -buildvcs=false because the source copy sits
    // inside our git work tree and FerretDB must not stamp our commit as its own.
    GOFLAGS: "-mod=mod -buildvcs=false",
    GOTOOLCHAIN: "local",
    GOWORK: "off",
  };

  // A per-process copy, so two processes building at once do not trample each other.
  const sourceDir = join(cacheDir, `src-${process.pid}`);
  try {
    await copyModuleSource(go, sourceDir, env, cacheDir);
    await writeFile(join(sourceDir, "build", "version", "version.txt"), `${FERRETDB_VERSION}\n`);

    const install = (extra: string[]): Promise<number> =>
      runLogged(go, ["install", ...extra, "./cmd/ferretdb"], { cwd: sourceDir, env, log });
    if ((await install([])) !== 0) {
      // Newer Go toolchains refuse some versions of the pure-Go SQLite driver's linkname tricks.
      log("go install failed; retrying with -ldflags=-checklinkname=0");
      if ((await install(["-ldflags=-checklinkname=0"])) !== 0) {
        throw new Error(`Building FerretDB ${FERRETDB_VERSION} failed; see the go output above.`);
      }
    }
  } finally {
    await rm(sourceDir, { recursive: true, force: true }).catch(() => {});
  }

  if (!(await isWorkingBinary(binary))) {
    throw new Error(`FerretDB was built into ${binary} but does not report version ${FERRETDB_VERSION}.`);
  }
  log(`FerretDB ${FERRETDB_VERSION} built in ${Math.round((Date.now() - startedAt) / 1000)}s: ${binary}`);
  return binary;
}

async function copyModuleSource(go: string, target: string, env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  const { stdout } = await execFileAsync(go, ["mod", "download", "-json", `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
    cwd,
    env,
    maxBuffer: 1024 * 1024,
  });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${FERRETDB_MODULE}@${FERRETDB_VERSION} failed: ${info.Error ?? stdout}`);

  await rm(target, { recursive: true, force: true });
  await cp(info.Dir, target, { recursive: true });
  // The module cache is read-only; make the copy writable so we can add a file and delete it later.
  await chmod(target, 0o755);
  for (const entry of await readdir(target, { recursive: true })) {
    const path = join(target, entry);
    const stats = await lstat(path);
    if (!stats.isSymbolicLink()) await chmod(path, stats.mode | 0o200);
  }
}

async function isWorkingBinary(binary: string): Promise<boolean> {
  if (!existsSync(binary)) return false;
  try {
    const { stdout } = await execFileAsync(binary, ["--version"], { timeout: 10_000 });
    return stdout.includes(`version: ${FERRETDB_VERSION}`);
  } catch {
    return false;
  }
}

/** Starts FerretDB on its SQLite backend, storing everything in `dataDir`, listening on loopback only. */
export function spawnFerretDb(binary: string, dataDir: string, port: number, log: Log): ServerProcess {
  return spawnServer(
    binary,
    [
      "--handler=sqlite",
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      // Never phone home (the default "undecided" may report after a delay).
      "--telemetry=disable",
      // No debug/metrics HTTP listener: its fixed default port 8088 would clash between instances.
      "--debug-addr=-",
      "--log-level=warn",
      "--log-format=json",
    ],
    log,
    readableLogLine,
  );
}

/**
 * One short line per FerretDB log entry, without the noise it emits at WARN level: every failed
 * command is dumped as a multi-line wire message (the client gets that error anyway), including
 * `endSessions`, which v1.24 does not implement and every driver sends when it closes; and every
 * client closing its socket is reported as "Connection stopped".
 */
export function readableLogLine(raw: string): string | undefined {
  let entry: { level?: unknown; msg?: unknown; error?: unknown };
  try {
    entry = JSON.parse(raw) as typeof entry;
  } catch {
    return raw; // not a log entry (a panic trace, for instance): keep it as it is
  }
  const message = String(entry.msg ?? "");
  if (message.startsWith("Response header") || message.startsWith("Response message")) return undefined;
  if (message === "Connection stopped") return undefined;
  const error = entry.error === undefined ? "" : `: ${String(entry.error)}`;
  return `ferretdb ${String(entry.level ?? "")} ${message}${error}`;
}
