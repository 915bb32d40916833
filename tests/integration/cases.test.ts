import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Types, type Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import type { DeliveryJobInput, Recipient } from "../../src/delivery/types.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { buildActor } from "../../src/domain/roles.js";
import { storedActors } from "../support/storedActors.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createCaseService, type CaseService } from "../../src/services/cases/caseService.js";
import { createNoticeReader } from "../../src/services/noticeReader.js";
import { openTestModels, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let cases: CaseService;
const enqueued: { job: DeliveryJobInput; recipients: Recipient[] }[] = [];
let failNextEnqueue = false;
const now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("ab".repeat(32)));
/** Families are stored and notified by pseudonym. */
const refOf = (telegramId: number) => cipher.userRef(telegramId);
const coordinator = buildActor({ userId: 1, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });

const registration = (fullName: string, extra: Partial<CompleteRegistration> = {}): CompleteRegistration => ({
  relation: "mother",
  fullName,
  otherNames: null,
  sex: "male",
  birthYear: 1965,
  leftYear: 1984,
  leftPlace: "Tehran",
  location: "unknown",
  photoFileId: null,
  notes: "He had a scar on his left hand.",
  familyProvince: "fars",
  familyCity: "Shiraz",
  lastContactYear: null,
  lastContactMethod: "letter",
  contactPreference: "phone",
  phone: "+989121234567",
  ...extra,
});

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  let seed = 1;
  cases = createCaseService({
    models,
    clock,
    referenceRandom: (max) => (seed = (seed * 16807) % 2147483647) % max,
    cipher,
    audit: createAuditTrail(models, clock, cipher),
    delivery: {
      withdrawRecipient: async (jobIds) => jobIds.length,
      async enqueue(job, recipients) {
        if (failNextEnqueue) {
          failNextEnqueue = false;
          throw new Error("outbox unavailable");
        }
        const list = [...(recipients as Iterable<Recipient>)];
        enqueued.push({ job, recipients: list });
        return { created: true, recipients: list.length };
      },
    },
    defaultLocale: "fa",
    actorNow: storedActors(coordinator),
  });
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("the case service", () => {
  it("keeps names, places, notes and phone numbers out of the database in the clear", async () => {
    const saved = await cases.register({ userId: 501, locale: "fa", draft: registration("Hooshang Saberi"), consentAt: now });
    const raw = JSON.stringify(await connection.db!.collection("cases").findOne({ reference: saved.reference }));
    const link = JSON.stringify(await connection.db!.collection("case_links").findOne({ userId: refOf(501) }));
    for (const secret of ["Hooshang", "Saberi", "Tehran", "scar"]) expect(raw).not.toContain(secret);
    for (const secret of ["Shiraz", "912123"]) expect(link).not.toContain(secret);
    const view = await cases.getForFamily(501, saved.caseId);
    expect(view?.draft).toMatchObject({ fullName: "Hooshang Saberi", notes: "He had a scar on his left hand.", familyCity: "Shiraz", phone: "+989121234567" });
  });

  it("finds the same person across scripts, but not a different person with the same first name", async () => {
    const first = await cases.register({ userId: 502, locale: "fa", draft: registration("علی رضایی"), consentAt: now });
    const same = await cases.register({ userId: 503, locale: "en", draft: registration("Ali Rezaei"), consentAt: now });
    const other = await cases.register({ userId: 504, locale: "en", draft: registration("Ali Mohammadi"), consentAt: now });
    const sameRecord = await models.cases.findOne({ reference: same.reference }).lean();
    expect(sameRecord?.possibleDuplicates.map((d) => d.reference)).toEqual([first.reference]);
    expect(other.possibleDuplicate).toBe(false);
  });

  it("a registration saved with its search for later is unchecked until checked, then flagged once", async () => {
    const first = await cases.register({ userId: 521, locale: "fa", draft: registration("Kourosh Ahmadi"), consentAt: now });
    const later = await cases.register({ userId: 522, locale: "en", draft: registration("Kourosh Ahmadi"), consentAt: now, duplicateSearch: "later" });
    expect(later.possibleDuplicate).toBe("unchecked");
    expect((await models.cases.findOne({ reference: later.reference }).lean())?.duplicateReview).toBe("unchecked");
    // Handled again (a replayed update) before the search: still unchecked, and said so.
    expect((await cases.register({ userId: 522, locale: "en", draft: registration("Kourosh Ahmadi"), consentAt: now, duplicateSearch: "later" })).possibleDuplicate).toBe("unchecked");

    expect(await cases.checkDuplicates(later.caseId)).toBe(true);
    const checked = await models.cases.findOne({ reference: later.reference }).lean();
    expect(checked?.duplicateReview).toBe("pending");
    // The case itself, saved before its search, is not its own duplicate.
    expect(checked?.possibleDuplicates.map((d) => d.reference)).toEqual([first.reference]);
    // A second run (the sweep, a replay) leaves a coordinator's decision alone.
    await models.cases.updateOne({ _id: checked!._id }, { $set: { duplicateReview: "rejected" } });
    expect(await cases.checkDuplicates(later.caseId)).toBe(true);
    expect((await models.cases.findOne({ reference: later.reference }).lean())?.duplicateReview).toBe("rejected");
    expect(await cases.checkDuplicates("not-an-id")).toBe(false);
  });

  it("the sweep runs the searches a crash left undone, of cases saved before its cut-off only", async () => {
    await cases.register({ userId: 523, locale: "fa", draft: registration("Siavash Tehrani"), consentAt: now });
    const left = await cases.register({ userId: 524, locale: "en", draft: registration("Siavash Tehrani"), consentAt: now, duplicateSearch: "later" });
    const alone = await cases.register({ userId: 525, locale: "en", draft: registration("Bardia Khosravi"), consentAt: now, duplicateSearch: "later" });
    expect(await cases.checkUncheckedDuplicates(new Date(now.getTime() - 60_000))).toBe(0);
    expect((await models.cases.findOne({ reference: left.reference }).lean())?.duplicateReview).toBe("unchecked");

    expect(await cases.checkUncheckedDuplicates(new Date(now.getTime() + 1))).toBe(2);
    expect((await models.cases.findOne({ reference: left.reference }).lean())?.duplicateReview).toBe("pending");
    expect((await models.cases.findOne({ reference: alone.reference }).lean())?.duplicateReview).toBe("none");
    expect(await models.cases.countDocuments({ duplicateReview: "unchecked" })).toBe(0);
  });

  it("does not match the same name when the birth years are far apart", async () => {
    await cases.register({ userId: 505, locale: "en", draft: registration("Farhad Jalali", { birthYear: 1950 }), consentAt: now });
    const younger = await cases.register({ userId: 506, locale: "en", draft: registration("Farhad Jalali", { birthYear: 1975 }), consentAt: now });
    expect(younger.possibleDuplicate).toBe(false);
  });

  it("moves a case only along allowed transitions, once, and notifies through one outbox job per event, which refers to the event", async () => {
    const saved = await cases.register({ userId: 507, locale: "en", draft: registration("Sohrab Azizi"), consentAt: now });
    const [a, b] = await Promise.all([
      cases.changeStatus(coordinator, saved.caseId, { to: "under_review", familyNote: "checking" }),
      cases.changeStatus(coordinator, saved.caseId, { to: "under_review", familyNote: "checking" }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const moved = a.ok ? a : b;
    const eventId = moved.ok ? moved.value.eventId : "";
    const job = enqueued.find((e) => e.job.jobId.startsWith("case-status:") && e.recipients.some((r) => r.userId === refOf(507)));
    expect(job?.recipients).toEqual([{ userId: refOf(507), locale: "en" }]);
    // No text in the job: the worker reads the event back when it sends.
    expect(job?.job).toMatchObject({ jobId: `case-status:${eventId}`, subject: { kind: "case-status", eventId } });
    expect(job?.job.contentByLocale).toBeUndefined();
    expect(await createNoticeReader({ models, cipher })(job!.job.subject!)).toEqual({
      kind: "case-status",
      reference: saved.reference,
      fullName: "Sohrab Azizi",
      status: "under_review",
      familyNote: "checking",
    });
    expect(await cases.changeStatus(coordinator, saved.caseId, { to: "contact_established" })).toEqual({ ok: false, error: "not_allowed" });
    expect(await cases.changeStatus(coordinator, saved.caseId, { to: "closed" })).toEqual({ ok: false, error: "reason_required" });
  });

  it("hands a lost notification to the outbox again later, under the same job id", async () => {
    const saved = await cases.register({ userId: 508, locale: "fa", draft: registration("Manouchehr Vafa"), consentAt: now });
    failNextEnqueue = true;
    await expect(cases.changeStatus(coordinator, saved.caseId, { to: "under_review" })).rejects.toThrow("outbox unavailable");
    const retried = await cases.retryPendingNotifications(new Date(now.getTime() + 1));
    expect(retried).toBe(1);
    const jobs = enqueued.filter((e) => e.recipients.some((r) => r.userId === refOf(508)));
    expect(jobs).toHaveLength(1);
    expect(await cases.retryPendingNotifications(new Date(now.getTime() + 1))).toBe(0);
  });

  it("a registration handled again after a crash (same family, same moment of consent) stores one case", async () => {
    const consentAt = new Date("2026-11-27T08:59:00Z");
    const first = await cases.register({ userId: 509, locale: "fa", draft: registration("Farhad Nouri"), consentAt });
    // The process died before the reply; the update is handled again and the conversation replays.
    const again = await cases.register({ userId: 509, locale: "fa", draft: registration("Farhad Nouri"), consentAt });
    expect(again).toEqual(first);
    const caseId = new Types.ObjectId(first.caseId);
    expect(await models.cases.countDocuments({ registeredBy: refOf(509) })).toBe(1);
    expect(await models.caseLinks.countDocuments({ caseId })).toBe(1);
    expect(await models.caseEvents.countDocuments({ caseId, type: "registered" })).toBe(1);
    // A later, separate registration of someone else by the same family is a new case.
    const other = await cases.register({ userId: 509, locale: "fa", draft: registration("Shirin Nouri"), consentAt: new Date("2026-11-27T09:30:00Z") });
    expect(other.caseId).not.toBe(first.caseId);
  });
});
