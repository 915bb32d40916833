// Coordinators' queries benchmark (issue #11 "Performance"): seed cases and petition signatures in
// bulk (encrypted fields and name tokens through the cipher, as registration stores them), then
// time at the service layer, 100 times each: /find by name, /find by province+status (the case
// search service, src/services/cases/caseSearch.ts), and /stats (the statistics service,
// src/services/statistics.ts: its tally computed once by `refresh`, timed, then `snapshot`; or
// the equivalent counts); then, for comparison, the other kinds of name search and the queries
// underneath; then stream the export of every case from a cursor and measure the process's RSS growth.
//
//   npm run bench:coordinators                      (100,000 cases, 500,000 signatures)
//   npm run bench:coordinators -- --cases 20000 --signatures 100000 --queries 50 --slow-queries 5 --old-queries 1
//
// Database: FerretDB on PostgreSQL when a PostgreSQL server is installed (/usr/lib/postgresql/*/bin),
// else the project's default (FerretDB on SQLite, or MONGODB_URI). It prints which.
// Ends with one line: coordinators db=NAME find_p95_ms=N stats_p95_ms=N export_rss_growth_mb=N
import { systemClock } from "../src/clock.js";
import type { Models } from "../src/db/models/index.js";
import { CASE_STATUSES, type CaseStatus } from "../src/domain/caseStatus.js";
import { listProvinces } from "../src/domain/provinces.js";
import { buildActor, type ActorLookup } from "../src/domain/roles.js";
import type { FieldCipher } from "../src/security/fieldCipher.js";
import { createAuditTrail } from "../src/services/audit.js";
import { nameTokensOf } from "../src/services/cases/caseRecordMapping.js";
import { createCaseSearchService } from "../src/services/cases/caseSearch.js";
import { FAMILY, nameOf, note, petitionId, reorderedNameOf, runOnSeededDatabase } from "./support/caseSeed.js";
import { timed as timeQueries } from "./support/timing.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const CASES = flag("cases", 100_000);
const SIGNATURES = flag("signatures", 500_000);
const QUERIES = flag("queries", 100);
/** The query as it was before, which reads every case: this many times only. */
const OLD_QUERIES = flag("old-queries", 3);
/** Searches that read thousands of cases (a family name alone): this many times. */
const SLOW_QUERIES = flag("slow-queries", 20);
const timed = (label: string, run: (i: number) => Promise<unknown>, queries = QUERIES) => timeQueries(label, run, queries);

interface SearchPort {
  kind: string;
  byName(name: string): Promise<number>;
  /** A volunteer of one province (the i-th) searching a name. */
  byNameAsVolunteer(name: string, province: number): Promise<number>;
  byProvinceStatus(province: string, status: CaseStatus): Promise<number>;
  /** /find with no filter: every case. */
  everything(): Promise<number>;
  /** Every case, streamed; returns the rows read. */
  exportAll(onChunk: () => void): Promise<number>;
}

/** Volunteers in the benchmark: user id VOLUNTEER_IDS + i volunteers for the i-th province. */
const VOLUNTEER_IDS = 100_000;

/** The case search service (/find, /export), as the bot calls it; a coordinator (an admin) and volunteers. */
function searchPort(models: Models, cipher: FieldCipher): SearchPort {
  const provinces = listProvinces().map((p) => p.code);
  const actorNow: ActorLookup = (userId) =>
    Promise.resolve(
      userId >= VOLUNTEER_IDS
        ? buildActor({ userId, grants: [{ role: "volunteer", provinces: [provinces[userId - VOLUNTEER_IDS]!] }], isAdmin: false })
        : buildActor({ userId, grants: [], isAdmin: true }),
    );
  const audit = createAuditTrail(models, systemClock, cipher);
  const coordinator = { userId: 42 };
  const service = createCaseSearchService({ models, clock: systemClock, cipher, audit, actorNow });
  const total = (result: Awaited<ReturnType<typeof service.search>>) => {
    if (!result.ok) throw new Error(`search refused: ${result.error}`);
    return result.value.total;
  };
  return {
    kind: "service caseSearch.search / exportCsv",
    byName: async (name) => total(await service.search(coordinator, { name })),
    byNameAsVolunteer: async (name, province) => total(await service.search({ userId: VOLUNTEER_IDS + province }, { name })),
    byProvinceStatus: async (province, status) => total(await service.search(coordinator, { province, status })),
    everything: async () => total(await service.search(coordinator, {})),
    async exportAll(onChunk) {
      await service.search(coordinator, {});
      const result = await service.exportCsv(coordinator);
      if (!result.ok) throw new Error(`export refused: ${result.error}`);
      let lines = 0;
      for await (const chunk of result.value.csv) {
        lines += String(chunk).split("\n").length - 1;
        onChunk();
      }
      return lines - 1;
    },
  };
}

/** What /stats counts: cases per province and status (one $group), a petition's signatures per province. */
async function stats(models: Models): Promise<void> {
  await models.cases.collection.aggregate([{ $match: { erasedAt: null } }, { $group: { _id: { province: "$province", status: "$status" }, n: { $sum: 1 } } }]).toArray();
  await models.petitionSignatures.collection.aggregate([{ $match: { petitionId, state: "active" } }, { $group: { _id: "$province", n: { $sum: 1 } } }]).toArray();
}

runOnSeededDatabase({ cases: CASES, signatures: SIGNATURES }, (name) => `database: ${name}; ${CASES} cases, ${SIGNATURES} signatures, ${QUERIES} queries each`, async ({ models, cipher, databaseName }) => {
  const port = searchPort(models, cipher);
  note(`measuring: ${port.kind}`);
  // The /stats service when it exists (src/services/statistics.ts); else the equivalent counts.
  let statsKind = "model $group: cases per province/status, a petition's signatures per province";
  let statsRun: () => Promise<unknown> = () => stats(models);
  try {
    const { createStatisticsService } = await import("../src/services/statistics.js");
    const statistics = createStatisticsService({
      models,
      clock: systemClock,
      audit: createAuditTrail(models, systemClock, cipher),
      actorNow: (userId) => Promise.resolve(buildActor({ userId, grants: [], isAdmin: true })),
    });
    // The tally /stats reads is computed by a scheduled job (statistics.refresh) when the service
    // has one: computed once here, timed, then the snapshot read from it is measured.
    const refresh = (statistics as { refresh?: () => Promise<unknown> }).refresh;
    if (typeof refresh === "function") {
      const started = performance.now();
      await refresh.call(statistics);
      note(`stats refresh: ${Math.round(performance.now() - started)} ms`);
    }
    statsKind = "service statistics.snapshot";
    statsRun = async () => {
      const result = await statistics.snapshot({ userId: 42 });
      if (!result.ok) throw new Error(`stats refused: ${result.error}`);
    };
  } catch (error) {
    note(`statistics service not usable (${(error as Error).message}); measuring the equivalent model queries`);
  }
  const provinces = listProvinces().map((p) => p.code);
  const findName = await timed("find by name (a full name: its whole-name token)", async (i) => {
    const hits = await port.byName(nameOf((i * 997) % CASES));
    if (hits < 1) throw new Error("a seeded name was not found");
  });
  const findProvince = await timed("find by province+status", (i) => port.byProvinceStatus(provinces[i % provinces.length]!, CASE_STATUSES[i % CASE_STATUSES.length]!));
  const statsP95 = await timed(`stats (${statsKind})`, statsRun);
  // For comparison (not in the last line): the other kinds of name search, and what FerretDB
  // pushes down to SQL and what it does not.
  await timed("compare: find by name, words in another order (the words' fallback)", async (i) => {
    const hits = await port.byName(reorderedNameOf((i * 997) % CASES));
    if (hits < 1) throw new Error("a seeded name in another order was not found");
  });
  await timed(`compare: find by a family name alone (one word, ~${Math.round(CASES / FAMILY.length)} cases)`, async (i) => {
    const hits = await port.byName(FAMILY[i % FAMILY.length]!);
    if (hits < 1) throw new Error("a seeded family name was not found");
  }, SLOW_QUERIES);
  await timed("compare: a volunteer of one province finds a full name of their province", async (i) => {
    const k = (i * 997) % CASES;
    const hits = await port.byNameAsVolunteer(nameOf(k), (k * 7) % provinces.length);
    if (hits < 1) throw new Error("a volunteer did not find a case of their province");
  });
  await timed("compare: /find with no filter (every case, counted and sorted whole: no tally here; bench:desk reads it by week)", () => port.everything(), OLD_QUERIES);
  const provinceStatus = (i: number) => ({ erasedAt: null, province: provinces[i % provinces.length], status: CASE_STATUSES[i % CASE_STATUSES.length] });
  await timed("compare: province+status, the count alone (model query)", (i) => models.cases.countDocuments(provinceStatus(i)).exec());
  await timed("compare: province+status without erasedAt: null, the count alone (model query)", (i) => {
    const { erasedAt: _erasedAt, ...rest } = provinceStatus(i);
    return models.cases.countDocuments(rest).exec();
  });
  await timed("compare: province+status, a page of 10 alone (model query)", (i) =>
    models.cases.find(provinceStatus(i), { reference: 1, status: 1, province: 1, "relative.fullNameEnc": 1 }).sort({ createdAt: -1, _id: -1 }).limit(10).lean().exec(),
  );
  await timed("compare: find by name as one query of up to 51 (model query, no count)", (i) =>
    models.cases
      .find({ erasedAt: null, nameTokens: nameTokensOf(nameOf((i * 997) % CASES), null, cipher).at(-1) }, { reference: 1, status: 1, province: 1, "relative.fullNameEnc": 1 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(51)
      .lean()
      .exec(),
  );
  // The name query before (issue #11): `$or` of the whole name's token and `$all` of its words,
  // not pushed down (every case read and decoded); a few queries only, it takes seconds each.
  await timed(
    "compare: find by name as before, $or of whole and $all of words (model query)",
    async (i) => {
      const tokens = nameTokensOf(nameOf((i * 997) % CASES), null, cipher);
      const [whole, words] = [tokens.at(-1), tokens.slice(0, -1)];
      await models.cases.countDocuments({ erasedAt: null, $or: [{ nameTokens: whole }, { nameTokens: { $all: words } }] }).exec();
    },
    OLD_QUERIES,
  );

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const rows = await port.exportAll(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  });
  const growthMb = (peak - before) / 1024 / 1024;
  note(`export: ${rows} rows streamed, RSS ${(before / 1024 / 1024).toFixed(0)} MB → peak ${(peak / 1024 / 1024).toFixed(0)} MB`);
  return `coordinators db=${databaseName} find_p95_ms=${Math.round(Math.max(findName, findProvince))} stats_p95_ms=${Math.round(statsP95)} export_rss_growth_mb=${Math.round(growthMb)}`;
});
