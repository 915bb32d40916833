import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { type Models } from "../../src/db/models/index.js";
import type { DeliveryJobInput, Recipient } from "../../src/delivery/types.js";
import { UTF8_BOM } from "../../src/domain/petitions/csv.js";
import { buildActor } from "../../src/domain/roles.js";
import { storedActors } from "../support/storedActors.js";
import { createFieldCipher } from "../../src/security/fieldCipher.js";
import { createAppealService } from "../../src/services/appeals.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createPetitionExportService, SIGNATURE_COLUMNS } from "../../src/services/petitionExport.js";
import { createPetitionService, type PetitionService, type SignInput } from "../../src/services/petitions.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { openPetition, petitionDraft } from "../support/petitions.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let now = new Date("2026-11-27T08:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(Buffer.alloc(32, 7));
/** Signers are stored by pseudonym. */
const refOf = (telegramId: number) => cipher.userRef(telegramId);

const coordinator = buildActor({ userId: 9001, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false });
const volunteer = buildActor({ userId: 9002, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
const family = buildActor({ userId: 9003, grants: [], isAdmin: false });

/** Records every job and drains its recipients, as the real outbox would. */
function recordingDelivery() {
  const jobs: { job: DeliveryJobInput; recipients: Recipient[] }[] = [];
  return {
    jobs,
    async enqueue(job: DeliveryJobInput, recipients: Iterable<Recipient> | AsyncIterable<Recipient>) {
      const list: Recipient[] = [];
      for await (const r of recipients) list.push(r);
      if (jobs.some((j) => j.job.jobId === job.jobId)) return { created: false, recipients: 0 };
      jobs.push({ job, recipients: list });
      return { created: true, recipients: list.length };
    },
  };
}

let seq = 0;
/** A different petition ref each call, the same run after run. */
const refs = () => () => {
  seq += 1;
  return ((seq * 7919) % 1000) / 1000;
};

function service(delivery?: ReturnType<typeof recordingDelivery>): PetitionService {
  return createPetitionService({
    models,
    clock,
    audit: createAuditTrail(models, clock, cipher),
    timeZone: "Asia/Tehran",
    random: refs(),
    fields: cipher,
    defaultLocale: "fa",
    actorNow: storedActors(coordinator, volunteer, family),
    cipher,
    ...(delivery ? { delivery } : {}),
  });
}

const signer = (userId: number, ref: string, overrides: Partial<SignInput> = {}): SignInput => ({
  userId,
  ref,
  seenVersion: 1,
  nameDisplay: "full",
  name: `Signer ${userId}`,
  province: "tehran",
  notify: true,
  locale: "fa",
  ...overrides,
});

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("petition texts", () => {
  it("only coordinators create; every version is kept; the first signature freezes the text", async () => {
    const petitions = service();
    expect(await petitions.create(family, petitionDraft())).toEqual({ ok: false, error: "forbidden" });
    expect(await petitions.create(volunteer, petitionDraft())).toEqual({ ok: false, error: "forbidden" });
    const ref = await openPetition(petitions, coordinator);

    const edited = await petitions.editText(coordinator, ref, { texts: petitionDraft().texts, addressee: "The Example Parliament" });
    expect(edited.ok && edited.value.textVersion).toBe(2);
    // A reader who saw version 1 is sent back to read version 2.
    expect(await petitions.sign(signer(1, ref, { seenVersion: 1 }))).toEqual({ ok: false, error: "text_changed" });
    expect(await petitions.sign(signer(1, ref, { seenVersion: 2 }))).toEqual({ ok: true, value: { count: 1 } });
    expect(await petitions.editText(coordinator, ref, { texts: petitionDraft().texts, addressee: "Someone else" })).toEqual({ ok: false, error: "text_frozen" });

    const petition = await models.petitions.findOne({ ref }).lean();
    const versions = await models.petitionVersions.find({ petitionId: petition!._id }).sort({ version: 1 }).lean();
    expect(versions.map((v) => [v.version, v.addressee])).toEqual([
      [1, "The Minister of Examples"],
      [2, "The Example Parliament"],
    ]);
    const signature = await models.petitionSignatures.findOne({ petitionId: petition!._id }).lean();
    expect(signature?.textVersion).toBe(2);
  });

  it("a draft, a closed petition and a passed deadline cannot be signed", async () => {
    const petitions = service();
    const created = await petitions.create(coordinator, petitionDraft());
    const ref = created.ok ? created.value.ref : "";
    expect(await petitions.sign(signer(1, ref))).toEqual({ ok: false, error: "not_open" });
    await petitions.changeStatus(coordinator, ref, "open");
    await petitions.changeStatus(coordinator, ref, "closed");
    expect(await petitions.sign(signer(1, ref))).toEqual({ ok: false, error: "not_open" });
    expect(await petitions.changeStatus(coordinator, ref, "draft")).toEqual({ ok: false, error: "invalid_transition" });

    const late = await openPetition(petitions, coordinator, { deadline: new Date(now.getTime() + 60_000) });
    now = new Date(now.getTime() + 120_000);
    expect(await petitions.sign(signer(1, late))).toEqual({ ok: false, error: "deadline_passed" });
    expect((await petitions.listOpen()).some((p) => p.ref === late)).toBe(false);
  });
});

describe("one signature per person", () => {
  it("holds under a double tap and two devices at once", async () => {
    const petitions = service();
    const ref = await openPetition(petitions, coordinator);
    const results = await Promise.all(Array.from({ length: 25 }, () => petitions.sign(signer(501, ref))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "already_signed")).toHaveLength(24);
    expect((await petitions.get(ref))?.count).toBe(1);
  });

  it("withdrawing lowers the count, erases the details and keeps the audit record; signing again works once", async () => {
    const petitions = service();
    const appeals = createAppealService({ models, clock, fields: cipher, cipher });
    const ref = await openPetition(petitions, coordinator);
    await petitions.sign(signer(601, ref));
    await petitions.sign(signer(602, ref, { nameDisplay: "anonymous", name: undefined, province: null, country: "Germany" }));
    await appeals.addToSignature(601, ref, { kind: "text", text: "Come home." });
    expect((await petitions.get(ref))?.count).toBe(2);

    expect(await petitions.withdraw(601, ref)).toEqual({ ok: true, value: { count: 1 } });
    expect(await petitions.withdraw(601, ref)).toEqual({ ok: false, error: "not_signed" });
    const petition = await models.petitions.findOne({ ref }).lean();
    const row = await models.petitionSignatures.findOne({ petitionId: petition!._id, userId: refOf(601) }).lean();
    expect(row).toMatchObject({ state: "withdrawn", name: null, province: null });
    // The appeal given with the signature is gone with it.
    expect(await models.appeals.countDocuments({ petitionId: petition!._id, userId: refOf(601) })).toBe(0);

    const again = await Promise.all(Array.from({ length: 10 }, () => petitions.sign(signer(601, ref))));
    expect(again.filter((r) => r.ok)).toHaveLength(1);
    expect((await petitions.get(ref))?.count).toBe(2);
    await petitions.withdraw(601, ref);
    expect(await models.petitionWithdrawals.countDocuments({ petitionId: petition!._id, userId: refOf(601) })).toBe(2);

    await petitions.changeStatus(coordinator, ref, "closed");
    expect(await petitions.withdraw(602, ref)).toEqual({ ok: false, error: "not_open" });
  });

  it("keeps names and countries encrypted at rest", async () => {
    const petitions = service();
    const ref = await openPetition(petitions, coordinator);
    await petitions.sign(signer(701, ref, { name: "Maryam Rahimi", province: null, country: "Canada" }));
    const petition = await models.petitions.findOne({ ref }).lean();
    const raw = await connection.db!.collection("petition_signatures").findOne({ petitionId: petition!._id, userId: refOf(701) });
    expect(String(raw?.name)).toMatch(/^v2:/);
    expect(JSON.stringify(raw)).not.toContain("Maryam");
    expect(JSON.stringify(raw)).not.toContain("Canada");
  });
});

describe("counting and milestones", () => {
  it("200 people signing in the same second are counted exactly, and each milestone is announced once", async () => {
    const delivery = recordingDelivery();
    const petitions = service(delivery);
    const ref = await openPetition(petitions, coordinator, { goal: 250, milestones: [50, 100, 200] });
    const userIds = Array.from({ length: 220 }, (_, i) => 10_000 + i);
    const results = await Promise.all(userIds.map((id) => petitions.sign(signer(id, ref, { notify: id % 2 === 0 }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await petitions.get(ref))?.count).toBe(220);

    const petition = await models.petitions.findOne({ ref }).lean();
    const id = petition!._id.toHexString();
    expect(delivery.jobs.map((j) => j.job.jobId).sort()).toEqual([`petition-milestone:${id}:100`, `petition-milestone:${id}:200`, `petition-milestone:${id}:50`]);
    expect(delivery.jobs.every((j) => j.job.kind === "petition-milestone")).toBe(true);
    // Each job names its milestone and holds no text: the worker renders the news in each signer's language when it sends.
    expect(delivery.jobs.map((j) => j.job.subject).find((subject) => subject?.kind === "petition-milestone" && subject.milestone === 100)).toEqual({ kind: "petition-milestone", petitionId: id, milestone: 100 });
    expect(delivery.jobs.every((j) => j.job.contentByLocale === undefined)).toBe(true);
    const milestones = await models.petitionMilestones.find({ petitionId: petition!._id }).lean();
    expect(milestones.map((m) => m.milestone).sort((a, b) => a - b)).toEqual([50, 100, 200]);
    expect(milestones.every((m) => m.notifiedAt !== null)).toBe(true);

    // Only signers who asked for news, each once; at 200 at least 100 of them had signed.
    for (const { recipients } of delivery.jobs) {
      const ids = recipients.map((r) => cipher.telegramIdOf(r.userId));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((u) => u % 2 === 0)).toBe(true);
    }
    const at200 = delivery.jobs.find((j) => j.job.jobId.endsWith(":200"))!;
    expect(at200.recipients.length).toBeGreaterThanOrEqual(100);
  });

  it("a milestone reached while the outbox is missing is announced later by the repair job, once", async () => {
    const petitions = service();
    const ref = await openPetition(petitions, coordinator, { milestones: [2] });
    await petitions.sign(signer(801, ref));
    await petitions.sign(signer(802, ref));
    const petition = await models.petitions.findOne({ ref }).lean();
    expect(await models.petitionMilestones.findOne({ petitionId: petition!._id }).lean()).toMatchObject({ milestone: 2, notifiedAt: null });

    const delivery = recordingDelivery();
    const repaired = service(delivery);
    now = new Date(now.getTime() + 5 * 60_000);
    expect(await repaired.notifyPendingMilestones()).toBeGreaterThanOrEqual(1);
    expect(await repaired.notifyPendingMilestones()).toBe(0);
    expect(delivery.jobs.filter((j) => j.job.jobId === `petition-milestone:${petition!._id.toHexString()}:2`)).toHaveLength(1);
  });

  it("statistics count per province and per day on the Tehran calendar", async () => {
    const petitions = service();
    const ref = await openPetition(petitions, coordinator);
    now = new Date("2026-12-01T19:00:00Z"); // 22:30 in Tehran
    await petitions.sign(signer(901, ref, { province: "ardabil" }));
    now = new Date("2026-12-01T21:00:00Z"); // 00:30 the next day in Tehran
    await petitions.sign(signer(902, ref, { province: "ardabil" }));
    await petitions.sign(signer(903, ref, { province: null, country: "Albania" }));
    await petitions.sign(signer(904, ref, { province: "tehran" }));
    await petitions.withdraw(904, ref);

    expect(await petitions.stats(volunteer, ref)).toEqual({ ok: false, error: "forbidden" });
    const stats = await petitions.stats(coordinator, ref);
    expect(stats.ok && stats.value).toEqual({
      total: 3,
      withdrawals: 1,
      byProvince: [
        { province: "ardabil", count: 2 },
        { province: null, count: 1 },
      ],
      byDay: [
        { day: "2026-12-01", count: 1 },
        { day: "2026-12-02", count: 2 },
      ],
      milestonesReached: [],
    });
  });
});

describe("export", () => {
  it("only coordinators export; the CSV has a BOM, the documented header, one row per signature and Persian intact", async () => {
    const petitions = service();
    const appeals = createAppealService({ models, clock, fields: cipher, cipher });
    const exporter = createPetitionExportService({ models, clock, audit: createAuditTrail(models, clock, cipher), fields: cipher, actorNow: storedActors(coordinator, volunteer, family) });
    const ref = await openPetition(petitions, coordinator);
    await petitions.sign(signer(1101, ref, { name: "زهرا حسن‌زاده", province: "ardabil", relation: "mother" }));
    await petitions.sign(signer(1102, ref, { nameDisplay: "initials", name: "M. R.", province: null, country: "Germany, Cologne" }));
    await petitions.sign(signer(1103, ref, { nameDisplay: "anonymous", name: undefined, province: "tehran" }));
    await appeals.addToSignature(1101, ref, { kind: "text", text: "پسرم، منتظرت هستیم." });
    await appeals.addToSignature(1101, ref, { kind: "voice", fileId: "VOICE1", fileUniqueId: "u1", durationSeconds: 40 });

    expect(await exporter.exportPetition(family, ref)).toEqual({ ok: false, error: "forbidden" });
    expect(await exporter.exportPetition(volunteer, ref)).toEqual({ ok: false, error: "forbidden" });
    const result = await exporter.exportPetition(coordinator, ref);
    if (!result.ok) throw new Error(result.error);
    const lines = result.value.signaturesCsv.split("\r\n");
    expect(lines[0]).toBe(UTF8_BOM + SIGNATURE_COLUMNS.join(","));
    expect(lines[1]).toMatch(/^1,2026-[^,]+,[0-9-]+,زهرا حسن‌زاده,full,Ardabil,اردبیل,,mother,1,A-0001 A-0002$/);
    expect(lines[2]).toMatch(/^2,.*,M\. R\.,initials,,,"Germany, Cologne",,1,$/);
    expect(lines[3]).toMatch(/^3,.*,,anonymous,Tehran,تهران,,,1,$/);
    expect(lines[4]).toBe("");
    expect(result.value.appealsCsv).toContain("A-0001,");
    expect(result.value.appealsCsv).toContain("پسرم، منتظرت هستیم.");
    expect(result.value.appealsCsv).toContain("A-0002.ogg,VOICE1,,40");
    expect(result.value.attachments).toEqual([{ label: "A-0002", kind: "voice", fileId: "VOICE1" }]);
    expect(result.value.totals).toMatchObject({ signatures: 3, appeals: 2, withdrawals: 0 });
    expect(await models.auditEvents.countDocuments({ action: "petition.export", subjectId: ref })).toBe(1);
  });
});
