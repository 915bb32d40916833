import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Types, type Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import type { CaseStatus } from "../../src/domain/caseStatus.js";
import { buildActor } from "../../src/domain/roles.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createStatisticsService, type StatisticsService } from "../../src/services/statistics.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { storedActors } from "../support/storedActors.js";

const DAY = 86_400_000;
const now = new Date("2026-11-27T09:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
let current = now;
const clock: Clock = { now: () => current };
const MAX_AGE_MS = 10 * 60_000;
const cipher = createFieldCipher(parseEncryptionKey("cd".repeat(32)));
const coordinator = buildActor({ userId: 1, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const ardabilVolunteer = buildActor({ userId: 2, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
const FAMILY_ID = 3;

let database: TestDatabase;
let connection: Connection;
let models: Models;
let statistics: StatisticsService;
let serial = 0;

async function aCase(province: string, status: CaseStatus, registeredDaysAgo: number, lastEventDaysAgo = registeredDaysAgo) {
  serial += 1;
  const created = await models.cases.create({
    reference: `S${serial}`,
    status,
    province,
    registeredBy: cipher.userRef(5000 + serial),
    createdAt: daysAgo(registeredDaysAgo),
    updatedAt: daysAgo(lastEventDaysAgo),
  });
  const event = { caseId: created._id, actorId: cipher.userRef(1), actorRole: "coordinator" };
  await models.caseEvents.create({ ...event, at: daysAgo(registeredDaysAgo), type: "registered" });
  if (status === "contact_established") await models.caseEvents.create({ ...event, at: daysAgo(lastEventDaysAgo), type: "status", from: "outreach", to: "contact_established" });
  else if (lastEventDaysAgo !== registeredDaysAgo) await models.caseEvents.create({ ...event, at: daysAgo(lastEventDaysAgo), type: "edited" });
}

async function aSignature(petitionId: Types.ObjectId, province: string | null, signedDaysAgo: number, state: "active" | "withdrawn" = "active") {
  serial += 1;
  const signedAt = daysAgo(signedDaysAgo);
  await models.petitionSignatures.create({
    petitionId,
    userId: cipher.userRef(7000 + serial),
    state,
    textVersion: 1,
    nameDisplay: "anonymous",
    province,
    notify: false,
    locale: "fa",
    signedAt,
    signedDay: signedAt.toISOString().slice(0, 10),
  });
}

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  statistics = createStatisticsService({ models, clock, audit: createAuditTrail(models, clock, cipher), actorNow: storedActors(coordinator, ardabilVolunteer), maxAgeMs: MAX_AGE_MS });
  // Ardabil: one fresh case, one stale (no news for 45 days), one where contact was established 10 days ago.
  await aCase("ardabil", "registered", 3);
  await aCase("ardabil", "under_review", 60, 45);
  await aCase("ardabil", "contact_established", 100, 10);
  // Tehran: a stale case and a closed one (closed cases are never stale).
  await aCase("tehran", "verified", 200, 40);
  await aCase("tehran", "closed", 300, 200);
  const petition = new Types.ObjectId();
  await aSignature(petition, "ardabil", 0);
  await aSignature(petition, "ardabil", 1);
  await aSignature(petition, "tehran", 1);
  await aSignature(petition, "tehran", 2, "withdrawn");
  await aSignature(petition, null, 40);
  const event = new Types.ObjectId();
  for (const [answer, province] of [["yes", "ardabil"], ["yes", "tehran"], ["maybe", "ardabil"], ["no", "tehran"]] as const) {
    serial += 1;
    await models.eventRsvps.create({ eventId: event, userId: cipher.userRef(9000 + serial), answer, province, locale: "fa", answeredAt: daysAgo(1) });
  }
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("the statistics service", () => {
  it("counts everything for a coordinator: provinces, statuses, months, stale cases, signatures and answers", async () => {
    const result = await statistics.snapshot({ userId: coordinator.userId });
    if (!result.ok) throw new Error(result.error);
    const s = result.value;
    expect(s.scope).toBe("all");
    expect(s.totalCases).toBe(5);
    expect(s.casesByProvince).toEqual([{ key: "ardabil", count: 3 }, { key: "tehran", count: 2 }]);
    expect(s.casesByStatus).toEqual({ registered: 1, under_review: 1, verified: 1, outreach: 0, contact_established: 1, closed: 1 });
    expect(s.staleCases).toBe(2);
    // 12 months, November 2026 last: the case of 3 days ago and the one of 60 days ago (late September).
    expect(s.registrationsByMonth).toHaveLength(12);
    expect(s.registrationsByMonth.at(-1)).toEqual({ key: "2026-11", count: 1 });
    expect(s.registrationsByMonth.find((m) => m.key === "2026-09")?.count).toBe(1);
    expect(s.contactByMonth.find((m) => m.key === "2026-11")?.count).toBe(1);
    // Withdrawn signatures do not count; the one without a province counts in the total only.
    expect(s.totalSignatures).toBe(4);
    expect(s.signaturesByProvince).toEqual([{ key: "ardabil", count: 2 }, { key: "tehran", count: 1 }]);
    expect(s.signaturesByDay).toHaveLength(30);
    expect(s.signaturesByDay.at(-1)).toEqual({ key: "2026-11-27", count: 1 });
    expect(s.signaturesByDay.at(-2)).toEqual({ key: "2026-11-26", count: 2 });
    expect(s.rsvps).toEqual({ yes: 2, maybe: 1, no: 1 });

    // A Persian reader counts the same cases by Solar Hijri month: 24 Nov = Azar 1405, 28 Sep = Mehr 1405.
    const persian = await statistics.snapshot({ userId: coordinator.userId }, "solarHijri");
    if (!persian.ok) throw new Error(persian.error);
    expect(persian.value.registrationsByMonth.at(-1)).toEqual({ key: "sh:1405-09", count: 1 });
    expect(persian.value.registrationsByMonth.find((m) => m.key === "sh:1405-07")?.count).toBe(1);
  });

  it("a volunteer of Ardabil gets the counts of Ardabil only", async () => {
    const result = await statistics.snapshot({ userId: ardabilVolunteer.userId });
    if (!result.ok) throw new Error(result.error);
    const s = result.value;
    expect(s.scope).toEqual(["ardabil"]);
    expect(s.totalCases).toBe(3);
    expect(s.casesByProvince).toEqual([{ key: "ardabil", count: 3 }]);
    expect(s.staleCases).toBe(1);
    expect(s.contactByMonth.reduce((sum, m) => sum + m.count, 0)).toBe(1);
    expect(s.totalSignatures).toBe(2);
    expect(s.rsvps).toEqual({ yes: 1, maybe: 1, no: 0 });
  });

  it("a family member is refused, and every view is audited with counts only", async () => {
    expect(await statistics.snapshot({ userId: FAMILY_ID })).toEqual({ ok: false, error: "forbidden" });
    const audited = await models.auditEvents.find({ action: "stats.view" }).sort({ _id: 1 }).lean();
    expect(audited.map((a) => a.details)).toEqual([{ scope: "all" }, { scope: "all" }, { scope: 1 }]);
  });

  it("reads the tally the job counted while it is fresh, and counts again once it is older than its maximum age", async () => {
    await statistics.refresh();
    const before = await statistics.snapshot({ userId: coordinator.userId });
    if (!before.ok) throw new Error(before.error);
    expect(before.value.totalCases).toBe(5);
    expect(before.value.asOf).toEqual(now);

    // A family registers five minutes later: the figures of 09:00 are still served, with their time.
    current = new Date(now.getTime() + 5 * 60_000);
    await aCase("tehran", "registered", 0);
    const cached = await statistics.snapshot({ userId: coordinator.userId });
    if (!cached.ok) throw new Error(cached.error);
    expect(cached.value.totalCases).toBe(5);
    expect(cached.value.asOf).toEqual(now);

    // The next refresh counts the new case.
    const tally = await statistics.refresh();
    expect(tally.computedAt).toEqual(current);
    const refreshed = await statistics.snapshot({ userId: coordinator.userId });
    if (!refreshed.ok) throw new Error(refreshed.error);
    expect(refreshed.value.totalCases).toBe(6);

    // No refresh for longer than the maximum age (a job that failed): the request counts itself.
    current = new Date(current.getTime() + MAX_AGE_MS + 1);
    await aCase("tehran", "registered", 0);
    const recounted = await statistics.snapshot({ userId: coordinator.userId });
    if (!recounted.ok) throw new Error(recounted.error);
    expect(recounted.value.totalCases).toBe(7);
    expect(recounted.value.asOf).toEqual(current);
    // One stored tally, counts only.
    const stored = await models.statisticsTallies.find().lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tally).not.toMatch(/tg:|S\d/);
  });
});
