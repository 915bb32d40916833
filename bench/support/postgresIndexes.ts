// Indexes PostgreSQL can use under FerretDB v1, for the benchmarks on FerretDB on PostgreSQL.
//
// FerretDB 1.24 turns a top-level equality filter `{ field: value }` into
// `_jsonb->'field' @> '<value>'` and creates each MongoDB index as a btree on `(_jsonb->'field')`.
// A btree does not serve `@>`, so every find, update and delete reads the whole table: an
// update's cost grows with the number of people the bot knows. MongoDB 7, the production
// database, serves the same filters from the app's indexes. To measure the app rather than
// that gap, the benchmarks add, for every field of every index the app declares, a GIN index
// on the same expression (which serves `@>`), and run PostgreSQL with
// `plan_cache_mode=force_custom_plan`: FerretDB's cached statements pass the field's name as a
// parameter (`_jsonb->$1 @> $2`), and only a plan made with the parameters' values can match
// the index's expression. `BENCH_PG_INDEXES=0` measures FerretDB as it comes.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import type { Database } from "./caseSeed.js";

/** Whether this run adds the indexes (on by default; `BENCH_PG_INDEXES=0` turns them off). */
const postgresIndexesWanted = () => process.env.BENCH_PG_INDEXES !== "0";

function psql(postgres: NonNullable<Database["postgres"]>, sql: string): string {
  const asRoot = process.getuid?.() === 0;
  const args = ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", "-d", postgres.database, "-v", "ON_ERROR_STOP=1", "-Atc", sql];
  const psqlPath = path.join(postgres.bin, "psql");
  const result = asRoot ? spawnSync("runuser", ["-u", "postgres", "--", psqlPath, ...args], { encoding: "utf8" }) : spawnSync(psqlPath, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * For every collection of `databaseName` (FerretDB keeps one PostgreSQL schema per database and
 * its tables in `_ferretdb_database_metadata`), a GIN index on `_jsonb->'field'` for each
 * top-level field of each index (dotted paths are not pushed down to PostgreSQL at all).
 * Idempotent; returns how many indexes the collections have now. Nothing for other databases.
 */
export function addPostgresIndexes(database: Database, databaseName: string): number {
  const postgres = database.postgres;
  if (!postgres || !postgresIndexesWanted()) return 0;
  const schema = quoteIdentifier(databaseName);
  const rows = psql(postgres, `SELECT _jsonb->>'table', jsonb_path_query(_jsonb, '$.indexes[*].key')::text FROM ${schema}._ferretdb_database_metadata`)
    .split("\n")
    .filter(Boolean);
  const statements = new Set<string>();
  for (const row of rows) {
    const [table, keyJson] = row.split("|") as [string, string];
    // The key as FerretDB stores it: a document whose own keys are the index's fields.
    const key = JSON.parse(keyJson) as Record<string, unknown>;
    for (const field of Object.keys(key).filter((name) => !name.startsWith("$") && !name.includes("."))) {
      const name = `${table}_gin_${createHash("sha256").update(field).digest("hex").slice(0, 8)}`;
      statements.add(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${schema}.${quoteIdentifier(table)} USING gin ((_jsonb->${quoteLiteral(field)}) jsonb_path_ops);`);
    }
  }
  if (statements.size > 0) psql(postgres, [...statements].join("\n"));
  return statements.size;
}
