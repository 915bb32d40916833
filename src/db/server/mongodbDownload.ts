import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Log } from "./processes.js";

/** The MongoDB a machine without mongod and without Go downloads (once) to run locally and in tests. */
export const MONGODB_DOWNLOAD_VERSION = "7.0.14";

// src/db/server/ and dist/db/server/ both sit three levels below the repo root.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Where the downloaded MongoDB is kept (git-ignored), next to the FerretDB build. */
export function mongodbDownloadDir(): string {
  return join(repoRoot, ".cache", "mongodb");
}

/**
 * The path of a `mongod` of MONGODB_DOWNLOAD_VERSION, downloaded by mongodb-memory-server into
 * .cache/mongodb the first time (about 100 MB) and found there afterwards. We run it ourselves
 * (spawnMongod), so local mode keeps its data in a folder of its own across restarts.
 * mongodb-memory-server-core is a dev dependency loaded only here: nothing else ever needs it.
 */
export async function downloadMongod(log: Log): Promise<string> {
  const downloadDir = mongodbDownloadDir();
  log(`No mongod on PATH and no Go for FerretDB: getting MongoDB ${MONGODB_DOWNLOAD_VERSION} (downloaded once into ${downloadDir})…`);
  const { MongoBinary } = await import("mongodb-memory-server-core");
  return MongoBinary.getPath({ version: MONGODB_DOWNLOAD_VERSION, downloadDir });
}
