// The desk's table benchmark (issue #12 "Proof"): the 100,000 cases of bench:coordinators (seeded
// by bench/support/caseSeed.ts), the statistics tally counted once (what the `refresh-statistics`
// job keeps fresh: the broad lists take their totals and weeks from it), then the desk's `cases`
// handler (src/desk/server/deskHandlers.ts: zod, the case search service, the labels in Persian)
// timed `--queries` times for each page a coordinator or a volunteer opens: the first page newest
// first with no filter (the desk's first screen) and its page 2, oldest first, sorted by status and
// by province, one province, one status, a full name typed in Latin letters, and a volunteer's
// first page; page_p95_ms is the largest p95 of them. Page 50 of the list of every case is timed
// and printed beside them, not counted in page_p95_ms. Then the page's first load for a
// Persian reader: the gzip size of dist/desk/index.html and its scripts, styles and fonts (0 when
// `npm run build:desk` has not run).
//
//   npm run bench:desk                         (100,000 cases)
//   npm run bench:desk -- --cases 20000 --queries 50
//
// Ends with one line: desk db=NAME page_p95_ms=N first_load_kb=N

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Api } from "grammy";
import { createI18n } from "../src/bot/i18n.js";
import type { BotContext } from "../src/bot/context.js";
import { systemClock } from "../src/clock.js";
import { createDeliveryService } from "../src/delivery/deliveryService.js";
import { createDeskHandlers } from "../src/desk/server/deskHandlers.js";
import type { DeskReader } from "../src/desk/server/deskReader.js";
import type { DeskCasesPage } from "../src/desk/shared/deskApi.js";
import { buildActor, type ActorLookup } from "../src/domain/roles.js";
import { createAuditTrail } from "../src/services/audit.js";
import { createCaseSearchService } from "../src/services/cases/caseSearch.js";
import { createCaseService } from "../src/services/cases/caseService.js";
import { createEventService } from "../src/services/events.js";
import { createLocationService } from "../src/services/locations.js";
import { createPetitionService } from "../src/services/petitions.js";
import { createReminderService } from "../src/services/reminders/reminderService.js";
import { createStatisticsService } from "../src/services/statistics.js";
import { nameOf, note, runOnSeededDatabase } from "./support/caseSeed.js";
import { timed } from "./support/timing.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const CASES = flag("cases", 100_000);
const QUERIES = flag("queries", 100);
const DESK_DIST = path.resolve(import.meta.dirname, "../dist/desk");

/** Every file under a directory. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * What a Persian reader's first visit downloads, gzip-compressed: index.html and every script,
 * style and font of the page's assets (the Vazirmatn fonts load for Persian text; source maps and
 * the desk's server code, which tsc also writes under dist/desk/, left out).
 */
function firstLoadKb(): number {
  const index = path.join(DESK_DIST, "index.html");
  if (!existsSync(index)) {
    note("dist/desk/index.html is not built (npm run build:desk): first_load_kb=0");
    return 0;
  }
  const files = [index, ...filesUnder(path.join(DESK_DIST, "assets")).filter((file) => /\.(js|css|woff2)$/.test(file))];
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  note(`first load: ${files.map((file) => path.relative(DESK_DIST, file)).join(", ")} — ${bytes} bytes gzipped`);
  return Math.ceil(bytes / 1024);
}

runOnSeededDatabase({ cases: CASES, signatures: 0 }, (name) => `database: ${name}; ${CASES} cases, ${QUERIES} queries each`, async ({ models, cipher, databaseName }) => {
  const clock = systemClock;
  const coordinator = buildActor({ userId: 42, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
  const tehranVolunteer = buildActor({ userId: 43, grants: [{ role: "volunteer", provinces: ["tehran", "alborz"] }], isAdmin: false });
  const actorNow: ActorLookup = (userId) =>
    Promise.resolve([coordinator, tehranVolunteer].find((actor) => actor.userId === userId) ?? buildActor({ userId, grants: [], isAdmin: false }));
  const audit = createAuditTrail(models, clock, cipher);
  const statistics = createStatisticsService({ models, clock, audit, actorNow });
  const counting = performance.now();
  await statistics.refresh();
  note(`statistics tally counted in ${Math.round(performance.now() - counting)} ms (the refresh-statistics job)`);
  const delivery = createDeliveryService(models, clock, { contentCipher: cipher });
  const reminders = createReminderService({ models, clock, delivery, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" });
  const noDocuments: Pick<Api, "sendDocument"> = { sendDocument: () => Promise.reject(new Error("the benchmark sends no documents")) };
  const desk = createDeskHandlers({
    services: {
      clock,
      cases: createCaseService({ models, clock, cipher, audit, delivery, defaultLocale: "fa", actorNow }),
      caseSearch: createCaseSearchService({ models, clock, cipher, audit, actorNow, tally: statistics.currentTally }),
      locations: createLocationService(models, clock, audit, actorNow, cipher),
      statistics,
      petitions: createPetitionService({ models, clock, audit, timeZone: "Asia/Tehran", fields: cipher, delivery, defaultLocale: "fa", actorNow, cipher, reminders }),
      events: createEventService({ models, clock, delivery, reminders, audit, actorNow, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" }),
    },
    api: noDocuments,
  });
  const i18n = createI18n<BotContext>("fa", async () => undefined);
  const readerOf = (actor: typeof coordinator): DeskReader => ({ userId: actor.userId, actor, locale: "fa", timeZone: "Asia/Tehran", t: (key, params) => i18n.t("fa", key, params) });
  const reader = readerOf(coordinator);
  const volunteer = readerOf(tehranVolunteer);
  const page = async (who: DeskReader, body: unknown, atLeast: number) => {
    const answer = await desk.cases(who, body);
    if (answer.status !== 200 || (answer.body as DeskCasesPage).rows.length < atLeast) throw new Error(`the desk answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  };
  const newestFirst = { field: "registered", direction: "desc" };
  const pages: [string, (i: number) => Promise<void>][] = [
    ["first page, newest first, no filter", () => page(reader, { filter: {}, sort: newestFirst, page: 0 }, 20)],
    ["page 2, newest first, no filter", () => page(reader, { filter: {}, sort: newestFirst, page: 1 }, 20)],
    ["first page, oldest first, no filter", () => page(reader, { filter: {}, sort: { field: "registered", direction: "asc" }, page: 0 }, 20)],
    ["first page by status", () => page(reader, { filter: {}, sort: { field: "status", direction: "asc" }, page: 0 }, 20)],
    ["first page by province", () => page(reader, { filter: {}, sort: { field: "province", direction: "asc" }, page: 0 }, 20)],
    ["one province, newest first", () => page(reader, { filter: { province: "kerman" }, sort: newestFirst, page: 0 }, 20)],
    ["one status, newest first", () => page(reader, { filter: { status: "outreach" }, sort: newestFirst, page: 0 }, 20)],
    ["a full name in Latin letters", (i) => page(reader, { filter: { name: nameOf((i * 997) % CASES) }, sort: newestFirst, page: 0 }, 1)],
    ["a volunteer of two provinces, first page", () => page(volunteer, { filter: {}, sort: newestFirst, page: 0 }, 20)],
  ];
  let worst = 0;
  for (const [label, ask] of pages) worst = Math.max(worst, await timed(`desk cases: ${label}`, ask, QUERIES));
  // A deep page of the list of every case: the weeks before it are skipped by the tally's counts,
  // but the week it falls in and the current week are read (two table scans on FerretDB).
  await timed("compare (not in page_p95_ms): desk cases: page 50, newest first, no filter", () => page(reader, { filter: {}, sort: newestFirst, page: 49 }, 20), QUERIES);
  note("not timed: lists with a location, a date range or pending duplicates and no name or reference are counted and sorted whole on FerretDB (README \"Performance\")");
  return `desk db=${databaseName} page_p95_ms=${Math.round(worst)} first_load_kb=${firstLoadKb()}`;
});
