// /find as the case search service answers it (issue #11 "Performance"): a name's whole token
// first, its words only when the whole name finds nothing; a handful of results counted in the same
// read as the page, more counted by the database; volunteers' provinces as an equality when they
// have one. The chat side of /find is in tests/e2e/coordinators-find.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { buildActor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { nameTokensOf } from "../../src/services/cases/caseRecordMapping.js";
import { createCaseSearchService, ONE_READ_LIMIT, type CaseSearchPage, type CaseSearchService, type SearchResult } from "../../src/services/cases/caseSearch.js";
import { createCaseService, type CaseService } from "../../src/services/cases/caseService.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { storedActors } from "../support/storedActors.js";
import { sampleRegistration } from "../support/fixtures.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
let search: CaseSearchService;
const now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("cd".repeat(32)));
const coordinator = buildActor({ userId: 1, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const ardabilVolunteer = buildActor({ userId: 2, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
const twoProvinceVolunteer = buildActor({ userId: 3, grants: [{ role: "volunteer", provinces: ["ardabil", "gilan"] }], isAdmin: false });

/** A family's answers as registration saves them: the fixture, with this story's defaults. */
const registration = (fullName: string, extra: Partial<CompleteRegistration> = {}): CompleteRegistration =>
  sampleRegistration({ fullName, familyProvince: "fars", birthYear: 1965, leftYear: 1984, lastContactMethod: "letter", ...extra });

let nextFamily = 700;
const register = async (fullName: string, extra: Partial<CompleteRegistration> = {}) =>
  (await cases.register({ userId: nextFamily++, locale: "fa", draft: registration(fullName, extra), consentAt: now })).reference;

/** Many cases of one name, stored as registration stores them (name encrypted, tokens keyed), a minute apart; newest first. */
async function storeMany(fullName: string, count: number, series: number): Promise<string[]> {
  const references = Array.from({ length: count }, (_, i) => `${5000 + i}-${String(series).padStart(4, "0")}-${i % 10}`);
  await models.cases.insertMany(
    references.map((reference, i) => ({
      reference,
      status: "registered",
      relative: { fullNameEnc: cipher.encrypt(fullName), location: "unknown" },
      nameTokens: nameTokensOf(fullName, null, cipher),
      province: "kerman",
      registeredBy: cipher.userRef(9_000 + series * 100 + i),
      createdAt: new Date(now.getTime() - (count - i) * 60_000),
      updatedAt: now,
    })),
  );
  return references.reverse();
}

const found = (result: SearchResult<CaseSearchPage>): CaseSearchPage => {
  if (!result.ok) throw new Error(`search refused: ${result.error}`);
  return result.value;
};
const referencesOf = (page: CaseSearchPage) => page.hits.map((h) => h.reference);

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  let seed = 7;
  const deps = {
    models,
    clock,
    referenceRandom: (max: number) => (seed = (seed * 16807) % 2147483647) % max,
    cipher,
    audit: createAuditTrail(models, clock, cipher),
    delivery: { withdrawRecipient: async (jobIds: readonly string[]) => jobIds.length, enqueue: async () => ({ created: true, recipients: 0 }) },
    defaultLocale: "fa",
    actorNow: storedActors(coordinator, ardabilVolunteer, twoProvinceVolunteer),
  };
  cases = createCaseService(deps);
  search = createCaseSearchService(deps);
}, 60_000);
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("a coordinator searches by name", () => {
  it("finds a full name in any script and in another word order, and a name with a middle name by its words when the whole name finds nothing", async () => {
    const kazemi = await register("علی‌رضا کاظمی", { familyProvince: "tehran" });
    const jalali = await register("Mehdi Hossein Jalali", { familyProvince: "tehran" });
    await register("Alireza Rahmani", { familyProvince: "tehran" });

    for (const name of ["عليرضا كاظمي", "Alireza Kazemi", "Ali Reza Kazemi", "Kazemi Alireza", "کاظمی علیرضا"]) {
      const page = found(await search.search(coordinator, { name }));
      expect({ name, references: referencesOf(page), total: page.total }).toEqual({ name, references: [kazemi], total: 1 });
    }
    // «مهدی جلالی»: no case is called that as a whole; the case with a middle name has both words.
    expect(referencesOf(found(await search.search(coordinator, { name: "Mehdi Jalali" })))).toEqual([jalali]);
    expect(referencesOf(found(await search.search(coordinator, { name: "Jalali Mehdi" })))).toEqual([jalali]);
    // The export holds what the pages showed: the case found by its words.
    found(await search.search(coordinator, { name: "Jalali Mehdi" }));
    const exported = await search.exportCsv(coordinator);
    if (!exported.ok) throw new Error(exported.error);
    let csv = "";
    for await (const chunk of exported.value.csv) csv += String(chunk);
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows.map((row) => row.split(",")[0])).toEqual([jalali]);
    // Two words that no single case has: nothing, not the cases that have one of them.
    const none = found(await search.search(coordinator, { name: "Alireza Jalali" }));
    expect({ total: none.total, hits: none.hits }).toEqual({ total: 0, hits: [] });
  });

  it(`counts ${ONE_READ_LIMIT} cases of one name and ${ONE_READ_LIMIT + 1} of another exactly, ten a page, the last page holding the rest, newest first`, async () => {
    // Up to ONE_READ_LIMIT are read and counted in one query; one more is counted by the database, then paged.
    const many = await storeMany("Nima Sabeti", ONE_READ_LIMIT, 1);
    const more = await storeMany("Omid Sabouri", ONE_READ_LIMIT + 1, 2);
    const lastPage = ONE_READ_LIMIT / 10 - 1;

    const first = found(await search.search(coordinator, { name: "نیما ثابتی" }));
    expect({ total: first.total, pages: first.pages, page: first.page, references: referencesOf(first) }).toEqual({
      total: ONE_READ_LIMIT,
      pages: lastPage + 1,
      page: 0,
      references: many.slice(0, 10),
    });
    const last = found(await search.page(coordinator, lastPage));
    expect({ page: last.page, references: referencesOf(last) }).toEqual({ page: lastPage, references: many.slice(-10) });
    // A page past the end shows the last one.
    expect(found(await search.page(coordinator, lastPage + 3)).page).toBe(lastPage);

    const other = found(await search.search(coordinator, { name: "Omid Sabouri" }));
    expect({ total: other.total, pages: other.pages, references: referencesOf(other) }).toEqual({ total: ONE_READ_LIMIT + 1, pages: lastPage + 2, references: more.slice(0, 10) });
    for (const page of [1, lastPage, lastPage + 1]) {
      expect({ page, references: referencesOf(found(await search.page(coordinator, page))) }).toEqual({ page, references: more.slice(page * 10, page * 10 + 10) });
    }

    const audited = await models.auditEvents.find({ action: "case.search" }).sort({ _id: -1 }).limit(1).lean().exec();
    expect(audited[0]?.details).toMatchObject({ filter: "name", results: ONE_READ_LIMIT + 1, page: lastPage + 1 });
  }, 60_000);

  it("finds the cases of a province and a status, and of pending duplicates, counted and paged the same way", async () => {
    const kerman = await storeMany("Kaveh Kermani", 12, 3);
    await models.cases.updateMany({ reference: { $in: kerman.slice(0, 3) } }, { $set: { status: "verified", duplicateReview: "pending" } }).exec();
    const verified = found(await search.search(coordinator, { province: "kerman", status: "verified" }));
    expect({ total: verified.total, references: referencesOf(verified) }).toEqual({ total: 3, references: kerman.slice(0, 3) });
    const pending = found(await search.search(coordinator, { duplicatesPending: true, province: "kerman" }));
    expect({ total: pending.total, references: referencesOf(pending) }).toEqual({ total: 3, references: kerman.slice(0, 3) });
  });
});

describe("a volunteer searches their provinces only", () => {
  it("sees the cases of their one province, or of their two, by name and with no filter, and nothing of another province", async () => {
    const ardabil = await register("Bijan Sabalani", { familyProvince: "ardabil" });
    const gilan = await register("Bijan Sabalani", { familyProvince: "gilan" });
    await register("Bijan Sabalani", { familyProvince: "mazandaran" });

    const oneProvince = found(await search.search(ardabilVolunteer, { name: "بیژن سبلانی" }));
    expect({ total: oneProvince.total, references: referencesOf(oneProvince) }).toEqual({ total: 1, references: [ardabil] });
    const everything = found(await search.search(ardabilVolunteer, {}));
    expect(new Set(everything.hits.map((h) => h.province))).toEqual(new Set(["ardabil"]));

    const twoProvinces = found(await search.search(twoProvinceVolunteer, { name: "Bijan Sabalani" }));
    expect(new Set(referencesOf(twoProvinces))).toEqual(new Set([ardabil, gilan]));
    // Asking for a province that is not theirs finds nothing at all.
    const outside = found(await search.search(ardabilVolunteer, { name: "Bijan Sabalani", province: "mazandaran" }));
    expect(outside.total).toBe(0);
  });
});
