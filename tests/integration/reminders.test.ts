// The reminder scheduler (issue #10) with a controlled clock, the real database and the emulator's
// call log: a reminder leaves when it falls due (or at the first tick after a stop), never after its
// late cut-off, never in the recipient's night, never to someone who switched its kind off, and
// exactly once — also when it is scheduled twice, when two processes tick at once, or when a tick
// stops between handing it to the outbox and marking it sent.
import { Types, type Connection } from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { systemClock, type Clock } from "../../src/clock.js";
import type { Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import type { DeliveryWorker } from "../../src/delivery/deliveryWorker.js";
import type { DeliveryService, JobSubject } from "../../src/delivery/types.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { silentLogger } from "../../src/logger.js";
import { startScheduler } from "../../src/scheduler/index.js";
import { reminderJobs } from "../../src/scheduler/reminderJobs.js";
import { createReminderService, type ReminderScheduler } from "../../src/services/reminders/reminderService.js";
import type { ReminderKind, ReminderRequest } from "../../src/services/reminders/reminderTypes.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { startTestDeliveryWorker } from "../support/deliveryWorker.js";
import { startTestEmulator } from "../support/testEmulator.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let emulator: TelegramEmulator;
let worker: DeliveryWorker;

/** The scheduler's clock; the outbox sends on real time, at once. */
let now = new Date("2026-06-01T08:00:00Z");
const clock: Clock = { now: () => now };
const minutes = (n: number) => n * 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  emulator = await startTestEmulator();
  worker = startTestDeliveryWorker(emulator, models, {
    // The scheduler is indifferent to what a reminder says: here each says which subject it is about.
    render: async (subject: JobSubject, locale) => ({ content: { text: `reminder ${(subject as { petitionId?: string }).petitionId ?? subject.kind} (${locale})` }, locale }),
  });
});
afterAll(async () => {
  await worker?.stop();
  await emulator?.stop();
  await connection?.close();
  await database?.drop();
});

const outbox = (): DeliveryService => createDeliveryService(models, systemClock, { chunkSize: 50, contentCipher: testCipher });
const schedulerOf = (delivery: Pick<DeliveryService, "enqueue"> = outbox()): ReminderScheduler =>
  createReminderService({ models, clock, delivery, cipher: testCipher, defaultLocale: "fa", defaultTimeZone: "Asia/Tehran" });
let reminders: ReminderScheduler;
beforeEach(async () => {
  // Each story starts on an empty schedule (their clocks jump between months and back).
  await Promise.all([models.reminders.deleteMany({}), models.reminderBuckets.deleteMany({}), models.reminderMinutes.deleteMany({}), models.reminderCursor.deleteMany({})]);
  reminders = schedulerOf();
});

/** Families who started the bot; their users rows say their language, zone and what they switched off. */
async function families(count: number, options: { locale?: string; timeZone?: string; optOuts?: ReminderKind[] } = {}): Promise<number[]> {
  const locale = options.locale ?? "fa";
  const { firstId } = emulator.createUsers({ count, started: true, languageCodes: [locale] });
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  await models.users.insertMany(
    ids.map((id) => ({
      _id: refOf(id),
      locale,
      roles: [],
      firstSeenAt: now,
      lastSeenAt: now,
      reminderOptOuts: options.optOuts ?? [],
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    })),
  );
  return ids;
}

/** An event's reminder stand-in: any subject the outbox accepts will do for the scheduler. */
const aboutSomething = (): JobSubject => ({ kind: "petition-milestone", petitionId: new Types.ObjectId().toHexString(), milestone: 1 });

function reminderFor(userId: number, subject: JobSubject, dueAt: Date, extra: Partial<ReminderRequest> = {}): ReminderRequest {
  const id = (subject as { petitionId: string }).petitionId;
  return { id: `event-24h:${id}:${userId}`, kind: "event-24h", userRef: refOf(userId), subject, dueAt, quietHours: "respect", ...extra };
}

const received = (userId: number) => emulator.user(userId)!.botMessages().length;

/** Every reminder job in the outbox finished sending (so a count of messages is final). */
async function outboxSettled(): Promise<void> {
  await waitUntil(async () => (await models.deliveryJobs.countDocuments({ kind: "reminder", finishedAt: null })) === 0, 10_000, "reminder jobs finished");
  await emulator.waitForQuiet({ quietMs: 100 });
}

describe("a reminder falls due", () => {
  it("leaves at its minute, not before, and once: a mother in Tehran is reminded of an online gathering at 11:30 her time", async () => {
    now = new Date("2026-06-01T07:50:00Z");
    const [mother] = await families(1);
    const subject = aboutSomething();
    await reminders.schedule([reminderFor(mother!, subject, new Date("2026-06-01T08:00:00Z"))]);

    expect(await reminders.runDue(now)).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    now = new Date("2026-06-01T08:00:30Z");
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    expect(await reminders.runDue(later(now, minutes(1)))).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(emulator.user(mother!)!.botMessages().map((m) => m.text)).toEqual([`reminder ${(subject as { petitionId: string }).petitionId} (fa)`]);
  });

  it("speaks the language the family spoke when it was scheduled, unless they chose one with /language since", async () => {
    now = new Date("2026-06-02T08:00:00Z");
    // An Albanian sister who never used /language (no locale on her users row), and an English brother who chose English.
    const { firstId } = emulator.createUsers({ count: 2, started: true, languageCodes: ["sq", "en"] });
    const [sister, brother] = [firstId, firstId + 1];
    await models.users.insertMany([
      { _id: refOf(sister), roles: [], firstSeenAt: now, lastSeenAt: now, reminderOptOuts: [] },
      { _id: refOf(brother), locale: "en", roles: [], firstSeenAt: now, lastSeenAt: now, reminderOptOuts: [] },
    ]);
    const subject = aboutSomething();
    await reminders.schedule([reminderFor(sister, subject, now, { locale: "sq" }), reminderFor(brother, subject, now, { locale: "sq" })]);
    expect(await reminders.runDue(now)).toEqual({ sent: 2, deferred: 0, dropped: 0 });
    await outboxSettled();
    const petitionId = (subject as { petitionId: string }).petitionId;
    expect(emulator.user(sister)!.botMessages().map((m) => m.text)).toEqual([`reminder ${petitionId} (sq)`]);
    expect(emulator.user(brother)!.botMessages().map((m) => m.text)).toEqual([`reminder ${petitionId} (en)`]);
  });

  it("that fell due while the bot was down is sent at the first tick after the start, within its late cut-off", async () => {
    now = new Date("2026-06-02T06:00:00Z");
    const [father] = await families(1);
    await reminders.schedule([reminderFor(father!, aboutSomething(), new Date("2026-06-02T06:30:00Z"), { lateAfter: new Date("2026-06-02T09:00:00Z") })]);
    // The bot was down from 06:10 to 08:45; its first tick:
    now = new Date("2026-06-02T08:45:00Z");
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(received(father!)).toBe(1);
  });

  it("is dropped once it is late: a 1-hour reminder is pointless after the gathering began", async () => {
    now = new Date("2026-06-03T06:00:00Z");
    const [sister] = await families(1);
    await reminders.schedule([
      reminderFor(sister!, aboutSomething(), new Date("2026-06-03T07:00:00Z"), { kind: "event-1h", lateAfter: new Date("2026-06-03T08:00:00Z") }),
    ]);
    now = new Date("2026-06-03T08:01:00Z");
    expect(await reminders.runDue(now)).toEqual({ sent: 0, deferred: 0, dropped: 1 });
    await outboxSettled();
    expect(received(sister!)).toBe(0);
    expect(await models.reminderBuckets.countDocuments({ minute: "2026-06-03T07:00" })).toBe(0);
  });

  it("of a kind the family switched off in /settings is not sent; their other reminders are", async () => {
    now = new Date("2026-06-04T08:00:00Z");
    const [brother] = await families(1, { optOuts: ["event-24h"] });
    await reminders.schedule([
      reminderFor(brother!, aboutSomething(), now),
      { id: `case-checkin:${brother}:1`, kind: "case-checkin", userRef: refOf(brother!), subject: aboutSomething(), dueAt: now, quietHours: "respect" },
    ]);
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 0, dropped: 1 });
    await outboxSettled();
    expect(received(brother!)).toBe(1);
  });
});

describe("each family's own daytime", () => {
  it("a reminder due at 22:30 in Tehran waits for 08:00 there; one that ignores quiet hours goes at once", async () => {
    now = new Date("2026-06-05T19:00:00Z"); // 22:30 in Tehran
    const [mother, father] = await families(2);
    await reminders.schedule([reminderFor(mother!, aboutSomething(), now), reminderFor(father!, aboutSomething(), now, { kind: "event-1h", quietHours: "ignore" })]);
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 1, dropped: 0 });

    expect(await reminders.runDue(new Date("2026-06-06T04:29:00Z"))).toEqual({ sent: 0, deferred: 0, dropped: 0 }); // 07:59
    await outboxSettled();
    expect([received(mother!), received(father!)]).toEqual([0, 1]);
    now = new Date("2026-06-06T04:30:00Z"); // 08:00 in Tehran
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect([received(mother!), received(father!)]).toEqual([1, 1]);
  });

  it("a family in Tirana is reminded at 08:00 their time on the night the clocks go forward, while one in Tehran already had theirs", async () => {
    now = new Date("2026-03-28T21:30:00Z"); // Saturday 22:30 in Tirana (CET), Sunday 01:00 in Tehran
    const [inTirana] = await families(1, { locale: "sq", timeZone: "Europe/Tirane" });
    const [inTehran] = await families(1);
    await reminders.schedule([reminderFor(inTirana!, aboutSomething(), now), reminderFor(inTehran!, aboutSomething(), now)]);
    expect(await reminders.runDue(now)).toEqual({ sent: 0, deferred: 2, dropped: 0 });

    // 08:00 in Tehran is 04:30 UTC: only the family in Tehran.
    expect(await reminders.runDue(new Date("2026-03-29T04:30:00Z"))).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    // 07:59 in Tirana, summer time since 02:00.
    expect(await reminders.runDue(new Date("2026-03-29T05:59:00Z"))).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    // 08:00 CEST = 06:00 UTC (it would have been 07:00 UTC the day before).
    expect(await reminders.runDue(new Date("2026-03-29T06:00:00Z"))).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(emulator.user(inTirana!)!.botMessages().map((m) => m.text?.endsWith("(sq)"))).toEqual([true]);
    expect(received(inTehran!)).toBe(1);
  });

  it("a family in Tirana is reminded at 08:00 their time on the night the clocks go back", async () => {
    now = new Date("2026-10-24T21:00:00Z"); // Saturday 23:00 CEST
    const [inTirana] = await families(1, { locale: "sq", timeZone: "Europe/Tirane" });
    await reminders.schedule([reminderFor(inTirana!, aboutSomething(), now)]);
    expect(await reminders.runDue(now)).toEqual({ sent: 0, deferred: 1, dropped: 0 });
    expect(await reminders.runDue(new Date("2026-10-25T06:59:00Z"))).toEqual({ sent: 0, deferred: 0, dropped: 0 }); // 07:59 CET
    expect(await reminders.runDue(new Date("2026-10-25T07:00:00Z"))).toEqual({ sent: 1, deferred: 0, dropped: 0 }); // 08:00 CET
    await outboxSettled();
    expect(received(inTirana!)).toBe(1);
  });
});

describe("exactly once", () => {
  it("scheduling the same reminder twice stores it once (the first due time holds)", async () => {
    now = new Date("2026-06-07T08:00:00Z");
    const [mother] = await families(1);
    const subject = aboutSomething();
    await reminders.schedule([reminderFor(mother!, subject, later(now, minutes(5)))]);
    await reminders.schedule([reminderFor(mother!, subject, later(now, minutes(5)))]);
    await reminders.schedule([reminderFor(mother!, subject, later(now, minutes(9)))]);
    expect(await models.reminders.countDocuments({ _id: { $regex: `^event-24h:${(subject as { petitionId: string }).petitionId}:` } })).toBe(1);
    expect(await reminders.runDue(later(now, minutes(5)))).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    expect(await reminders.runDue(later(now, minutes(9)))).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(received(mother!)).toBe(1);
  });

  it("an event that moved cancels its reminders by prefix; another event's reminders stay", async () => {
    now = new Date("2026-06-08T08:00:00Z");
    const [mother, father] = await families(2);
    const moved = aboutSomething();
    const other = aboutSomething();
    await reminders.schedule([reminderFor(mother!, moved, now), reminderFor(father!, moved, now), reminderFor(mother!, other, now)]);
    expect(await reminders.cancelByPrefix(`event-24h:${(moved as { petitionId: string }).petitionId}:`)).toBe(2);
    expect(await reminders.runDue(now)).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(emulator.user(mother!)!.botMessages().map((m) => m.text)).toEqual([`reminder ${(other as { petitionId: string }).petitionId} (fa)`]);
    expect(received(father!)).toBe(0);
  });

  it("reminders about the same thing due in the same minute leave as one outbox job", async () => {
    now = new Date("2026-06-09T08:00:00Z");
    const people = await families(6);
    const subject = aboutSomething();
    // Scheduled as each family answered (six batches), due together.
    for (const id of people) await reminders.schedule([reminderFor(id, subject, now)]);
    expect(await reminders.runDue(now)).toEqual({ sent: 6, deferred: 0, dropped: 0 });
    const jobs = await models.deliveryJobs.find({ kind: "reminder", subject }).lean();
    expect(jobs.map((job) => job._id)).toEqual([`reminder:event-24h:petition-milestone/1/${(subject as { petitionId: string }).petitionId}:2026-06-09T08:00`]);
    await outboxSettled();
    expect(people.map(received)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("two processes ticking at the same moment send every reminder once", async () => {
    now = new Date("2026-06-10T08:00:00Z");
    const people = await families(30);
    const subjects = [aboutSomething(), aboutSomething(), aboutSomething()];
    await reminders.schedule(people.map((id, i) => reminderFor(id, subjects[i % 3]!, now)));
    const [first, second] = await Promise.all([schedulerOf().runDue(now), schedulerOf().runDue(now)]);
    expect(first.sent + second.sent).toBeGreaterThanOrEqual(30);
    await outboxSettled();
    expect(people.map(received)).toEqual(people.map(() => 1));
  });

  it("two scheduler instances (two bot processes) run the minute's job once between them", async () => {
    now = new Date("2026-06-11T08:00:00Z");
    const people = await families(20);
    const subject = aboutSomething();
    await reminders.schedule(people.map((id) => reminderFor(id, subject, now)));
    const ticks: number[] = [];
    const instance = () => {
      const service = schedulerOf();
      return startScheduler({
        jobs: reminderJobs({ runDue: async (at) => ticks.push((await service.runDue(at)).sent), purgeDone: (at) => service.purgeDone(at) }),
        models,
        clock,
        log: silentLogger,
        timezone: "UTC",
      });
    };
    const [a, b] = [instance(), instance()];
    try {
      const ran = await Promise.all([a.runNow("run-due-reminders"), b.runNow("run-due-reminders")]);
      expect(ran.filter(Boolean).length).toBeGreaterThanOrEqual(1);
      expect(ticks.reduce((sum, n) => sum + n, 0)).toBe(20);
    } finally {
      await a.stop();
      await b.stop();
    }
    await outboxSettled();
    expect(people.map(received)).toEqual(people.map(() => 1));
  });

  it("a tick that stopped after handing reminders to the outbox and before marking them sent sends nothing twice", async () => {
    now = new Date("2026-06-12T08:00:00Z");
    const people = await families(5);
    const subject = aboutSomething();
    await reminders.schedule(people.map((id) => reminderFor(id, subject, now)));
    const real = outbox();
    // The process dies right after the enqueue returned.
    const crashing = schedulerOf({
      enqueue: async (job, recipients) => {
        await real.enqueue(job, recipients);
        throw new Error("killed");
      },
    });
    await expect(crashing.runDue(now)).rejects.toThrow("killed");
    // The restarted process's first tick, a minute later.
    expect(await reminders.runDue(later(now, minutes(1)))).toEqual({ sent: 5, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(people.map(received)).toEqual([1, 1, 1, 1, 1]);
    expect(await models.deliveryJobs.countDocuments({ subject })).toBe(1);
  });

  it("a family that joined a group after its job was made still gets theirs, once", async () => {
    now = new Date("2026-06-13T08:00:00Z");
    const [early, late] = await families(2);
    const subject = aboutSomething();
    await reminders.schedule([reminderFor(early!, subject, now)]);
    const real = outbox();
    const crashing = schedulerOf({
      enqueue: async (job, recipients) => {
        await real.enqueue(job, recipients);
        throw new Error("killed");
      },
    });
    await expect(crashing.runDue(now)).rejects.toThrow("killed");
    // Scheduled for the same minute while the bot was down.
    await reminders.schedule([reminderFor(late!, subject, now)]);
    expect(await reminders.runDue(later(now, minutes(1)))).toEqual({ sent: 2, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect([received(early!), received(late!)]).toEqual([1, 1]);
  });

  it("a reminder scheduled for a minute whose tick already ran is sent at the next tick", async () => {
    now = new Date("2026-06-14T08:00:00Z");
    const [father] = await families(1);
    expect(await reminders.runDue(now)).toEqual({ sent: 0, deferred: 0, dropped: 0 });
    // A registration reminder computed from an old stop: due ten minutes ago.
    await reminders.schedule([reminderFor(father!, aboutSomething(), new Date("2026-06-14T07:50:00Z"))]);
    expect(await reminders.runDue(later(now, minutes(1)))).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect(received(father!)).toBe(1);
  });
});

describe("what is kept", () => {
  it("a family that erases its data leaves no reminder behind, and nothing is sent to it", async () => {
    now = new Date("2026-06-15T08:00:00Z");
    const [mother, father] = await families(2);
    await reminders.schedule([reminderFor(mother!, aboutSomething(), later(now, minutes(5))), reminderFor(father!, aboutSomething(), later(now, minutes(5)))]);
    expect(await reminders.forgetUser(mother!)).toBe(1);
    expect(await models.reminders.countDocuments({ userId: refOf(mother!) })).toBe(0);
    expect(await reminders.runDue(later(now, minutes(5)))).toEqual({ sent: 1, deferred: 0, dropped: 0 });
    await outboxSettled();
    expect([received(mother!), received(father!)]).toEqual([0, 1]);
  });

  it("reminders are purged 30 days after they fell due, not before", async () => {
    now = new Date("2026-06-16T08:00:00Z");
    const [sister] = await families(1);
    await reminders.schedule([reminderFor(sister!, aboutSomething(), now)]);
    await reminders.runDue(now);
    expect(await reminders.purgeDone(later(now, 29 * 24 * 60 * minutes(1)))).toBe(0);
    expect(await reminders.purgeDone(later(now, 31 * 24 * 60 * minutes(1)))).toBe(1);
    expect(await models.reminders.countDocuments({ userId: refOf(sister!) })).toBe(0);
    await outboxSettled();
  });
});
