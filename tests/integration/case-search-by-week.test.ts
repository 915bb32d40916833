// Broad lists of cases (no name, no reference: all cases, a province, a status, a volunteer's
// provinces) read a registration week at a time, their totals from the statistics tally (issue #12:
// the desk's table at 100,000 cases on FerretDB). Every page of every order must be the page a
// count and a sort of the whole list gives; cases registered after the tally was counted are shown
// and reachable; without a fresh tally the search counts and sorts as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import { CASE_STATUSES } from "../../src/domain/caseStatus.js";
import { registrationWeek } from "../../src/domain/registrationWeek.js";
import { buildActor, type Actor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { nameTokensOf } from "../../src/services/cases/caseRecordMapping.js";
import { createCaseSearchService, type CasePageView, type CaseSearchPage, type CaseSearchService, type SearchResult } from "../../src/services/cases/caseSearch.js";
import { createStatisticsService, type StatisticsService } from "../../src/services/statistics.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { storedActors } from "../support/storedActors.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
/** A Sunday evening: the test below registers a case a few minutes later, in a week the tally has not seen. */
let now = new Date("2026-11-29T23:55:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("ef".repeat(32)));
const coordinator = buildActor({ userId: 1, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const volunteer = buildActor({ userId: 2, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
const twoProvinces = buildActor({ userId: 3, grants: [{ role: "volunteer", provinces: ["ardabil", "gilan"] }], isAdmin: false });
const PROVINCES = ["ardabil", "gilan", "kerman", "tehran", "abroad"];
const DAY = 86_400_000;

let statistics: StatisticsService;
/** Counts and sorts every list (no tally). */
let counted: CaseSearchService;
/** Reads broad lists week by week when the tally is fresh. */
let byWeek: CaseSearchService;

const found = (result: SearchResult<CaseSearchPage>): CaseSearchPage => {
  if (!result.ok) throw new Error(`search refused: ${result.error}`);
  return result.value;
};
const shape = (page: CaseSearchPage) => ({ page: page.page, pages: page.pages, total: page.total, references: page.hits.map((h) => h.reference) });

let serial = 0;
/** Cases as registration stores them; `legacy` ones without their week (stored before it was kept). */
async function store(at: Date, count: number, legacy = false): Promise<void> {
  await models.cases.insertMany(
    Array.from({ length: count }, () => {
      const i = serial++;
      const createdAt = new Date(at.getTime() + i * 61_000);
      return {
        reference: `${String(1000 + i).padStart(4, "0")}-7777-${i % 10}`,
        status: CASE_STATUSES[(i * 5) % CASE_STATUSES.length],
        relative: { fullNameEnc: cipher.encrypt(`Person ${i}`), location: "unknown" },
        nameTokens: nameTokensOf(`Person ${i}`, null, cipher),
        province: PROVINCES[(i * 3) % PROVINCES.length],
        registeredBy: cipher.userRef(50_000 + i),
        createdAt,
        ...(legacy ? {} : { registeredWeek: registrationWeek(createdAt) }),
        updatedAt: createdAt,
      };
    }),
  );
}

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  const actorNow = storedActors(coordinator, volunteer, twoProvinces);
  const audit = createAuditTrail(models, clock, cipher);
  statistics = createStatisticsService({ models, clock, audit, actorNow, maxAgeMs: 10 * 60_000 });
  counted = createCaseSearchService({ models, clock, cipher, audit, actorNow });
  byWeek = createCaseSearchService({ models, clock, cipher, audit, actorNow, tally: statistics.currentTally });
  // 13 weeks with registrations, some weeks with none between them, a busy week, and cases stored
  // before registrations kept their week.
  const start = new Date("2026-08-03T10:00:00Z");
  for (const [weeksAgo, count] of [
    [0, 9],
    [1, 3],
    [2, 22],
    [5, 1],
    [6, 7],
    [9, 4],
    [10, 5],
  ] as const) {
    await store(new Date(start.getTime() + (15 - weeksAgo) * 7 * DAY), count);
  }
  await store(new Date(start.getTime() + 3 * DAY), 12, true);
  await store(new Date(start.getTime() + 10 * DAY), 2, true);
  await statistics.refresh();
}, 60_000);
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("a broad list read a week at a time", () => {
  it("gives the cases stored before their week was kept a week at the statistics refresh", async () => {
    expect(await models.cases.countDocuments({ registeredWeek: null }).exec()).toBe(0);
    // Serial 55: one of the twelve stored without their week.
    const sample = await models.cases.findOne({ reference: "1055-7777-5" }).lean().exec();
    expect(sample?.registeredWeek).toBe(registrationWeek(sample!.createdAt));
  });

  /** Every page of a list (and one past its end), in each order, from both services. */
  async function compareEveryPage(lists: [Actor, Record<string, unknown>][], orders: CasePageView["sort"][], pageSize: number): Promise<number> {
    let compared = 0;
    for (const [actor, filter] of lists) {
      for (const sort of orders) {
        const first = found(await counted.search(actor, filter, { sort, pageSize }));
        for (let page = 0; page <= first.pages; page++) {
          const view = { sort, pageSize, page };
          const expected = shape(found(await counted.search(actor, filter, view)));
          expect({ actor: actor.userId, filter, sort, asked: page, ...shape(found(await byWeek.search(actor, filter, view))) }).toEqual({ actor: actor.userId, filter, sort, asked: page, ...expected });
          compared++;
        }
      }
    }
    return compared;
  }

  it("shows every page of every order exactly as a count and a sort of the whole list would", async () => {
    const orders: CasePageView["sort"][] = [
      { field: "registered", direction: "desc" },
      { field: "registered", direction: "asc" },
      { field: "status", direction: "asc" },
      { field: "status", direction: "desc" },
      { field: "province", direction: "asc" },
      { field: "province", direction: "desc" },
    ];
    const compared = await compareEveryPage(
      [
        [coordinator, {}],
        [coordinator, { province: "kerman" }],
        [coordinator, { status: "outreach" }],
        [volunteer, {}],
        [twoProvinces, {}],
        [twoProvinces, { status: "registered" }],
      ],
      orders,
      9,
    );
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it("reads the first pages of a province's or a status's list week by week and its deeper pages in one sorted read, with the same rows", async () => {
    // Two a page: the first pages take a few weeks, the deeper ones more than WALK_WEEKS.
    const compared = await compareEveryPage(
      [
        [coordinator, { province: "kerman" }],
        [coordinator, { status: "outreach" }],
        [volunteer, {}],
      ],
      [
        { field: "registered", direction: "desc" },
        { field: "registered", direction: "asc" },
      ],
      2,
    );
    expect(compared).toBeGreaterThan(30);
  }, 120_000);

  it("shows a case registered after the tally was counted at once, and keeps the oldest case reachable on one more page", async () => {
    // 65 cases, 5 a page: 13 full pages.
    const before = found(await byWeek.search(coordinator, {}, { pageSize: 5 }));
    const total = before.total;
    expect(total % 5).toBe(0);
    const oldest = found(await counted.search(coordinator, {}, { pageSize: 5, page: before.pages - 1 })).hits.at(-1)!.reference;
    // Monday of the next week, 00:01: a week the tally has never seen, within its age limit.
    now = new Date("2026-11-30T00:02:00Z");
    await store(new Date("2026-11-30T00:01:00Z"), 1);
    const newest = `${String(1000 + serial - 1).padStart(4, "0")}-7777-${(serial - 1) % 10}`;
    const first = found(await byWeek.search(coordinator, {}, { pageSize: 5 }));
    expect(first.hits[0]!.reference).toBe(newest);
    // The total is the tally's (counted before the new case) until the next refresh…
    expect(first.total).toBe(total);
    // …and the list goes on past it: the last counted page offers one more, which holds the oldest case.
    const last = found(await byWeek.search(coordinator, {}, { pageSize: 5, page: total / 5 - 1 }));
    expect(last.pages).toBe(last.page + 2);
    const beyond = found(await byWeek.search(coordinator, {}, { pageSize: 5, page: last.page + 1 }));
    expect(beyond.hits.map((h) => h.reference)).toEqual([oldest]);
    expect(beyond.total).toBe(total + 1);
  });

  it("counts and sorts the whole list when the tally is older than twice the refresh period", async () => {
    now = new Date(now.getTime() + 11 * 60_000);
    const live = await models.cases.countDocuments({}).exec();
    const first = found(await byWeek.search(coordinator, {}, { pageSize: 10 }));
    expect(first.total).toBe(live);
    expect(shape(first)).toEqual(shape(found(await counted.search(coordinator, {}, { pageSize: 10 }))));
  });
});
