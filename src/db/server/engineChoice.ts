import { FERRETDB_VERSION, GoNotFoundError } from "./ferretdb.js";
import { MONGODB_DOWNLOAD_VERSION } from "./mongodbDownload.js";
import type { Log } from "./processes.js";

/** Which server runs: a mongod found on PATH, FerretDB, or a MongoDB downloaded for us. */
export type EngineKind = "mongod" | "ferretdb" | "mongodb-download";

/** The ways to a database binary, in the order they are tried; tests replace them (never a real download). */
export interface DatabaseLaunchers {
  /** A `mongod` on PATH, or undefined. */
  findMongod(): string | undefined;
  /** The FerretDB binary, cached or built now; throws GoNotFoundError when it is not cached and Go is missing. */
  ferretDb(log: Log): Promise<string>;
  /** A MongoDB 7 `mongod` from mongodb-memory-server's download (kept in its cache after the first time). */
  downloadMongod(log: Log): Promise<string>;
}

/**
 * The first binary available, in this order: `mongod` on PATH → FerretDB (cached, or built when Go
 * is present) → MongoDB downloaded once by mongodb-memory-server. A FerretDB build that fails for
 * another reason than a missing Go is an error of its own, not a reason to download.
 */
export async function chooseEngine(launchers: DatabaseLaunchers, log: Log): Promise<{ kind: EngineKind; binary: string }> {
  const mongod = launchers.findMongod();
  if (mongod) return { kind: "mongod", binary: mongod };
  try {
    return { kind: "ferretdb", binary: await launchers.ferretDb(log) };
  } catch (error) {
    if (!(error instanceof GoNotFoundError)) throw error;
  }
  try {
    return { kind: "mongodb-download", binary: await launchers.downloadMongod(log) };
  } catch (error) {
    throw new Error(howToGetMongoDb(error), { cause: error });
  }
}

/** The three ways out, when neither mongod, nor Go, nor a download gave us a database. */
export function howToGetMongoDb(downloadError: unknown): string {
  const reason = downloadError instanceof Error ? downloadError.message : String(downloadError);
  return [
    "No MongoDB-compatible database is available: no `mongod` on PATH, no Go to build FerretDB,",
    `and MongoDB ${MONGODB_DOWNLOAD_VERSION} could not be downloaded (${reason}).`,
    "Any one of these works:",
    "  • point MONGODB_URI at a running MongoDB, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/family_reach",
    "    (in Docker: `docker compose up -d mongo`, with its port published as docker-compose.yml describes);",
    "  • install MongoDB, so that `mongod` is on PATH;",
    `  • install Go (https://go.dev/dl/): FerretDB ${FERRETDB_VERSION} is then built once into .cache/ferretdb.`,
  ].join("\n");
}
