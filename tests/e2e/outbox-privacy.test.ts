// The outbox at rest (issue #8, section 2; issue #9): status news would carry the relative's name and
// the family note, so its job stores only the case event it is about and the worker renders the news
// when it sends; a broadcast stores what its sender wrote, encrypted, and loses it 7 days after it
// finished. A copy of delivery_jobs shows none of it; a family that withdraws its case gets nothing more about it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { waitUntil } from "../support/waitUntil.js";

const COORDINATOR_ID = 930001;
const DAY_MS = 24 * 60 * 60 * 1000;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const coordinatorActor = buildActor({ userId: COORDINATOR_ID, grants: [], isAdmin: true });

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID], overrides: { clock, delivery: { retry: { baseDelayMs: 300 } } } });
});
afterAll(() => bot?.stop());

const rawJobs = async () => JSON.stringify(await bot.app.connection.db!.collection("delivery_jobs").find().toArray());

async function register(user: EmulatedUser, locale: string, fullName: string, province = "gilan") {
  user.sendCommand("start"); // the chat must be started for the bot to write to it
  await user.waitForReply();
  return bot.app.services.cases.register({ userId: user.id, locale, draft: sampleRegistration({ fullName, familyProvince: province, birthYear: 1966 }), consentAt: clock.now() });
}

async function finishedJob(jobId: string) {
  await waitUntil(async () => (await bot.app.models.deliveryJobs.findById(jobId).lean())?.finishedAt != null, 10_000, `job ${jobId} finished`);
  return (await bot.app.models.deliveryJobs.findById(jobId).lean())!;
}

describe("the outbox keeps nothing personal in the clear", () => {
  it("a coordinator's note reaches the mother; the outbox holds no text of it at all, only which status change it was about", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    const saved = await register(mother, "en", "Farzad Kanarypour");
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("case", saved.reference);
    await coordinator.waitForText("Families following this case: 1");
    await press(coordinator, "➡️ Being reviewed", "Write a short note for the family");
    await answer(coordinator, "Kanary note: the Rasht office has your letter.", "Write an internal note");
    await answer(coordinator, "Kanary internal: called the Rasht office.", "Change case");
    await press(coordinator, "✅ Change the status", "Families told: 1.");

    const news = await mother.waitForText("Being reviewed", { timeoutMs: 10_000 });
    expect(plain(news.text)).toContain("Farzad Kanarypour");
    expect(plain(news.text)).toContain("Kanary note: the Rasht office has your letter.");

    const [event] = await bot.app.models.caseEvents.find({ type: "status", to: "under_review" }).lean();
    const jobId = `case-status:${event!._id.toHexString()}`;
    const job = await finishedJob(jobId);
    expect(job.summary).toEqual({ sent: 1, failed: 0, skipped: 0 });
    const dump = await rawJobs();
    for (const secret of ["Kanary", "Farzad", "Rasht", "office"]) expect(dump).not.toContain(secret);
    // The news was rendered when it was sent, from the case event; the job keeps only the event's id.
    expect(job.contentByLocale).toBeNull();
    expect(job.subject).toEqual({ kind: "case-status", eventId: event!._id.toHexString() });
    expect(await bot.app.models.deliveries.countDocuments({ jobId, state: "sent" })).toBe(1);
  });

  it("a coordinator's news to every family is delivered, its text stored only encrypted and forgotten a week after it was sent", async () => {
    const family = bot.emulator.createUser({ languageCode: "fa" });
    await register(family, "fa", "کامبیز قناری‌زاده", "ardabil");
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    coordinator.sendCommand("start");
    await coordinator.waitForReply();
    const started = await bot.app.services.broadcasts.start(coordinatorActor, {
      audience: { kind: "families", provinces: "all" },
      contentByLocale: { fa: { text: "نشست کاناری جمعه ساعت ۱۸ در اردبیل" }, en: { text: "Kanary meeting on Friday at 18:00" } },
      progressChat: { chatId: COORDINATOR_ID, locale: "en" },
    });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    await family.waitForText("نشست کاناری", { timeoutMs: 10_000 });
    const jobId = started.value.jobId;
    const job = await finishedJob(jobId);
    const dump = await rawJobs();
    for (const secret of ["کاناری", "Kanary", "اردبیل", "Friday"]) expect(dump).not.toContain(secret);
    expect(job.contentByLocale).toMatch(/^v2:/);

    // Six days after it was sent the text is still there (support can look at a failed send); after seven it is gone.
    offsetMs += 6 * DAY_MS;
    await bot.app.scheduler.runNow("purge-outbox-content");
    expect((await bot.app.models.deliveryJobs.findById(jobId).lean())?.contentByLocale).toMatch(/^v2:/);
    offsetMs += 1 * DAY_MS + 60_000;
    await bot.app.scheduler.runNow("purge-outbox-content");
    const purged = await bot.app.models.deliveryJobs.findById(jobId).lean();
    expect(purged?.contentByLocale).toBeNull();
    // The figures stay.
    expect(purged).toMatchObject({ state: "done", summary: { sent: job.summary?.sent, failed: 0 } });
    expect(await bot.app.models.deliveries.countDocuments({ jobId, state: "sent" })).toBe(job.summary?.sent);
  });
});

describe("a family that withdraws its case gets nothing more about it", () => {
  it("news queued while sending was stopped does not reach the mother who withdrew meanwhile; her brother-in-law still gets it", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    const brotherInLaw = bot.emulator.createUser({ languageCode: "en" });
    const first = await register(mother, "en", "Nader Kanaryan", "fars");
    const second = await register(brotherInLaw, "en", "Nader Kanaryan", "fars");
    expect(second.possibleDuplicate).toBe(true);
    expect(await bot.app.services.cases.confirmDuplicate(coordinatorActor, second.caseId, first.caseId)).toMatchObject({ ok: true });

    // Sending stops (a restart, a Telegram outage…) just as the coordinator moves the case on.
    await bot.app.deliveryWorker.stop();
    const changed = await bot.app.services.cases.changeStatus(
      coordinatorActor,
      first.caseId,
      { to: "under_review", familyNote: "Kanary: we wrote to the agency." },
    );
    expect(changed).toMatchObject({ ok: true, value: { notified: 2 } });
    const jobId = `case-status:${changed.ok ? changed.value.eventId : ""}`;

    // Before anything goes out, the mother withdraws her registration.
    expect(await bot.app.services.cases.withdraw(mother.id, first.caseId)).toMatchObject({ ok: true });

    await bot.restart();
    await brotherInLaw.waitForText("Kanary: we wrote to the agency.", { timeoutMs: 10_000 });
    const job = await finishedJob(jobId);
    expect(job.summary?.sent).toBe(1);
    await bot.emulator.waitForQuiet();
    expect(mother.botMessages().some((m) => plain(m.text).includes("Kanary"))).toBe(false);
  });

  it("a retry waiting for the mother when she withdraws is not sent to her; her brother-in-law's goes through", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    const brotherInLaw = bot.emulator.createUser({ languageCode: "en" });
    const first = await register(mother, "en", "Bahman Kanaryfar", "qom");
    const second = await register(brotherInLaw, "en", "Bahman Kanaryfar", "qom");
    expect(await bot.app.services.cases.confirmDuplicate(coordinatorActor, second.caseId, first.caseId)).toMatchObject({ ok: true });

    // Telegram answers 500 for a while: both messages wait in the worker for their retry.
    bot.emulator.setFaults({ serverErrorRate: 1 });
    try {
      const changed = await bot.app.services.cases.changeStatus(
        coordinatorActor,
        first.caseId,
        { to: "under_review", familyNote: "Kanary: the visit is requested." },
      );
      expect(changed.ok).toBe(true);
      const jobId = `case-status:${changed.ok ? changed.value.eventId : ""}`;
      await waitUntil(async () => (await bot.app.models.deliveryAttempts.countDocuments({ jobId, state: "pending" })) === 2, 10_000, "both waiting for a retry");

      expect(await bot.app.services.cases.withdraw(mother.id, first.caseId)).toMatchObject({ ok: true });
      bot.emulator.setFaults({ serverErrorRate: 0 });

      await brotherInLaw.waitForText("Kanary: the visit is requested.", { timeoutMs: 10_000 });
      const job = await finishedJob(jobId);
      expect(job.summary).toMatchObject({ sent: 1, skipped: 1 });
      expect(mother.botMessages().some((m) => plain(m.text).includes("Kanary"))).toBe(false);
    } finally {
      bot.emulator.setFaults({ serverErrorRate: 0 });
    }
  });
});
