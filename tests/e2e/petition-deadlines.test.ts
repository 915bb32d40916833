// Issue #10: a coordinator switches on one last call for a petition; N days before its deadline the
// families who have not signed are reminded (and nobody else); at the deadline the petition closes
// by itself and its signers who asked for news are told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { openPetition } from "../support/petitions.js";
import { ARRIVAL_MS, DAY, startStoryBot, STORY_MS, type StoryBot } from "../support/storyBot.js";
import { waitUntil } from "../support/waitUntil.js";

const ADMIN_ID = 710001;
const coordinator = buildActor({ userId: ADMIN_ID, grants: [], isAdmin: true });

let story: StoryBot;
let bot: TestBot;
beforeAll(async () => {
  // The bot's clock: 10:00 in Tehran on 3 February 2027; days pass with the deadline job and the reminders' tick.
  story = await startStoryBot({ adminIds: [ADMIN_ID], startsAt: "2027-02-03T06:30:00Z", jobs: ["petition-deadlines", "run-due-reminders"] });
  ({ bot } = story);
});
afterAll(() => story?.stop());

const lastCallText = "و شما هنوز آن را امضا نکرده‌اید";
const closedText = "به پایان مهلتش رسید و بسته شد";
const messagesOf = (user: EmulatedUser, text: string) => user.botMessages().filter((m) => plain(m.text).includes(text));

/** The jobs now, then the bot goes quiet. */
async function runJobs(): Promise<void> {
  await story.runJobs();
  await bot.emulator.waitForQuiet();
}

/** Someone who has written to the bot; a family member also follows a registered case. */
async function person(name: string, family: boolean): Promise<EmulatedUser> {
  const user = bot.emulator.createUser({ firstName: name, languageCode: "fa" });
  user.sendCommand("start");
  await user.waitForText("سلام");
  if (family) {
    await bot.app.services.cases.register({ userId: user.id, locale: "fa", draft: sampleRegistration({ fullName: `${name} Testrelative`, familyProvince: "tehran" }), consentAt: story.clock.now() });
  }
  return user;
}

async function sign(user: EmulatedUser, ref: string, notify: boolean): Promise<void> {
  const signed = await bot.app.services.petitions.sign({ userId: user.id, ref, seenVersion: 1, nameDisplay: "anonymous", notify, locale: "fa" });
  expect(signed.ok).toBe(true);
}

describe("a petition near and at its deadline", () => {
  it("the last call reaches only families who have not signed; at the deadline it closes and signers who asked for news are told", async () => {
    const deadline = new Date(story.clock.now().getTime() + 10 * DAY);
    const ref = await openPetition(bot.app.services.petitions, coordinator, { deadline });
    const signedWithNews = await person("Zahra", true);
    const signedQuietly = await person("Hassan", true);
    const notSigned = await person("Maryam", true);
    const supporter = await person("Sara", false);
    await sign(signedWithNews, ref, true);
    await sign(signedQuietly, ref, false);

    // The coordinator switches the last call on from the petition's card; what does not fit is asked again.
    const admin = bot.emulator.createUser({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
    admin.sendCommand("managepetitions");
    const list = await admin.waitForText("Petitions (newest first)");
    await press(admin, /Open · Let them call home/, /Status: Open/, { messageId: list.messageId });
    await press(admin, "⏳ Last call", "How many days before that");
    await answer(admin, "next week", "Please send a number from 1 to 30");
    await answer(admin, "0", "Please send a number from 1 to 30");
    await answer(admin, "10", "That day has already passed.");
    await answer(admin, "3", "The last call is on: 3 days before the deadline");
    const card = await admin.waitForText("Last call: 3 days before the deadline");
    expect(plain(card.text)).toContain("Status: Open");
    // The service checks the role again: a supporter's forged request changes nothing.
    expect(await bot.app.services.petitionDeadlines.setLastCall({ userId: supporter.id }, ref, 5)).toEqual({ ok: false, error: "forbidden" });
    expect(await bot.app.services.petitionDeadlines.setLastCall(coordinator, ref, 0)).toEqual({ ok: false, error: "days_out_of_range" });
    await bot.emulator.waitForQuiet();

    // Four days before the deadline: nothing yet.
    await story.passTime(6 * DAY);
    expect(messagesOf(notSigned, lastCallText)).toHaveLength(0);

    // Three days before: the family who has not signed is called, once.
    await story.passTime(1 * DAY + 60_000);
    await waitUntil(() => messagesOf(notSigned, lastCallText).length === 1, ARRIVAL_MS);
    await runJobs();
    await story.passTime(1 * DAY);
    expect(messagesOf(notSigned, lastCallText)).toHaveLength(1);
    for (const other of [signedWithNews, signedQuietly, supporter]) expect(messagesOf(other, lastCallText)).toHaveLength(0);

    // The deadline passes: the petition closes by itself; the signer who asked for news is told.
    await story.passTime(2 * DAY);
    expect((await bot.app.services.petitions.get(ref))?.status).toBe("closed");
    await waitUntil(() => messagesOf(signedWithNews, closedText).length === 1, ARRIVAL_MS);
    await runJobs();
    expect(messagesOf(signedWithNews, closedText)).toHaveLength(1);
    expect(plain(messagesOf(signedWithNews, closedText)[0]!.text)).toContain("۲");
    for (const other of [signedQuietly, notSigned, supporter]) expect(messagesOf(other, closedText)).toHaveLength(0);
  }, STORY_MS);

  it("a last call that falls in the night waits for the morning, and does not reach a family who signed before then", async () => {
    // A deadline at 23:30 in Tehran, ten days on; its last call (3 days before) falls at 23:30 too.
    const now = story.clock.now().getTime();
    const deadline = new Date(Math.ceil((now - Date.parse("2027-01-01T20:00:00Z")) / DAY) * DAY + Date.parse("2027-01-01T20:00:00Z") + 10 * DAY);
    const ref = await openPetition(bot.app.services.petitions, coordinator, { deadline });
    expect((await bot.app.services.petitionDeadlines.setLastCall(coordinator, ref, 3)).ok).toBe(true);
    const early = await person("Leila", true);
    const late = await person("Fatemeh", true);

    // 23:35 on the day of the last call: scheduled, but night in Tehran.
    story.advance(deadline.getTime() - 3 * DAY + 5 * 60_000 - story.clock.now().getTime());
    await runJobs();
    expect(messagesOf(early, lastCallText)).toHaveLength(0);
    expect(messagesOf(late, lastCallText)).toHaveLength(0);

    // 07:00: Leila signs on her own. 08:30: Fatemeh is called; Leila is not.
    story.advance(7 * 60 * 60_000 + 25 * 60_000);
    await runJobs();
    await sign(early, ref, false);
    story.advance(90 * 60_000);
    await runJobs();
    await waitUntil(() => messagesOf(late, lastCallText).length === 1, ARRIVAL_MS);
    expect(messagesOf(early, lastCallText)).toHaveLength(0);
  }, STORY_MS);
});
