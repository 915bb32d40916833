import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { refOf } from "../support/userRefs.js";

const COORDINATOR_ID = 930001;
/** 23:30 on Tehran's clock (UTC+3:30): 15:00 in Toronto (UTC−5 in November). */
const LATE_EVENING_IN_TEHRAN = Date.parse("2026-11-28T20:00:00Z");
/** 08:00 the next morning in Tehran. */
const MORNING_IN_TEHRAN = Date.parse("2026-11-29T04:30:00Z");

/** The whole bot runs on this clock; the story moves it through the night. */
let offsetMs = LATE_EVENING_IN_TEHRAN - Date.now();
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const setClock = (at: number) => {
  offsetMs = at - Date.now();
};

let bot: TestBot;
let tehranMother: EmulatedUser;
let torontoSister: EmulatedUser;
const NEWS = "نشست آنلاین خانواده‌ها فردا ساعت ۱۸";

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID], overrides: { clock, delivery: { tickMs: 100 } } });
  const now = clock.now();
  tehranMother = bot.emulator.createUser({ firstName: "Mahin", languageCode: "fa" });
  torontoSister = bot.emulator.createUser({ firstName: "Shirin", languageCode: "fa" });
  for (const [user, province] of [
    [tehranMother, "tehran"],
    [torontoSister, "abroad"],
  ] as const) {
    user.sendCommand("start");
    await user.waitForReply();
    await bot.app.services.cases.register({ userId: user.id, locale: "fa", draft: sampleRegistration({ fullName: "Dariush Test", familyProvince: province }), consentAt: now });
  }
  // The sister abroad chose her zone in /settings (tests/e2e/settings.test.ts tells that story).
  expect(await bot.app.services.users.setTimeZone(torontoSister.id, "America/Toronto")).toBe("America/Toronto");
});
afterAll(() => bot?.stop());

const received = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(NEWS));

describe("a coordinator's news delivered in each family's daytime", () => {
  it("sent at 23:30 in Tehran: the sister in Toronto reads it at once, the mother in Tehran at 08:00 her time", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("broadcast");
    await coordinator.waitForText("Who should receive this message?");
    await press(coordinator, "👪 Families", "All provinces, or choose some");
    await press(coordinator, "🌐 All provinces", "Send the message in Persian");
    await answer(coordinator, NEWS, "Send the English version");
    await press(coordinator, "⏭ Skip", "Send the Albanian version");
    coordinator.pressButton("⏭ Skip");
    const preview = await coordinator.waitForText("This message will go to 2 people.");
    expect(preview.inlineKeyboard?.flat().map((b) => plain(b.text))).toEqual(expect.arrayContaining(["📤 Send now", "🕒 Schedule", "🌙 Deliver in each recipient's daytime"]));
    await press(coordinator, "🌙 Deliver in each recipient's daytime", "those in their night");

    // 15:00 in Toronto: at once.
    await torontoSister.waitForText(NEWS, { timeoutMs: 10_000 });
    // 23:30 in Tehran: the mother's phone stays silent through the night.
    await bot.emulator.waitForQuiet();
    expect(received(tehranMother)).toHaveLength(0);
    const job = await bot.app.models.deliveryJobs.findOne({ kind: "broadcast", daytimeOnly: true }).lean().exec();
    expect(job).toMatchObject({ state: "running", finishedAt: null });
    // She waits as a retry due at her 08:00, like any recipient who must wait.
    const waiting = await bot.app.models.deliveryAttempts.findOne({ jobId: job!._id, userId: refOf(tehranMother.id) }).lean().exec();
    expect(waiting?.nextAttemptAt.toISOString()).toBe(new Date(MORNING_IN_TEHRAN).toISOString());
    expect(waiting).toMatchObject({ state: "pending", attempts: 0, reason: "night" });

    // Three seconds before 08:00 in Tehran: still nothing.
    setClock(MORNING_IN_TEHRAN - 3_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(received(tehranMother)).toHaveLength(0);

    // 08:00: the news arrives, once, and the coordinator's progress message says the job is done.
    await tehranMother.waitForText(NEWS, { timeoutMs: 10_000 });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(MORNING_IN_TEHRAN);
    await coordinator.waitForText(/Finished: 2 sent, 0 failed/, { timeoutMs: 10_000 });
    await bot.emulator.waitForQuiet();
    expect(received(tehranMother)).toHaveLength(1);
    expect(received(torontoSister)).toHaveLength(1);
  });
});
