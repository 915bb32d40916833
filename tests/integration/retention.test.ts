// Retention periods (issue #8, section 3): each purge against a real database, with time injected.
import type { Connection } from "mongoose";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Models } from "../../src/db/models/index.js";
import type { CaseStatus, CloseReason } from "../../src/domain/caseStatus.js";
import { createRetention, DEFAULT_RETENTION } from "../../src/services/retention.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { refOf, testCipher } from "../support/userRefs.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-03-01T08:00:00Z");
const daysAfter = (days: number) => new Date(T0.getTime() + days * DAY_MS);

let database: TestDatabase;
let connection: Connection;
let models: Models;
const noConversations = { dropIdle: async () => ({ dropped: 0, markersRemoved: 0 }) };

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

let references = 0;
async function caseRecord(input: { status: CaseStatus; closeReason?: CloseReason; updatedAt: Date; name: string }) {
  references += 1;
  const created = await models.cases.create({
    reference: `R-${references}`,
    status: input.status,
    closeReason: input.closeReason ?? null,
    relative: {
      fullNameEnc: testCipher.encrypt(input.name),
      otherNamesEnc: testCipher.encrypt(`${input.name} other spelling`),
      sex: "male",
      birthYear: 1965,
      leftYear: 1984,
      leftPlaceEnc: testCipher.encrypt("Ahvaz"),
      location: "other",
      locationOtherEnc: testCipher.encrypt("a flat in Tirana"),
      photoFileIdEnc: testCipher.encrypt("photo-file-id"),
      notesEnc: testCipher.encrypt("a scar on his hand"),
    },
    nameTokens: ["token"],
    province: "khuzestan",
    registeredBy: refOf(600_001),
    createdAt: T0,
    updatedAt: input.updatedAt,
  });
  await models.caseEvents.create({
    caseId: created._id,
    at: input.updatedAt,
    actorId: refOf(600_002),
    actorRole: "coordinator",
    type: "status",
    to: input.status,
    familyNoteEnc: testCipher.encrypt("we wrote to the agency"),
    internalNoteEnc: testCipher.encrypt("called the office"),
  });
  return created._id;
}

const freeTextOf = async (id: Types.ObjectId) => {
  const record = (await models.cases.findById(id).lean())!;
  const events = await models.caseEvents.find({ caseId: id }).lean();
  return {
    relative: Object.keys(record.relative).sort(),
    eventNotes: events.flatMap((e) => [e.familyNoteEnc, e.internalNoteEnc].filter(Boolean)).length,
    purgedAt: record.freeTextPurgedAt,
  };
};

describe("retention periods", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_RETENTION).toEqual({ outboxContentDays: 7, deliveriesDays: 90, closedCaseTextDays: 365, auditDays: 730, idleConversationDays: 30 });
  });

  it("a case closed more than a year ago loses its free text and its notes; open and recently closed cases keep theirs; the figures stay", async () => {
    const longClosed = await caseRecord({ status: "closed", closeReason: "reunited", updatedAt: T0, name: "Kaveh One" });
    const recentlyClosed = await caseRecord({ status: "closed", closeReason: "reunited", updatedAt: daysAfter(300), name: "Kaveh Two" });
    const open = await caseRecord({ status: "under_review", updatedAt: T0, name: "Kaveh Three" });
    // Another family's own answers, merged into the long-closed case: they go with it.
    const mergedAnswers = await caseRecord({ status: "closed", closeReason: "duplicate", updatedAt: T0, name: "Kaveh Uno" });
    await models.caseLinks.create({ caseId: longClosed, answersCaseId: mergedAnswers, userId: refOf(600_003), relation: "brother", familyProvince: "khuzestan", contactPreference: "telegram", lastContactMethod: "letter", locale: "fa", consentAt: T0, createdAt: T0 });
    // Merged answers of a family whose case is still open stay, however old their record's closing.
    const stillFollowed = await caseRecord({ status: "closed", closeReason: "duplicate", updatedAt: T0, name: "Kaveh Tres" });
    await models.caseLinks.create({ caseId: open, answersCaseId: stillFollowed, userId: refOf(600_004), relation: "sister", familyProvince: "khuzestan", contactPreference: "telegram", lastContactMethod: "letter", locale: "fa", consentAt: T0, createdAt: T0 });

    // Families with contact details on a long-closed and on a recently closed case.
    const contact = (caseId: Types.ObjectId, user: number) =>
      models.caseLinks.create({ caseId, userId: refOf(user), relation: "mother", familyProvince: "khuzestan", familyCityEnc: testCipher.encrypt("Ahvaz"), phoneEnc: testCipher.encrypt("+989121112233"), contactPreference: "phone", lastContactMethod: "letter", locale: "fa", consentAt: T0, createdAt: T0 });
    await contact(longClosed, 600_005);
    await contact(recentlyClosed, 600_006);

    const retention = createRetention({ models, conversations: noConversations });
    expect(await retention.purgeClosedCaseText(daysAfter(364))).toBe(0);
    expect(await retention.purgeClosedCaseText(daysAfter(366))).toBe(1);

    const kept = ["fullNameEnc", "leftYear", "location", "birthYear", "sex"].sort();
    for (const purged of [longClosed, mergedAnswers]) {
      expect(await freeTextOf(purged)).toEqual({ relative: kept, eventNotes: 0, purgedAt: daysAfter(366) });
    }
    for (const untouched of [recentlyClosed, open, stillFollowed]) {
      expect((await freeTextOf(untouched)).relative).toContain("notesEnc");
      expect((await freeTextOf(untouched)).eventNotes).toBe(2);
    }
    const stats = await models.cases.findById(longClosed).lean();
    expect(stats).toMatchObject({ status: "closed", closeReason: "reunited", province: "khuzestan", relative: { birthYear: 1965, leftYear: 1984, sex: "male" } });
    // Nobody needs to reach the family of a long-closed case any more.
    const oldLink = await models.caseLinks.findOne({ userId: refOf(600_005) }).lean();
    expect(oldLink).toMatchObject({ contactPreference: "telegram", relation: "mother" });
    expect(oldLink?.phoneEnc).toBeUndefined();
    expect(oldLink?.familyCityEnc).toBeUndefined();
    expect((await models.caseLinks.findOne({ userId: refOf(600_006) }).lean())?.phoneEnc).toMatch(/^v2:/);
    // Already purged: the next run has nothing to do.
    expect(await retention.purgeClosedCaseText(daysAfter(367))).toBe(0);
  });

  it("audit entries go after two years by default, or after the configured period", async () => {
    await models.auditEvents.create([
      { at: T0, actorId: refOf(600_010), action: "case.view", subjectId: "R-old" },
      { at: daysAfter(400), actorId: refOf(600_010), action: "case.view", subjectId: "R-newer" },
    ]);
    const byDefault = createRetention({ models, conversations: noConversations });
    expect(await byDefault.purgeAuditEntries(daysAfter(729))).toBe(0);
    expect(await byDefault.purgeAuditEntries(daysAfter(731))).toBe(1);
    expect((await models.auditEvents.find({}).lean()).map((e) => e.subjectId)).toEqual(["R-newer"]);
    const shorter = createRetention({ models, conversations: noConversations, periods: { auditDays: 100 } });
    expect(await shorter.purgeAuditEntries(daysAfter(501))).toBe(1);
    expect(await models.auditEvents.countDocuments()).toBe(0);
  });

  it("who received which message is forgotten after 90 days by default, or after the configured period", async () => {
    const outcome = (id: string, userId: number, at: Date) => ({ _id: id, jobId: "broadcast:old", userId: refOf(userId), seq: 0, state: "sent", reason: null, attempts: 1, sentAt: at, messageId: 1, locale: "fa", at });
    await models.deliveries.collection.insertMany([outcome("a", 600_020, T0), outcome("b", 600_021, daysAfter(50))] as never[]);
    const byDefault = createRetention({ models, conversations: noConversations });
    expect(await byDefault.purgeDeliveries(daysAfter(89))).toBe(0);
    expect(await byDefault.purgeDeliveries(daysAfter(91))).toBe(1);
    const shorter = createRetention({ models, conversations: noConversations, periods: { deliveriesDays: 30 } });
    expect(await shorter.purgeDeliveries(daysAfter(81))).toBe(1);
    expect(await models.deliveries.countDocuments({ jobId: "broadcast:old" })).toBe(0);
  });

  it("finished outbox jobs lose their text after the configured period; unfinished ones keep it whatever their age", async () => {
    const job = (id: string, finishedAt: Date | null) => ({
      _id: id,
      kind: "broadcast",
      createdBy: null,
      contentByLocale: testCipher.encrypt(JSON.stringify({ fa: { text: "news" } })),
      defaultLocale: "fa",
      notBefore: null,
      paid: false,
      state: finishedAt ? "done" : "paused",
      progressChat: null,
      createdAt: T0,
      enqueuedAt: T0,
      total: 3,
      skippedAtEnqueue: 0,
      chunkCount: 1,
      chunkSize: 1000,
      finishedAt,
      withdrawnRecipients: [refOf(600_030)],
      summary: finishedAt ? { sent: 3, failed: 0, skipped: 0 } : null,
    });
    await models.deliveryJobs.collection.insertMany([job("done-old", T0), job("paused-old", null)] as never[]);
    const retention = createRetention({ models, conversations: noConversations, periods: { outboxContentDays: 3 } });
    expect(await retention.purgeOutboxContent(daysAfter(2))).toBe(0);
    expect(await retention.purgeOutboxContent(daysAfter(4))).toBe(1);
    const done = await models.deliveryJobs.findById("done-old").lean();
    expect(done?.contentByLocale).toBeNull();
    expect(done?.withdrawnRecipients).toBeUndefined();
    expect(done?.summary).toEqual({ sent: 3, failed: 0, skipped: 0 });
    expect((await models.deliveryJobs.findById("paused-old").lean())?.contentByLocale).toMatch(/^v2:/);
  });

  it("idle conversations are dropped after 30 days by default, and their markers after 90 more", async () => {
    const calls: [Date, Date][] = [];
    const retention = createRetention({ models, conversations: { dropIdle: async (idle, markers) => (calls.push([idle, markers]), { dropped: 2, markersRemoved: 0 }) } });
    expect(await retention.dropIdleConversations(daysAfter(100))).toBe(2);
    expect(calls).toEqual([[daysAfter(70), daysAfter(10)]]);
  });

  it("a job finished longer ago than the deliveries period goes whole, with its lists; a recent one stays", async () => {
    const finishedJob = (id: string, finishedAt: Date) => ({
      _id: id, kind: "broadcast", createdBy: refOf(600_040), contentByLocale: null, defaultLocale: "fa", notBefore: null, paid: false, state: "done",
      progressChat: { userRef: refOf(600_040), messageId: 5 }, createdAt: finishedAt, enqueuedAt: finishedAt, total: 1, skippedAtEnqueue: 0, chunkCount: 1, chunkSize: 1000, finishedAt, summary: { sent: 1, failed: 0, skipped: 0 },
    });
    await models.deliveryJobs.collection.insertMany([finishedJob("bc-old", T0), finishedJob("bc-recent", daysAfter(80))] as never[]);
    for (const jobId of ["bc-old", "bc-recent"]) {
      await models.deliveryRecipients.collection.insertOne({ _id: `${jobId}#0`, jobId, seq: 0, userIds: [refOf(600_041)], skippedUserIds: [] } as never);
      await models.deliveryCursors.collection.insertOne({ _id: jobId, next: 1 } as never);
    }
    const retention = createRetention({ models, conversations: noConversations });
    await retention.purgeDeliveries(daysAfter(91));
    expect(await models.deliveryJobs.exists({ _id: "bc-old" })).toBeNull();
    expect(await models.deliveryRecipients.countDocuments({ jobId: "bc-old" })).toBe(0);
    expect(await models.deliveryCursors.countDocuments({ _id: "bc-old" })).toBe(0);
    expect(await models.deliveryJobs.exists({ _id: "bc-recent" })).not.toBeNull();
    expect(await models.deliveryRecipients.countDocuments({ jobId: "bc-recent" })).toBe(1);
  });

  it("an unused invite goes a week after it expired; a used one after the audit period", async () => {
    const invite = (id: string, usedAt: Date | null) => ({
      _id: id, role: "volunteer", provinces: ["fars"], createdBy: refOf(600_050), createdAt: T0, expiresAt: daysAfter(2),
      usedBy: usedAt ? refOf(600_051) : null, usedAt,
    });
    await models.invites.collection.insertMany([invite("unused", null), invite("used", daysAfter(1))] as never[]);
    const retention = createRetention({ models, conversations: noConversations });
    expect(await retention.purgeInvites(daysAfter(8))).toBe(0);
    expect(await retention.purgeInvites(daysAfter(10))).toBe(1);
    expect((await models.invites.find({}).lean()).map((i) => i._id)).toEqual(["used"]);
    expect(await retention.purgeInvites(daysAfter(730))).toBe(0);
    expect(await retention.purgeInvites(daysAfter(732))).toBe(1);
    expect(await models.invites.countDocuments()).toBe(0);
  });

  it("a /find filter nobody used for 30 days is deleted; one in use stays", async () => {
    const filter = (telegramId: number, updatedAt: Date) => ({ userId: refOf(telegramId), filterEnc: testCipher.encrypt('{"name":"Kazemi"}'), updatedAt });
    await models.caseSearches.create([filter(600_060, T0), filter(600_061, daysAfter(20))]);
    const retention = createRetention({ models, conversations: noConversations });
    expect(await retention.purgeSearchFilters(daysAfter(30))).toBe(0);
    expect(await retention.purgeSearchFilters(daysAfter(31))).toBe(1);
    expect((await models.caseSearches.find({}).lean()).map((f) => f.userId)).toEqual([refOf(600_061)]);
  });
});
