// Issue #10: a family whose case hears nothing for 30 days gets a short, kind note — at most once a
// month, never for a closed case, never for someone who switched case check-ins off in /settings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock, type Clock } from "../../src/clock.js";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { waitUntil } from "../support/waitUntil.js";

/** A message through the scheduler and the outbox, on a machine shared with other test runs. */
const ARRIVAL_MS = 15_000;
/** A story lets days pass with the jobs running once a simulated day. */
const STORY_MS = 60_000;
const DAY = 24 * 60 * 60 * 1000;
const ADMIN_ID = 700001;
/** The bot's clock: 10:00 in Tehran on 2 March 2027, moved forward by the stories. */
let offsetMs = Date.parse("2027-03-02T06:30:00Z") - Date.now();
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
const advance = (ms: number) => (offsetMs += ms);
const coordinator = buildActor({ userId: ADMIN_ID, grants: [], isAdmin: true });

let bot: TestBot;
beforeAll(async () => {
  // The outbox sends on real time (its lease would lapse with every jump of the bot's clock).
  bot = await startTestBot({ adminIds: [ADMIN_ID], overrides: { clock, delivery: { clock: systemClock } } });
});
afterAll(() => bot?.stop());

const checkinText = "در این یک ماه خبر تازه‌ای دربارهٔ پروندهٔ شما نبوده است";
const checkinsOf = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(checkinText));

/** The daily job that finds quiet cases, then the scheduler's minute tick. */
async function runCheckins(): Promise<void> {
  expect(await bot.app.scheduler.runNow("case-checkins")).toBe(true);
  expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
}


/** Time passes with the bot running: its jobs run once a simulated day (and at the end). */
async function passTime(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= DAY) {
    advance(Math.min(left, DAY));
    await runCheckins();
  }
  await bot.emulator.waitForQuiet();
}

/** A family member who has written to the bot and registered their relative. */
async function registeredFamily(name: string, relative: string): Promise<{ user: EmulatedUser; caseId: string }> {
  const user = bot.emulator.createUser({ firstName: name, languageCode: "fa" });
  user.sendCommand("start");
  await user.waitForText("سلام");
  const { caseId } = await bot.app.services.cases.register({
    userId: user.id,
    locale: "fa",
    draft: sampleRegistration({ fullName: relative, familyProvince: "ardabil" }),
    consentAt: clock.now(),
  });
  return { user, caseId };
}

describe("a case without news for a month", () => {
  it("the families of quiet open cases are told kindly once a month; not the closed case's, not one with fresh news, not one who switched check-ins off", async () => {
    const mother = await registeredFamily("Zahra", "Amir Testzadeh");
    const father = await registeredFamily("Hassan", "Reza Testi");
    const sister = await registeredFamily("Maryam", "Ali Testpour");
    const brother = await registeredFamily("Hamid", "Omid Testian");
    expect((await bot.app.services.cases.changeStatus(coordinator, father.caseId, { to: "closed", reason: "other" })).ok).toBe(true);
    await bot.app.services.users.setReminder(brother.user.id, "case-checkin", false);

    // Twenty days on, the sister's case moves on: fresh news for her.
    await passTime(20 * DAY);
    expect((await bot.app.services.cases.changeStatus(coordinator, sister.caseId, { to: "under_review" })).ok).toBe(true);
    await bot.emulator.waitForQuiet();

    // A day before the month is up: nothing.
    await passTime(9 * DAY);
    expect(checkinsOf(mother.user)).toHaveLength(0);

    // Thirty days without news: the mother hears, with what to do next.
    await passTime(1 * DAY + 60 * 60 * 1000);
    await waitUntil(() => checkinsOf(mother.user).length === 1, ARRIVAL_MS);
    const note = plain(checkinsOf(mother.user)[0]!.text);
    expect(note).toContain("/mycases");
    expect(note).toContain("/status");

    // The daily job on the next days: still one.
    await passTime(2 * DAY);
    expect(checkinsOf(mother.user)).toHaveLength(1);
    expect(checkinsOf(father.user)).toHaveLength(0);
    expect(checkinsOf(sister.user)).toHaveLength(0);
    expect(checkinsOf(brother.user)).toHaveLength(0);

    // Thirty days after the sister's news, her case is quiet too: her note.
    await passTime(18 * DAY);
    await waitUntil(() => checkinsOf(sister.user).length === 1, ARRIVAL_MS);

    // A month after the first note, still no news: the mother's second.
    await passTime(10 * DAY);
    await waitUntil(() => checkinsOf(mother.user).length === 2, ARRIVAL_MS);
    expect(checkinsOf(sister.user)).toHaveLength(1);
    expect(checkinsOf(father.user)).toHaveLength(0);
    expect(checkinsOf(brother.user)).toHaveLength(0);
  }, STORY_MS);
});
