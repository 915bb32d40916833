// Issue #10: a family whose case hears nothing for 30 days gets a short, kind note — at most once a
// month, never for a closed case, never for someone who switched case check-ins off in /settings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { ARRIVAL_MS, DAY, startStoryBot, STORY_MS, type StoryBot } from "../support/storyBot.js";
import { waitUntil } from "../support/waitUntil.js";

const ADMIN_ID = 700001;
const coordinator = buildActor({ userId: ADMIN_ID, grants: [], isAdmin: true });

let story: StoryBot;
let bot: TestBot;
beforeAll(async () => {
  // The bot's clock: 10:00 in Tehran on 2 March 2027; days pass with the daily check and the reminders' tick.
  story = await startStoryBot({ adminIds: [ADMIN_ID], startsAt: "2027-03-02T06:30:00Z", jobs: ["case-checkins", "run-due-reminders"] });
  ({ bot } = story);
});
afterAll(() => story?.stop());

const checkinText = "در این یک ماه خبر تازه‌ای دربارهٔ پروندهٔ شما نبوده است";
const checkinsOf = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(checkinText));

/** A family member who has written to the bot and registered their relative. */
async function registeredFamily(name: string, relative: string): Promise<{ user: EmulatedUser; caseId: string }> {
  const user = bot.emulator.createUser({ firstName: name, languageCode: "fa" });
  user.sendCommand("start");
  await user.waitForText("سلام");
  const { caseId } = await bot.app.services.cases.register({
    userId: user.id,
    locale: "fa",
    draft: sampleRegistration({ fullName: relative, familyProvince: "ardabil" }),
    consentAt: story.clock.now(),
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
    await story.passTime(20 * DAY);
    expect((await bot.app.services.cases.changeStatus(coordinator, sister.caseId, { to: "under_review" })).ok).toBe(true);
    await bot.emulator.waitForQuiet();

    // A day before the month is up: nothing.
    await story.passTime(9 * DAY);
    expect(checkinsOf(mother.user)).toHaveLength(0);

    // Thirty days without news: the mother hears, with what to do next.
    await story.passTime(1 * DAY + 60 * 60 * 1000);
    await waitUntil(() => checkinsOf(mother.user).length === 1, ARRIVAL_MS);
    const note = plain(checkinsOf(mother.user)[0]!.text);
    expect(note).toContain("/mycases");
    expect(note).toContain("/status");

    // The daily job on the next days: still one.
    await story.passTime(2 * DAY);
    expect(checkinsOf(mother.user)).toHaveLength(1);
    expect(checkinsOf(father.user)).toHaveLength(0);
    expect(checkinsOf(sister.user)).toHaveLength(0);
    expect(checkinsOf(brother.user)).toHaveLength(0);

    // Thirty days after the sister's news, her case is quiet too: her note.
    await story.passTime(18 * DAY);
    await waitUntil(() => checkinsOf(sister.user).length === 1, ARRIVAL_MS);

    // A month after the first note, still no news: the mother's second.
    await story.passTime(10 * DAY);
    await waitUntil(() => checkinsOf(mother.user).length === 2, ARRIVAL_MS);
    expect(checkinsOf(sister.user)).toHaveLength(1);
    expect(checkinsOf(father.user)).toHaveLength(0);
    expect(checkinsOf(brother.user)).toHaveLength(0);
  }, STORY_MS);
});
