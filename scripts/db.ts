// `npm run db`: a persistent local database for development (MongoDB if installed, else FerretDB).
// `npm run db -- --build-only`: build/locate the FerretDB binary and exit (CI does this up front).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureFerretDbBinary, isPortFree, startDatabaseServer, withDatabaseName } from "../src/db/server/index.js";

const DEFAULT_PORT = 27017;
const DATABASE_NAME = "family_reach";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const log = (line: string): void => console.error(`[db] ${line}`);

async function choosePort(): Promise<number | undefined> {
  const requested = process.env.DB_PORT;
  if (requested) {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`DB_PORT must be a port number, got "${requested}"`);
    return port;
  }
  if (await isPortFree(DEFAULT_PORT)) return DEFAULT_PORT;
  log(`port ${DEFAULT_PORT} is taken; using a free one (set DB_PORT to choose)`);
  return undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes("--build-only")) {
    console.log(`FerretDB binary: ${await ensureFerretDbBinary(log)}`);
    return;
  }

  const server = await startDatabaseServer({
    uri: process.env.MONGODB_URI,
    dataDir: join(repoRoot, ".local", "db"),
    port: await choosePort(),
    log,
  });
  const uri = server.kind === "external" ? server.uri : withDatabaseName(server.uri, DATABASE_NAME);
  console.log(`MONGODB_URI=${uri}`);
  if (server.kind === "external") {
    log("MONGODB_URI is set, so nothing is started here.");
    return;
  }
  log(`${server.kind} is running with its data in .local/db; press Ctrl+C to stop it.`);

  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log(`${signal}: stopping ${server.kind}…`);
  await server.stop();
  clearInterval(keepAlive);
  log("stopped.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
