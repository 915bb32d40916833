// The coordinators' benchmarks' data (bench:coordinators, bench:desk): a throw-away database
// (FerretDB on PostgreSQL when PostgreSQL is installed, else the project's default) and cases and
// petition signatures inserted in bulk, encrypted and tokenised as registration stores them.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Types } from "mongoose";
import { connectDatabase } from "../../src/db/connection.js";
import { createModels, ensureIndexes, type Models } from "../../src/db/models/index.js";
import { ensureFerretDbBinary, freePort, pingDatabase, startDatabaseServer, withDatabaseName } from "../../src/db/server/index.js";
import { CASE_STATUSES } from "../../src/domain/caseStatus.js";
import { listProvinces } from "../../src/domain/provinces.js";
import { registrationWeek } from "../../src/domain/registrationWeek.js";
import { silentLogger } from "../../src/logger.js";
import { createFieldCipher, type FieldCipher } from "../../src/security/fieldCipher.js";
import { nameTokensOf } from "../../src/services/cases/caseRecordMapping.js";

const BATCH = 2_000;
export const DAY_MS = 24 * 60 * 60_000;

export const note = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const GIVEN = ["Ali", "Maryam", "Hasan", "Zahra", "Reza", "Fatemeh", "Mahmoud", "Leila", "Javad", "Simin", "Behrouz", "Parvin", "Karim", "Nasrin", "Saeed", "Shirin"];
export const FAMILY = ["Kazemi", "Hasanzadeh", "Rahimi", "Mousavi", "Nowruzi", "Karimi", "Sadeghi", "Jafari", "Tehrani", "Ghasemi", "Ahmadi", "Rostami", "Bagheri", "Shirazi"];
/** Syllables of an invented third name (a second family name): 400 of them. */
const SYLLABLES = ["bar", "dan", "far", "gol", "kam", "lar", "man", "nas", "par", "ros", "tab", "vand", "zar", "shad", "mir", "bakh", "del", "pur", "nik", "yar"];
/**
 * Invented names: given × family × a third name, so a full-name search finds a handful of cases
 * (at 100,000: 79,968 distinct names, at most 4 cases each). Only letters count: the name keys
 * (domain/personName nameSearchKeys) drop digits.
 */
export const nameOf = (i: number) => {
  const j = Math.floor(i / (GIVEN.length * FAMILY.length));
  return `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${SYLLABLES[j % SYLLABLES.length]}${SYLLABLES[Math.floor(j / SYLLABLES.length) % SYLLABLES.length]}`;
};
/** The same name with its words in another order: the whole-name token differs, every word matches. */
export const reorderedNameOf = (i: number) => nameOf(i).split(" ").reverse().join(" ");

export interface Database {
  name: string;
  uri: string;
  /** The PostgreSQL server under FerretDB, when the database is FerretDB on PostgreSQL. */
  postgres?: { bin: string; port: number; database: string };
  stop(): Promise<void>;
}

/** FerretDB on a throw-away PostgreSQL cluster (PostgreSQL refuses root: run it as `postgres`). */
async function startPostgresFerret(bin: string): Promise<Database> {
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, cmdArgs: string[]) => {
    const full = asRoot ? ["-u", "postgres", "--", path.join(bin, cmd), ...cmdArgs] : cmdArgs;
    const result = spawnSync(asRoot ? "runuser" : path.join(bin, cmd), full, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  const dir = mkdtempSync(path.join(tmpdir(), "bench-pg-"));
  if (asRoot) spawnSync("chown", ["postgres", dir]);
  const pgPort = await freePort();
  run("initdb", ["-D", dir, "-A", "trust", "-U", "postgres"]);
  run("pg_ctl", ["-D", dir, "-o", `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c plan_cache_mode=force_custom_plan`, "-w", "-l", path.join(dir, "log"), "start"]);
  run("createdb", ["-h", "127.0.0.1", "-p", String(pgPort), "-U", "postgres", "ferretdb"]);
  const ferretPort = await freePort();
  const ferret: ChildProcess = spawn(
    await ensureFerretDbBinary(note),
    [
      "--handler=postgresql",
      `--postgresql-url=postgres://postgres@127.0.0.1:${pgPort}/ferretdb`,
      `--listen-addr=127.0.0.1:${ferretPort}`,
      `--state-dir=${dir}`,
      "--telemetry=disable",
      "--debug-addr=-",
      "--log-level=error",
    ],
    { stdio: "ignore" },
  );
  // One connection: both FerretDB backends lose concurrent updates of one document across connections.
  const uri = `mongodb://127.0.0.1:${ferretPort}/?maxPoolSize=1`;
  for (let i = 0; i < 100 && !(await pingDatabase(uri).then(() => true, () => false)); i++) await sleep(200);
  return {
    name: "ferretdb-postgresql",
    uri,
    postgres: { bin, port: pgPort, database: "ferretdb" },
    async stop() {
      ferret.kill("SIGTERM");
      await new Promise((resolve) => ferret.once("exit", resolve));
      run("pg_ctl", ["-D", dir, "-m", "fast", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * FerretDB on PostgreSQL when a PostgreSQL server is installed (`BENCH_DATABASE=sqlite`: FerretDB
 * on SQLite, as CI runs it), or the server at MONGODB_URI.
 */
export async function startDatabase(): Promise<Database> {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort() : [];
  const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(path.join(dir, "postgres")));
  if (bin && !process.env.MONGODB_URI && process.env.BENCH_DATABASE !== "sqlite") return startPostgresFerret(bin);
  const server = await startDatabaseServer({ uri: process.env.MONGODB_URI, log: (line) => note(`db: ${line}`) });
  return { name: server.kind === "ferretdb" ? "ferretdb-sqlite" : server.kind, uri: server.uri, stop: () => server.stop() };
}

/** The one petition the signatures belong to. */
export const petitionId = new Types.ObjectId();

/**
 * `cases` cases (names from nameOf, provinces and statuses in turn, registered over the last 700
 * days) and `signatures` signatures of the one petition, inserted 2,000 at a time.
 */
export async function seed(models: Models, cipher: FieldCipher, { cases: CASES, signatures: SIGNATURES }: { cases: number; signatures: number }): Promise<void> {
  const provinces = listProvinces().map((p) => p.code);
  const now = Date.now();
  const started = Date.now();
  for (let from = 0; from < CASES; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, CASES - from) }, (_, k) => {
      const i = from + k;
      const name = nameOf(i);
      const at = new Date(now - (i % 700) * DAY_MS);
      return {
        reference: `${String(1000 + (i % 9000))}-${String(Math.floor(i / 9000)).padStart(4, "0")}-${i % 10}`,
        status: CASE_STATUSES[i % CASE_STATUSES.length],
        closeReason: i % CASE_STATUSES.length === CASE_STATUSES.length - 1 ? "other" : null,
        relative: { fullNameEnc: cipher.encrypt(name), sex: i % 2 ? "male" : "female", birthYear: 1950 + (i % 40), leftYear: 1981 + (i % 25), location: "unknown" },
        nameTokens: nameTokensOf(name, null, cipher),
        province: provinces[(i * 7) % provinces.length],
        registeredBy: cipher.userRef(2_000_000 + i),
        registrationKey: null,
        possibleDuplicates: [],
        duplicateReview: "none",
        createdAt: at,
        registeredWeek: registrationWeek(at),
        updatedAt: at,
        erasedAt: null,
        freeTextPurgedAt: null,
      };
    });
    await models.cases.collection.insertMany(docs as never[], { ordered: false });
  }
  note(`${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const sigStarted = Date.now();
  for (let from = 0; from < SIGNATURES; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, SIGNATURES - from) }, (_, k) => {
      const i = from + k;
      const at = new Date(now - (i % 90) * DAY_MS);
      return {
        petitionId,
        userId: cipher.userRef(3_000_000 + i),
        state: "active",
        textVersion: 1,
        nameDisplay: "anonymous",
        name: null,
        province: provinces[i % provinces.length],
        country: null,
        relation: null,
        notify: false,
        locale: "fa",
        signedAt: at,
        signedDay: at.toISOString().slice(0, 10),
        withdrawnAt: null,
      };
    });
    await models.petitionSignatures.collection.insertMany(docs as never[], { ordered: false });
  }
  note(`${SIGNATURES} signatures in ${((Date.now() - sigStarted) / 1000).toFixed(1)} s`);
}

/**
 * One benchmark run: a throw-away database, the collections and indexes, a fresh key, the seed; then
 * `measure`, whose returned line is printed on stdout once the database is stopped. Exits 1 on failure.
 */
export function runOnSeededDatabase(
  counts: { cases: number; signatures: number },
  describe: (databaseName: string) => string,
  measure: (seeded: { models: Models; cipher: FieldCipher; databaseName: string }) => Promise<string>,
): void {
  async function run(): Promise<void> {
    const database = await startDatabase();
    note(describe(database.name));
    const connection = await connectDatabase(withDatabaseName(database.uri, `bench_${randomBytes(4).toString("hex")}`), { log: silentLogger });
    let line = "";
    try {
      const models = createModels(connection);
      await ensureIndexes(connection, models);
      const cipher = createFieldCipher(randomBytes(32));
      await seed(models, cipher, counts);
      line = await measure({ models, cipher, databaseName: database.name });
    } finally {
      await connection.close().catch(() => undefined);
      await database.stop();
    }
    process.stdout.write(`${line}\n`);
  }
  run().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
