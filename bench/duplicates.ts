// The duplicate search of a registration's save, on its own: the time of one save's search and
// the probable duplicates it finds, with the keys it uses (a name word joined to another word's
// first consonant) and with the keys it used before (a word alone), over the same seeded cases.
// `npm run bench:duplicates -- --cases 20000` (2,000 by default). Ends with one line
// `duplicates cases=N ms_per_save=N found=N word_keys_ms=N word_keys_found=N db=NAME`.
import { randomBytes } from "node:crypto";
import { systemClock } from "../src/clock.js";
import { connectDatabase } from "../src/db/connection.js";
import { createModels, ensureIndexes } from "../src/db/models/index.js";
import { withDatabaseName } from "../src/db/server/index.js";
import { nameSearchKeys } from "../src/domain/personName.js";
import { silentLogger } from "../src/logger.js";
import { createFieldCipher } from "../src/security/fieldCipher.js";
import { createDuplicateFinder } from "../src/services/cases/caseDuplicates.js";
import { duplicateTokensOf } from "../src/services/cases/caseRecordMapping.js";
import { nameOf, note, reorderedNameOf, seed, startDatabase } from "./support/caseSeed.js";
import { addPostgresIndexes } from "./support/postgresIndexes.js";

const casesAt = process.argv.indexOf("--cases");
const CASES = casesAt >= 0 ? Number(process.argv[casesAt + 1]) : 2_000;
/** Registrations whose search is timed: seeded names, every other one with its words reversed. */
const NAMES = Array.from({ length: 40 }, (_, k) => (k % 2 ? nameOf(k * 37) : reorderedNameOf(k * 53)));

const database = await startDatabase();
const databaseName = `bench_${randomBytes(4).toString("hex")}`;
const connection = await connectDatabase(withDatabaseName(database.uri, databaseName), { log: silentLogger });
try {
  const models = createModels(connection);
  await ensureIndexes(connection, models);
  const cipher = createFieldCipher(randomBytes(32));
  await seed(models, cipher, { cases: CASES, signatures: 0 });
  if (database.postgres) note(`PostgreSQL: ${addPostgresIndexes(database, databaseName)} GIN indexes added`);
  const finder = createDuplicateFinder({ models, cipher, clock: systemClock });
  const measure = async (tokensOf: (name: string) => string[]) => {
    let found = 0;
    let queries = 0;
    const started = performance.now();
    for (const name of NAMES) {
      const tokens = tokensOf(name);
      queries += tokens.length;
      found += (await finder.findByKeys({ fullName: name, otherNames: null, birthYear: 1962, province: "fars" }, tokens)).length;
    }
    return { ms: (performance.now() - started) / NAMES.length, queries: queries / NAMES.length, found };
  };
  const wordKeys = (name: string) => nameSearchKeys(name).map((key) => cipher.searchToken(key));
  const duplicateKeys = (name: string) => duplicateTokensOf(name, null, cipher);
  await measure(duplicateKeys); // warm-up
  const before = await measure(wordKeys);
  const now = await measure(duplicateKeys);
  const line = (label: string, m: { ms: number; queries: number; found: number }) =>
    `${label}: ${m.ms.toFixed(1)} ms a save's search (${m.queries.toFixed(1)} queries), ${m.found} probable duplicates found for ${NAMES.length} registrations`;
  note(`${CASES} cases on ${database.name}`);
  note(line("word keys (before)", before));
  note(line("duplicate keys", now));
  process.stdout.write(
    `duplicates cases=${CASES} ms_per_save=${now.ms.toFixed(1)} found=${now.found} word_keys_ms=${before.ms.toFixed(1)} word_keys_found=${before.found} db=${database.name}\n`,
  );
} finally {
  await connection.close();
  await database.stop();
}
