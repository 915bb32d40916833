// Issue #10: a family who stops half way through registering is reminded a day later and a week
// later, then never again; the reminder's button takes them back to the question where they stopped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock, type Clock } from "../../src/clock.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { answerEveryQuestion, startRegistration } from "../support/registrationSteps.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

const HOUR = 60 * 60 * 1000;
/** A message through the scheduler and the outbox, on a machine shared with other test runs. */
const ARRIVAL_MS = 15_000;
/** A story lets days pass with the jobs running once a simulated day. */
const STORY_MS = 60_000;
const DAY = 24 * HOUR;
/** The bot's clock: 10:00 in Tehran on 1 December 2026, moved forward by the stories. */
let offsetMs = Date.parse("2026-12-01T06:30:00Z") - Date.now();
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const advance = (ms: number) => (offsetMs += ms);

let bot: TestBot;
beforeAll(async () => {
  // The outbox sends on real time (its lease would lapse with every jump of the bot's clock).
  bot = await startTestBot({ overrides: { clock, delivery: { clock: systemClock } } });
});
afterAll(() => bot?.stop());

/** The hourly job that finds unfinished registrations, then the scheduler's minute tick. */
async function runReminderJobs(): Promise<void> {
  expect(await bot.app.scheduler.runNow("unfinished-registration-reminders")).toBe(true);
  expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
}


/** Time passes with the bot running: its jobs run at least once a simulated day (and at the end). */
async function passTime(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= DAY) {
    advance(Math.min(left, DAY));
    await runReminderJobs();
  }
  await bot.emulator.waitForQuiet();
}

const reminderText = "ثبت عزیزتان را شروع کردید، ولی هنوز تمام نشده است.";
const remindersOf = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(reminderText));

describe("a family who stops half way through registering", () => {
  it("a mother who stopped at the third question hears from the bot after a day and after a week, never a third time, and Continue asks that question again", async () => {
    const mother = bot.emulator.createUser({ firstName: "Zahra", languageCode: "fa" });
    await startRegistration(mother, "fa");
    await press(mother, "مادرش هستم", "نام کامل او چیست؟");
    await answer(mother, "امیر حسن‌زاده", "مرحلهٔ ۳ از ۱۴");
    // She puts the phone down (once the bot has stored her answer). Nearly a day later, nothing yet.
    await bot.emulator.waitForQuiet();
    await passTime(23 * HOUR);
    expect(remindersOf(mother)).toHaveLength(0);

    await passTime(1 * HOUR + 5 * 60_000);
    await waitUntil(() => remindersOf(mother).length === 1, ARRIVAL_MS);
    const first = remindersOf(mother)[0]!;
    expect(first.inlineKeyboard?.flat().map((b) => b.text)).toEqual(["▶️ ادامه"]);

    // A week after her last answer, the second; the same jobs running again send nothing more.
    await passTime(6 * DAY);
    await waitUntil(() => remindersOf(mother).length === 2, ARRIVAL_MS);
    // Then never again: past the ninth day the job no longer looks at her stop.
    await passTime(3 * DAY);
    expect(remindersOf(mother)).toHaveLength(2);

    // "Continue" under the last reminder: the question where she stopped, her answers kept.
    const last = remindersOf(mother)[1]!;
    await press(mother, "▶️ ادامه", "مرحلهٔ ۳ از ۱۴", { messageId: last.messageId });
    await press(mother, "⏭ رد شدن", "مرد است یا زن");
  }, STORY_MS);

  it("a brother who finished his registration gets no reminder", async () => {
    const brother = bot.emulator.createUser({ firstName: "Hamid", languageCode: "en" });
    await startRegistration(brother, "en");
    await answerEveryQuestion(brother, "Ali Rahimi");
    await press(brother, "✅ Save", "Your registration is saved.");
    await bot.emulator.waitForQuiet();
    await passTime(8 * DAY);
    expect(remindersOf(brother)).toHaveLength(0);
    expect(await bot.app.models.reminders.countDocuments({ userId: refOf(brother.id) })).toBe(0);
  }, STORY_MS);

  it("a brother who opened his saved registration to change it and stopped is not told his registration is unfinished", async () => {
    const brother = bot.emulator.createUser({ firstName: "Kaveh", languageCode: "en" });
    await startRegistration(brother, "en");
    await answerEveryQuestion(brother, "Parviz Testi");
    await press(brother, "✅ Save", "Your registration is saved.");
    brother.sendCommand("mycases");
    await brother.waitForText("Your registrations (1)");
    await press(brother, /^Parviz Testi · /, "Case");
    await press(brother, "✏️ Change", "Please check your answers.");
    await bot.emulator.waitForQuiet();
    await passTime(25 * HOUR);
    expect(remindersOf(brother)).toHaveLength(0);
    expect(await bot.app.models.reminders.countDocuments({ userId: refOf(brother.id) })).toBe(0);
  }, STORY_MS);

  it("mothers who stopped late in the evening are not woken at night: the reminders wait for 08:00, and none comes to those who stopped their registration before then", async () => {
    // 22:30 in Tehran.
    offsetMs += Date.parse("2027-01-10T19:00:00Z") - clock.now().getTime();
    const shirin = bot.emulator.createUser({ firstName: "Shirin", languageCode: "fa" });
    const parisa = bot.emulator.createUser({ firstName: "Parisa", languageCode: "fa" });
    const mina = bot.emulator.createUser({ firstName: "Mina", languageCode: "fa" });
    for (const mother of [shirin, parisa, mina]) {
      await startRegistration(mother, "fa");
      await press(mother, "مادرش هستم", "نام کامل او چیست؟");
    }
    await bot.emulator.waitForQuiet();
    // 22:35 the next evening: due, but night in Tehran.
    await passTime(24 * HOUR + 5 * 60_000);
    expect(remindersOf(shirin)).toHaveLength(0);
    expect(remindersOf(parisa)).toHaveLength(0);

    // 07:00: Shirin opens the chat and stops her registration herself.
    await passTime(8 * HOUR + 25 * 60_000);
    expect(remindersOf(parisa)).toHaveLength(0);
    await press(shirin, "✖️ لغو", "می‌خواهید متوقف کنید؟");
    await press(shirin, "بله، متوقف کن و پاک کن", "ثبت متوقف شد.");
    // Mina leaves it with /cancel.
    mina.sendCommand("cancel");
    await mina.waitForReply();
    await bot.emulator.waitForQuiet();

    // 08:30: Parisa's reminder comes; nothing for Shirin.
    await passTime(90 * 60_000);
    await waitUntil(() => remindersOf(parisa).length === 1, ARRIVAL_MS);
    expect(remindersOf(shirin)).toHaveLength(0);
    expect(remindersOf(mina)).toHaveLength(0);
  }, STORY_MS);
});
