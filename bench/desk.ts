// The desk's table benchmark (issue #12 "Proof"): the 100,000 cases of bench:coordinators (seeded
// by bench/support/caseSeed.ts), then the desk's `cases` handler (src/desk/server/deskHandlers.ts:
// zod, the case search service, the labels in Persian) timed 100 times each for a coordinator:
// the first page newest first with no filter, and a full name typed in Latin letters. Then the
// page's first load for a Persian reader: the gzip size of dist/desk/index.html and its scripts,
// styles and fonts (0 when `npm run build:desk` has not run).
//
//   npm run bench:desk                         (100,000 cases)
//   npm run bench:desk -- --cases 20000 --queries 50
//   npm run bench:desk -- --unfiltered-queries 5   (the unfiltered first page takes seconds on FerretDB)
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
/** The first page with no filter: on FerretDB each reads and sorts every case (README "Performance"), so a shorter run may ask fewer. */
const UNFILTERED_QUERIES = flag("unfiltered-queries", QUERIES);
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
  const actorNow: ActorLookup = (userId) => Promise.resolve(userId === coordinator.userId ? coordinator : buildActor({ userId, grants: [], isAdmin: false }));
  const audit = createAuditTrail(models, clock, cipher);
  const delivery = createDeliveryService(models, clock, { contentCipher: cipher });
  const reminders = createReminderService({ models, clock, delivery, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" });
  const noDocuments: Pick<Api, "sendDocument"> = { sendDocument: () => Promise.reject(new Error("the benchmark sends no documents")) };
  const desk = createDeskHandlers({
    services: {
      clock,
      cases: createCaseService({ models, clock, cipher, audit, delivery, defaultLocale: "fa", actorNow }),
      caseSearch: createCaseSearchService({ models, clock, cipher, audit, actorNow }),
      locations: createLocationService(models, clock, audit, actorNow, cipher),
      statistics: createStatisticsService({ models, clock, audit, actorNow }),
      petitions: createPetitionService({ models, clock, audit, timeZone: "Asia/Tehran", fields: cipher, delivery, defaultLocale: "fa", actorNow, cipher, reminders }),
      events: createEventService({ models, clock, delivery, reminders, audit, actorNow, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" }),
    },
    api: noDocuments,
  });
  const i18n = createI18n<BotContext>("fa", async () => undefined);
  const reader: DeskReader = { userId: coordinator.userId, actor: coordinator, locale: "fa", timeZone: "Asia/Tehran", t: (key, params) => i18n.t("fa", key, params) };
  const page = async (body: unknown, atLeast: number) => {
    const answer = await desk.cases(reader, body);
    if (answer.status !== 200 || (answer.body as DeskCasesPage).rows.length < atLeast) throw new Error(`the desk answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
  };
  const newestFirst = { field: "registered", direction: "desc" };
  const firstPage = await timed("desk cases: first page, newest first, no filter", () => page({ filter: {}, sort: newestFirst, page: 0 }, 20), UNFILTERED_QUERIES);
  const byName = await timed("desk cases: a full name in Latin letters", (i) => page({ filter: { name: nameOf((i * 997) % CASES) }, sort: newestFirst, page: 0 }, 1), QUERIES);
  await timed("compare: desk cases: page 50 by reference", () => page({ filter: {}, sort: { field: "reference", direction: "asc" }, page: 50 }, 20), UNFILTERED_QUERIES);
  return `desk db=${databaseName} page_p95_ms=${Math.round(Math.max(firstPage, byName))} first_load_kb=${firstLoadKb()}`;
});
