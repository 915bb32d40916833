// The desk's data (issue #12): the handlers the desk's HTTP routes call, against the test database,
// built on the same services as the chat's /find, /case, status moves, /stats and /export. The
// stories: a coordinator sorts, pages and filters the table; a volunteer of Ardabil sees Ardabil only
// and no contact; a move tells the family through the outbox; an export reaches the coordinator's
// private chat and is audited with its rows; forged ids and bodies are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Api, InputFile } from "grammy";
import type { Clock } from "../../src/clock.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { BotContext } from "../../src/bot/context.js";
import { type Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { buildActor, type Actor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { nameTokensOf } from "../../src/services/cases/caseRecordMapping.js";
import { createCaseSearchService, type CaseSearchService } from "../../src/services/cases/caseSearch.js";
import { createCaseService, type CaseService } from "../../src/services/cases/caseService.js";
import { createEventService, type EventService } from "../../src/services/events.js";
import { createLocationService } from "../../src/services/locations.js";
import { createPetitionService, type PetitionService } from "../../src/services/petitions.js";
import { createReminderService } from "../../src/services/reminders/reminderService.js";
import { createStatisticsService } from "../../src/services/statistics.js";
import { createDeskHandlers } from "../../src/desk/server/deskHandlers.js";
import type { DeskHandlers, DeskReader } from "../../src/desk/server/deskReader.js";
import type { DeskCase, DeskCasesPage, DeskOverview, DeskStatusMoved } from "../../src/desk/shared/deskApi.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { openPetition } from "../support/petitions.js";
import { storedActors } from "../support/storedActors.js";
import { sampleRegistration } from "../support/fixtures.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
let petitions: PetitionService;
let events: EventService;
let caseSearch: CaseSearchService;
let desk: DeskHandlers;
const now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("d2".repeat(32)));
const coordinator = buildActor({ userId: 1, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const ardabilVolunteer = buildActor({ userId: 2, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
const family = buildActor({ userId: 900, grants: [], isAdmin: false });
const i18n = createI18n<BotContext>("fa", async () => undefined);

/** Someone looking at the desk, in their language, on Tehran's clock. */
const readerOf = (actor: Actor, locale = "fa"): DeskReader => ({
  userId: actor.userId,
  actor,
  locale,
  timeZone: "Asia/Tehran",
  t: (key, args) => i18n.t(locale, key, args),
});
const coordinatorFa = readerOf(coordinator);
const volunteerEn = readerOf(ardabilVolunteer, "en");

/** Documents the bot sent, read to the end as grammY reads a file it uploads. */
const sentDocuments: { chatId: number; filename: string | undefined; caption: string | undefined; csv: string }[] = [];
const api: Pick<Api, "sendDocument"> = {
  async sendDocument(chatId, document, other) {
    const file = document as InputFile;
    const raw = await (file as unknown as { toRaw(): Promise<AsyncIterable<Uint8Array>> }).toRaw();
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(Buffer.from(chunk));
    sentDocuments.push({ chatId: Number(chatId), filename: file.filename, caption: other?.caption, csv: Buffer.concat(chunks).toString("utf8") });
    return {} as Awaited<ReturnType<Api["sendDocument"]>>;
  },
};

/** A family's answers as registration saves them: the fixture, with this story's defaults. */
const registration = (fullName: string, extra: Partial<CompleteRegistration> = {}): CompleteRegistration =>
  sampleRegistration({ fullName, familyProvince: "tehran", familyCity: "Karaj", birthYear: 1965, leftYear: 1984, lastContactMethod: "letter", contactPreference: "phone", phone: "+989121111111", ...extra });

let nextFamily = 1000;
const register = async (fullName: string, extra: Partial<CompleteRegistration> = {}, userId = nextFamily++) =>
  cases.register({ userId, locale: "fa", draft: registration(fullName, extra), consentAt: now });

/** Cases stored as registration stores them, an hour apart (the first the oldest), in Kerman. */
async function storeMany(count: number): Promise<string[]> {
  const references = Array.from({ length: count }, (_, i) => `${3000 + i}-7777-${i % 10}`);
  await models.cases.insertMany(
    references.map((reference, i) => ({
      reference,
      status: i % 3 === 0 ? "under_review" : "registered",
      relative: { fullNameEnc: cipher.encrypt(`Invented Person ${i}`), location: "unknown" },
      nameTokens: nameTokensOf(`Invented Person ${i}`, null, cipher),
      province: "kerman",
      registeredBy: cipher.userRef(8_000 + i),
      createdAt: new Date(now.getTime() - (count - i) * 3_600_000 - 86_400_000),
      updatedAt: now,
    })),
  );
  return references;
}

const body = <T>(answer: { status: number; body: unknown }, status = 200): T => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as T;
};
const auditOf = (actor: Actor, action: string) => models.auditEvents.find({ actorId: cipher.userRef(actor.userId), action }).sort({ _id: 1 }).lean().exec();

let kermanReferences: string[];
let kazemi: { caseId: string; reference: string };
let ardabilCase: { caseId: string; reference: string };

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  let seed = 11;
  const audit = createAuditTrail(models, clock, cipher);
  const actorNow = storedActors(coordinator, ardabilVolunteer);
  const delivery = createDeliveryService(models, clock, { contentCipher: cipher });
  const reminders = createReminderService({ models, clock, delivery, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" });
  cases = createCaseService({ models, clock, referenceRandom: (max) => (seed = (seed * 16807) % 2147483647) % max, cipher, audit, delivery, defaultLocale: "fa", actorNow });
  let petitionSeed = 3;
  petitions = createPetitionService({ models, clock, audit, timeZone: "Asia/Tehran", random: () => (petitionSeed = (petitionSeed * 16807) % 2147483647) / 2147483647, fields: cipher, delivery, defaultLocale: "fa", actorNow, cipher, reminders });
  events = createEventService({ models, clock, delivery, reminders, audit, actorNow, cipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" });
  caseSearch = createCaseSearchService({ models, clock, cipher, audit, actorNow });
  desk = createDeskHandlers({
    services: {
      clock,
      cases,
      caseSearch,
      locations: createLocationService(models, clock, audit, actorNow, cipher),
      statistics: createStatisticsService({ models, clock, audit, actorNow }),
      petitions,
      events,
    },
    api,
  });
  kermanReferences = await storeMany(25);
  kazemi = await register("علی‌رضا کاظمی", { familyProvince: "tehran" }, 901);
  ardabilCase = await register("Bahram Invented", { familyProvince: "ardabil", familyCity: "Meshginshahr", phone: "+989122222222" }, 902);
}, 60_000);
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("a coordinator looks at the cases table", () => {
  it("sorts newest first, oldest first and by status (never by reference), 20 rows a page, labelled in Persian, and every page is an audited search", async () => {
    const kerman = { province: "kerman" };
    const first = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: kerman, sort: { field: "registered", direction: "desc" }, page: 0 }));
    expect({ total: first.total, pages: first.pages, rows: first.rows.length }).toEqual({ total: 25, pages: 2, rows: 20 });
    expect(first.rows.map((r) => r.reference)).toEqual([...kermanReferences].reverse().slice(0, 20));
    expect(first.rows[0]).toMatchObject({ fullName: "Invented Person 24", province: "kerman", provinceLabel: "کرمان", duplicatePending: false });
    // Registered on 26 Nov 2026 (UTC) = 5 Azar 1405, in Persian digits.
    expect(first.rows[0]!.registeredLabel).toBe("۵ آذر ۱۴۰۵");
    expect(first.rows.find((r) => r.status === "under_review")?.statusLabel).toBe("در حال بررسی");

    const second = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: kerman, sort: { field: "registered", direction: "desc" }, page: 1 }));
    expect(second.rows.map((r) => r.reference)).toEqual([...kermanReferences].reverse().slice(20));
    const oldest = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: kerman, sort: { field: "registered", direction: "asc" }, page: 0 }));
    expect(oldest.rows[0]!.reference).toBe(kermanReferences[0]);
    // References are random digits: the table is not sorted by them, and a request that asks is refused.
    expect((await desk.cases(coordinatorFa, { filter: kerman, sort: { field: "reference", direction: "desc" }, page: 0 })).status).toBe(400);
    const byStatus = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: kerman, sort: { field: "status", direction: "desc" }, page: 0 }));
    expect(byStatus.rows.slice(0, 9).every((r) => r.status === "under_review")).toBe(true);

    const searches = await auditOf(coordinator, "case.search");
    // The refused request searched nothing: four searches.
    expect(searches.slice(-4).map((s) => s.details)).toEqual([
      { filter: "province", results: 25, page: 0 },
      { filter: "province", results: 25, page: 1 },
      { filter: "province", results: 25, page: 0 },
      { filter: "province", results: 25, page: 0 },
    ]);
  });

  it("finds «علی‌رضا کاظمی» by the name typed in Latin letters, and an empty field of the form is no filter", async () => {
    const page = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: { name: "Alireza Kazemi", province: "", duplicatesPending: false }, sort: { field: "registered", direction: "desc" }, page: 0 }));
    expect(page.rows.map((r) => ({ reference: r.reference, fullName: r.fullName, provinceLabel: r.provinceLabel }))).toEqual([{ reference: kazemi.reference, fullName: "علی‌رضا کاظمی", provinceLabel: "تهران" }]);
    // The name is never in the audit trail: only which fields were used.
    const last = (await auditOf(coordinator, "case.search")).at(-1);
    expect(last?.details).toEqual({ filter: "name", results: 1, page: 0 });
    expect(JSON.stringify(last)).not.toContain("Kazemi");
    // The table's filter is the coordinator's current /find filter too: /export in the chat follows it.
    expect(await caseSearch.currentFilter(coordinator)).toEqual({ name: "Alireza Kazemi" });
  });

  it("opens a case on one screen: the families with their phone, the timeline in words, the moves a coordinator has; audited as a view", async () => {
    const card = body<DeskCase>(await desk.caseCard(coordinatorFa, ardabilCase.caseId));
    expect(card).toMatchObject({ reference: ardabilCase.reference, fullName: "Bahram Invented", statusLabel: "ثبت شده", provinceLabel: "اردبیل", familyCount: 1, sexLabel: "مرد", birthYear: 1965, locationLabel: "معلوم نیست" });
    expect(card.families).toEqual([{ relationLabel: "مادرش هستم", provinceLabel: "اردبیل", city: "Meshginshahr", phone: "+989122222222" }]);
    expect(card.timeline.map((e) => e.what)).toEqual(["ثبت شد"]);
    expect(card.moves.map((m) => m.code)).toEqual(["under_review", "closed"]);
    expect((await auditOf(coordinator, "case.view")).at(-1)).toMatchObject({ subjectId: ardabilCase.reference, details: { families: 1, contacts: 1 } });
  });

  it("sorts statuses in the order a case moves through them and provinces in the reader's alphabet, across pages", async () => {
    // Two Kerman cases further along (set directly: this story is about the order, not the moves).
    const [closed, verified] = [kermanReferences[3]!, kermanReferences[4]!];
    const statusBefore = await models.cases.find({ reference: { $in: [closed, verified] } }, { reference: 1, status: 1 }).lean().exec();
    await models.cases.updateOne({ reference: closed }, { $set: { status: "closed" } }).exec();
    await models.cases.updateOne({ reference: verified }, { $set: { status: "verified" } }).exec();
    try {
      const all = async (sort: { field: string; direction: string }) => {
        const first = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: {}, sort, page: 0 }));
        const second = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: {}, sort, page: 1 }));
        expect(first.total).toBe(27);
        return [...first.rows, ...second.rows];
      };
      // Registered, being reviewed, verified, … closed — not the codes' alphabet (closed first).
      const statuses = (await all({ field: "status", direction: "asc" })).map((r) => r.status);
      expect(statuses).toHaveLength(27);
      expect([...new Set(statuses)]).toEqual(["registered", "under_review", "verified", "closed"]);
      expect(statuses.slice(-2)).toEqual(["verified", "closed"]);
      const backwards = (await all({ field: "status", direction: "desc" })).map((r) => r.status);
      expect([...new Set(backwards)]).toEqual(["closed", "verified", "under_review", "registered"]);
      // Inside a status, newest first.
      const registered = (await all({ field: "status", direction: "asc" })).filter((r) => r.status === "registered").map((r) => r.registeredAt);
      expect(registered).toEqual([...registered].sort().reverse());

      // Provinces by their Persian names: اردبیل, تهران, کرمان (the codes would put Kerman before Tehran).
      const provinces = (await all({ field: "province", direction: "asc" })).map((r) => r.provinceLabel);
      expect([...new Set(provinces)]).toEqual(["اردبیل", "تهران", "کرمان"]);
      // Found by a name's words (one read of a few cases, ordered in memory): the same order.
      const named = body<DeskCasesPage>(await desk.cases(coordinatorFa, { filter: { name: "Invented Person" }, sort: { field: "status", direction: "desc" }, page: 0 }));
      expect(named.total).toBe(25);
      expect(named.rows.slice(0, 2).map((r) => r.status)).toEqual(["closed", "verified"]);
      expect([...new Set(named.rows.map((r) => r.status))]).toEqual(["closed", "verified", "under_review", "registered"]);
    } finally {
      for (const c of statusBefore) await models.cases.updateOne({ _id: c._id }, { $set: { status: c.status } }).exec();
    }
  });
});

describe("a volunteer of Ardabil", () => {
  it("sees only Ardabil's cases, a card with how many families follow it but no contact, and none of another province", async () => {
    const page = body<DeskCasesPage>(await desk.cases(volunteerEn, { filter: {}, sort: { field: "province", direction: "asc" }, page: 0 }));
    expect(page.rows.map((r) => ({ reference: r.reference, provinceLabel: r.provinceLabel, statusLabel: r.statusLabel }))).toEqual([{ reference: ardabilCase.reference, provinceLabel: "Ardabil", statusLabel: "Registered" }]);
    // Asking for Kerman by name of the province finds nothing: the service narrows it to theirs.
    expect(body<DeskCasesPage>(await desk.cases(volunteerEn, { filter: { province: "kerman" }, sort: { field: "registered", direction: "desc" }, page: 0 })).total).toBe(0);

    const card = body<DeskCase>(await desk.caseCard(volunteerEn, ardabilCase.caseId));
    expect(card.familyCount).toBe(1);
    expect(card.families).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain("989122222222");
    expect(card.moves).toEqual([{ code: "under_review", label: "Being reviewed" }]);
    expect(await desk.caseCard(volunteerEn, kazemi.caseId)).toEqual({ status: 403, body: { error: "forbidden" } });
  });

  it("may not export, and no document is sent", async () => {
    const before = sentDocuments.length;
    expect(await desk.exportCsv(volunteerEn, { filter: {} })).toEqual({ status: 403, body: { error: "forbidden" } });
    expect(sentDocuments.length).toBe(before);
  });
});

describe("a status move from the desk", () => {
  it("moves the case as the chat does, and the family is told through one outbox job naming the event", async () => {
    const moved = body<DeskStatusMoved>(await desk.moveStatus(volunteerEn, ardabilCase.caseId, { to: "under_review", familyNote: "  We are reading your registration.  ", internalNote: "" }));
    expect(moved).toEqual({ status: "under_review", statusLabel: "Being reviewed", notified: 1 });
    const event = await models.caseEvents.findOne({ type: "status", to: "under_review" }).sort({ _id: -1 }).lean().exec();
    const job = await models.deliveryJobs.findById(`case-status:${String(event!._id)}`).lean().exec();
    expect(job?.subject).toEqual({ kind: "case-status", eventId: String(event!._id) });
    // The note is stored encrypted, trimmed, and shown back on the card.
    const card = body<DeskCase>(await desk.caseCard(coordinatorFa, ardabilCase.caseId));
    expect(card.timeline.at(-1)).toMatchObject({ what: "وضعیت تغییر کرد: در حال بررسی", familyNote: "We are reading your registration." });
    expect(card.moves.map((m) => m.code)).toEqual(["registered", "verified", "closed"]);
  });

  it("refuses what the chat refuses: a step the role may not take, the same status, closing without a reason, another province, a case moved meanwhile", async () => {
    expect(await desk.moveStatus(volunteerEn, ardabilCase.caseId, { to: "verified" })).toEqual({ status: 403, body: { error: "not_allowed" } });
    expect(await desk.moveStatus(coordinatorFa, ardabilCase.caseId, { to: "under_review" })).toEqual({ status: 400, body: { error: "same_status" } });
    expect(await desk.moveStatus(coordinatorFa, ardabilCase.caseId, { to: "closed" })).toEqual({ status: 400, body: { error: "reason_required" } });
    expect(await desk.moveStatus(volunteerEn, kazemi.caseId, { to: "under_review" })).toEqual({ status: 403, body: { error: "forbidden" } });
    const closed = body<DeskStatusMoved>(await desk.moveStatus(coordinatorFa, ardabilCase.caseId, { to: "closed", closeReason: "reunited" }));
    expect(closed.statusLabel).toBe("بسته شده");
    const card = body<DeskCase>(await desk.caseCard(coordinatorFa, ardabilCase.caseId));
    expect(card.closeReasonLabel).toBe(i18n.t("fa", "close-reason-reunited"));
    expect(card.moves.map((m) => m.code)).toEqual(["under_review"]);
  });
});

describe("the export from the desk", () => {
  it("sends the CSV of the table's filter to the coordinator's private chat and audits it with its rows", async () => {
    const sent = body<{ rows: number }>(await desk.exportCsv(coordinatorFa, { filter: { province: "kerman", status: "under_review" } }));
    expect(sent).toEqual({ rows: 9 });
    const document = sentDocuments.at(-1)!;
    expect(document).toMatchObject({ chatId: coordinator.userId, filename: "cases-2026-11-27.csv" });
    expect(document.caption).toContain("کرمان");
    const lines = document.csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(1 + 9);
    expect(lines[0]!.startsWith("reference,registered_at,status")).toBe(true);
    expect(lines.slice(1).every((line) => line.includes(",under_review,") && line.includes(",Kerman,"))).toBe(true);
    expect((await auditOf(coordinator, "case.export")).at(-1)?.details).toEqual({ filter: "province+status", rows: 9 });
  });
});

describe("forged and malformed requests", () => {
  it("answers a forged case id with 404 and a bad body with 400, touching nothing", async () => {
    for (const caseId of ["abc", "$gt", "0".repeat(24), `${ardabilCase.caseId}x`, "'; drop"]) {
      expect(await desk.caseCard(coordinatorFa, caseId), caseId).toEqual({ status: 404, body: { error: "not_found" } });
      expect(await desk.moveStatus(coordinatorFa, caseId, { to: "under_review" }), caseId).toEqual({ status: 404, body: { error: "not_found" } });
    }
    const sort = { field: "registered", direction: "desc" };
    const bad: unknown[] = [
      null,
      "cases",
      { filter: {}, sort, page: -1 },
      { filter: {}, sort, page: 1.5 },
      { filter: {}, sort, page: 1000 },
      { filter: {}, sort: { field: "fullName", direction: "asc" }, page: 0 },
      { filter: {}, sort, page: 0, extra: true },
      { filter: { name: { $gt: "" } }, sort, page: 0 },
      { filter: { province: "atlantis" }, sort, page: 0 },
      { filter: { name: "x".repeat(10_000) }, sort, page: 0 },
      { filter: { status: "lost" }, sort, page: 0 },
    ];
    for (const request of bad) expect(await desk.cases(coordinatorFa, request), JSON.stringify(request)?.slice(0, 80)).toEqual({ status: 400, body: { error: "invalid" } });
    for (const move of [{}, { to: "lost" }, { to: "closed", closeReason: "bored" }, { to: "under_review", familyNote: "x".repeat(501) }, { to: "under_review", admin: true }]) {
      expect(await desk.moveStatus(coordinatorFa, kazemi.caseId, move), JSON.stringify(move).slice(0, 80)).toEqual({ status: 400, body: { error: "invalid" } });
    }
    for (const request of [{}, { filter: { province: "atlantis" } }, { filter: { $where: "1" } }]) {
      expect(await desk.exportCsv(coordinatorFa, request)).toEqual({ status: 400, body: { error: "invalid" } });
    }
    const stored = await models.cases.findById(kazemi.caseId).lean().exec();
    expect(stored?.status).toBe("registered");
  });

  it("refuses a family member everywhere, even when the route was reached", async () => {
    const reader = readerOf(family);
    const sort = { field: "registered", direction: "desc" };
    expect((await desk.cases(reader, { filter: {}, sort, page: 0 })).status).toBe(403);
    expect((await desk.caseCard(reader, kazemi.caseId)).status).toBe(403);
    expect((await desk.moveStatus(reader, kazemi.caseId, { to: "under_review" })).status).toBe(403);
    expect((await desk.overview(reader)).status).toBe(403);
    expect((await desk.exportCsv(reader, { filter: {} })).status).toBe(403);
  });
});

describe("the overview", () => {
  it("gives a coordinator the /stats figures labelled in Persian, each petition against its goal by province and day, and events' answers", async () => {
    const ref = await openPetition(petitions, coordinator, { goal: 500 });
    const petition = await petitions.get(ref);
    for (const [userId, province] of [[901, "tehran"], [902, "ardabil"], [903, "tehran"]] as const) {
      const signed = await petitions.sign({ userId, ref, seenVersion: petition!.textVersion, nameDisplay: "anonymous", province, country: null, relation: "mother", notify: false, locale: "fa" });
      expect(signed.ok).toBe(true);
    }
    const created = await events.create(coordinator, {
      texts: [{ locale: "fa", title: "دیدار آنلاین خانواده‌ها", description: "" }],
      startsAt: new Date("2026-12-05T16:30:00Z"),
      link: null,
      audience: { kind: "families", provinces: "all" },
    });
    if (!created.ok) throw new Error(created.error);
    await events.answer(901, created.value.eventId, "yes", "fa");
    await events.answer(902, created.value.eventId, "maybe", "fa");

    const overview = body<DeskOverview>(await desk.overview(coordinatorFa));
    expect(overview.totalCases).toBe(27);
    expect(overview.casesByProvince[0]).toEqual({ key: "kerman", label: "کرمان", count: 25 });
    expect(overview.casesByStatus.map((c) => c.key)).toEqual(["registered", "under_review", "verified", "outreach", "contact_established", "closed"]);
    expect(overview.asOfLabel).toContain("۱۴۰۵");
    expect(overview.petitions).toHaveLength(1);
    expect(overview.petitions[0]).toMatchObject({ ref, title: "بگذارید به خانه زنگ بزنند", count: 3, goal: 500, statusLabel: i18n.t("fa", "pet-status-open") });
    expect(overview.petitions[0]!.byProvince).toEqual([
      { key: "tehran", label: "تهران", count: 2 },
      { key: "ardabil", label: "اردبیل", count: 1 },
    ]);
    expect(overview.petitions[0]!.byDay).toEqual([{ key: "2026-11-27", label: "۹/۶", count: 3 }]);
    expect(overview.events).toEqual([{ title: "دیدار آنلاین خانواده‌ها", startsLabel: expect.stringContaining("۲۰:۰۰"), yes: 1, maybe: 1, no: 0 }]);
  });

  it("gives a volunteer their province's figures only, and no petition's", async () => {
    const overview = body<DeskOverview>(await desk.overview(volunteerEn));
    expect(overview.totalCases).toBe(1);
    expect(overview.casesByProvince.map((c) => c.key)).toEqual(["ardabil"]);
    expect(overview.petitions).toEqual([]);
    expect(overview.events).toEqual([]);
  });
});
