// A reminder lives in the database, not in a timer: a mother's reminder falls due while the bot is
// stopped, and the first tick after the start sends it — through the outbox, rendered in her
// language — once; a reminder whose event already began by then is not sent at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { buildActor } from "../../src/domain/roles.js";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { openPetition } from "../support/petitions.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

const ADMIN_ID = 840101;
const MINUTE = 60_000;
let now = new Date();
const clock: Clock = { now: () => now };

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], overrides: { clock } });
});
afterAll(() => bot?.stop());

describe("reminders across a restart", () => {
  it("a mother's reminder that fell due while the bot was stopped reaches her once at the first tick; a late one is dropped", async () => {
    const admin = buildActor({ userId: ADMIN_ID, grants: [], isAdmin: true });
    const ref = await openPetition(bot.app.services.petitions, admin);
    const petition = await bot.app.models.petitions.findOne({ ref }, { _id: 1 }).lean();
    const subject = { kind: "petition-milestone" as const, petitionId: petition!._id.toHexString(), milestone: 1 };

    const mother = bot.emulator.createUser({ languageCode: "fa" });
    mother.sendCommand("start");
    await mother.waitForReply();
    const before = mother.botMessages().length;

    await bot.app.services.reminders.schedule([
      { id: `test-on-time:${mother.id}`, kind: "event-24h", userRef: refOf(mother.id), subject, dueAt: new Date(now.getTime() + 10 * MINUTE), lateAfter: new Date(now.getTime() + 120 * MINUTE), quietHours: "ignore" },
      { id: `test-too-late:${mother.id}`, kind: "event-1h", userRef: refOf(mother.id), subject, dueAt: new Date(now.getTime() + 11 * MINUTE), lateAfter: new Date(now.getTime() + 20 * MINUTE), quietHours: "ignore" },
    ]);

    // Stopped before either fell due; started again 30 minutes later.
    now = new Date(now.getTime() + 30 * MINUTE);
    await bot.restart({ clock });
    expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
    await waitUntil(() => mother.botMessages().length > before, 10_000, "the reminder arrived");
    expect(mother.botMessages().at(-1)?.text).toContain("بگذارید به خانه زنگ بزنند");

    // The next minute's tick sends nothing more.
    now = new Date(now.getTime() + MINUTE);
    expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
    await bot.emulator.waitForQuiet({ quietMs: 300 });
    expect(mother.botMessages().length).toBe(before + 1);
  });
});
