import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chooseEngine, type DatabaseLaunchers, type EngineKind } from "./engineChoice.js";
import { ensureFerretDbBinary, spawnFerretDb } from "./ferretdb.js";
import { spawnMongod } from "./mongod.js";
import { downloadMongod } from "./mongodbDownload.js";
import { freePort, isPortFree } from "./ports.js";
import { findOnPath, type Log, type ServerProcess } from "./processes.js";
import { waitUntilReady } from "./ready.js";

export { chooseEngine, type DatabaseLaunchers, type EngineKind } from "./engineChoice.js";
export { ensureFerretDbBinary, ferretDbCacheDir, FERRETDB_VERSION } from "./ferretdb.js";
export { MONGODB_DOWNLOAD_VERSION } from "./mongodbDownload.js";
export { freePort, isPortFree } from "./ports.js";
export { pingDatabase } from "./ready.js";
export { withDatabaseName } from "./uri.js";

/** A MongoDB-compatible database for development, tests and local mode. */
export interface DatabaseServer {
  /**
   * Base connection string without a database name, e.g. `mongodb://127.0.0.1:40123/`
   * (FerretDB's carries `?maxPoolSize=1`; see FERRETDB_URI_OPTIONS). Add a name with withDatabaseName().
   */
  uri: string;
  kind: "external" | EngineKind;
  /** Stops a server we started (and removes its temporary data); a no-op for an external one. */
  stop(): Promise<void>;
}

export interface StartDatabaseServerOptions {
  /** Use this database instead of starting one (callers pass MONGODB_URI; nothing here reads the environment for it). */
  uri?: string | undefined;
  /** Where a started server keeps its files; a fresh temporary folder, removed on stop, when absent. */
  dataDir?: string;
  /** Loopback port for a started server; a free one when absent. */
  port?: number;
  /** Receives build progress and server output, one line at a time. */
  log?: Log;
  /** Replace how binaries are found (tests check the order with stand-ins; nothing is downloaded then). */
  launchers?: Partial<DatabaseLaunchers>;
}

const defaultLaunchers: DatabaseLaunchers = {
  findMongod: () => findOnPath("mongod"),
  ferretDb: (log) => ensureFerretDbBinary(log),
  downloadMongod,
};

const START_ATTEMPTS = 3;

// FerretDB 1.24 (SQLite) runs an update as "read the matching documents, then write them back"
// without a transaction, so concurrent updates of one document from different connections get
// lost ($inc counts short, two workers claim the same job). Requests on one connection run one
// after another, so a single-connection pool makes every update from this process atomic.
const FERRETDB_URI_OPTIONS = "?maxPoolSize=1";

const defaultLog: Log = (line) => process.stderr.write(`[db] ${line}\n`);

/**
 * Finds a database, in this order: `options.uri` (MONGODB_URI); a `mongod` on PATH; FerretDB
 * (cached, or built once with Go); MongoDB 7 downloaded once by mongodb-memory-server. Throws with
 * the three ways out when none is available.
 */
export async function startDatabaseServer(options: StartDatabaseServerOptions = {}): Promise<DatabaseServer> {
  const log = options.log ?? defaultLog;
  if (options.uri) return { uri: options.uri, kind: "external", stop: async () => {} };

  const { kind, binary } = await chooseEngine({ ...defaultLaunchers, ...options.launchers }, log);
  const spawn = (dir: string, port: number): ServerProcess =>
    kind === "ferretdb" ? spawnFerretDb(binary, dir, port, log) : spawnMongod(binary, dir, port, log);

  if (options.port !== undefined && !(await isPortFree(options.port))) {
    throw new Error(`Cannot start ${kind}: port ${options.port} on 127.0.0.1 is already in use.`);
  }

  const data = await prepareDataDir(kind, options.dataDir);
  try {
    const { uri, server } = await startOnFreePort(kind, (port) => spawn(data.dir, port), options.port, log);
    return {
      uri,
      kind,
      async stop() {
        await server.stop();
        await data.release();
      },
    };
  } catch (error) {
    await data.release();
    throw error;
  }
}

async function startOnFreePort(
  kind: string,
  spawn: (port: number) => ServerProcess,
  fixedPort: number | undefined,
  log: Log,
): Promise<{ uri: string; server: ServerProcess }> {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const uri = `mongodb://127.0.0.1:${port}/${kind === "ferretdb" ? FERRETDB_URI_OPTIONS : ""}`;
    const server = spawn(port);
    try {
      await waitUntilReady(kind, uri, server);
      return { uri, server };
    } catch (error) {
      await server.stop();
      // Another process may have taken the port between freePort() and the bind; try another one.
      if (fixedPort !== undefined || attempt >= START_ATTEMPTS) throw error;
      log(`${kind} did not start on port ${port}; trying another port`);
    }
  }
}

/**
 * Each engine gets its own subfolder, so switching between mongod and FerretDB on one machine never
 * mixes their files. A temporary folder is also removed when this process exits.
 */
async function prepareDataDir(
  kind: string,
  dataDir: string | undefined,
): Promise<{ dir: string; release(): Promise<void> }> {
  if (dataDir) {
    const dir = join(resolve(dataDir), kind);
    await mkdir(dir, { recursive: true });
    return { dir, release: async () => {} };
  }
  const root = await mkdtemp(join(tmpdir(), "family-reach-db-"));
  const removeOnExit = (): void => rmSync(root, { recursive: true, force: true });
  process.on("exit", removeOnExit);
  const dir = join(root, kind);
  await mkdir(dir);
  return {
    dir,
    async release() {
      process.off("exit", removeOnExit);
      await rm(root, { recursive: true, force: true });
    },
  };
}
