// Conversation state at rest (issue #8, section 2): what a family types into an unfinished
// conversation is stored encrypted under a pseudonym, and an idle conversation is dropped after
// 30 days — the family is told kindly the next time they write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The bot's clock; tests move it forward to make a conversation idle. */
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ overrides: { clock } });
});
afterAll(() => bot?.stop());

/** Every update handled (and its conversation saved) before time moves on: the reply comes before the save. */
const settled = () => waitUntil(() => bot.emulator.pendingUpdateCount() === 0, 5_000, "updates handled");

const rawConversations = async () => bot.app.connection.db!.collection("conversations").find().toArray();

/** Canary values: none of them may appear in a copy of the conversations collection. */
const CANARY = {
  firstName: "Kanaryfirst",
  lastName: "Kanarylast",
  username: "kanary_handle",
  userId: 7_361_904_258,
  fullName: "Qanarius Zanbaghi",
  otherNames: "Qanaryos Zanbagi",
  leftPlace: "Kanarytown",
  location: "Kanaryville camp",
  notes: "Kanary scar on the left hand",
  city: "Kanarabad",
  phone: "+49 151 7733 9911",
};

/** A sister registers her brother in English up to the summary, typing a canary into every free-text step. */
async function typeCanariesUpToTheSummary(user: EmulatedUser): Promise<void> {
  await startRegistration(user);
  await press(user, "I am the sister", "What is their full name?");
  await answer(user, CANARY.fullName, "Other spellings");
  await answer(user, CANARY.otherNames, "a man or a woman");
  await press(user, "Man", "In which year were they born?");
  await answer(user, "1962", "In which year did they leave");
  await answer(user, "1982", "From where did they leave");
  await answer(user, CANARY.leftPlace, "Where do you believe they are now?");
  await press(user, "Somewhere else", "Please write where you believe they are.");
  await answer(user, CANARY.location, "If you have a photo");
  await press(user, "⏭ Skip", "anything else");
  await answer(user, CANARY.notes, "In which province");
  await press(user, "Fars", "In which city or town?");
  await answer(user, CANARY.city, "last have any contact");
  await press(user, "⏭ Skip", "How was that last contact?");
  await press(user, "A letter", "How would you like the association to reach you?");
  await press(user, "By phone call", "Please share your phone number");
  user.sendContact({ phoneNumber: CANARY.phone });
  await user.waitForText("Please check your answers.");
}

describe("an unfinished conversation at rest", () => {
  it("a sister leaves her registration at the summary: a copy of the database shows neither her answers, her phone, her Telegram name nor her id", async () => {
    const sister = bot.emulator.createUser({ id: CANARY.userId, firstName: CANARY.firstName, lastName: CANARY.lastName, username: CANARY.username, languageCode: "en" });
    await typeCanariesUpToTheSummary(sister);

    const documents = await rawConversations();
    const mine = documents.filter((d) => d.key === `conv:${refOf(sister.id)}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.state).toMatch(/^v2:/);
    expect(mine[0]!.updatedAt).toBeInstanceOf(Date);
    const dump = JSON.stringify(documents);
    for (const canary of [...Object.values(CANARY).map(String), "7733", "9911", "Qanar", "Kanar"]) expect(dump).not.toContain(canary);

    // Her place is kept all the same: she saves what she typed.
    await press(sister, "✅ Save", "Your registration is saved.");
    const saved = await bot.app.services.cases.listForFamily(sister.id);
    expect(saved.map((c) => c.fullName)).toEqual([CANARY.fullName]);
    // The saved answer is sent before the update ends and the finished conversation is removed (over
    // the conversations' own connection): removed soon after, not necessarily before the answer shows.
    await waitUntil(async () => (await rawConversations()).every((d) => d.key !== `conv:${refOf(sister.id)}`), 5_000, "her finished conversation removed");
  });
});

describe("an idle conversation is dropped after 30 days", () => {
  it("a mother who left her registration unfinished for a month is told kindly that it was cleared, once, and can start again", async () => {
    const mother = bot.emulator.createUser({ languageCode: "fa" });
    const brother = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(mother, "fa");
    await press(mother, "مادرش هستم", "نام کامل او چیست؟");
    await answer(mother, "امیر حسن‌زاده", "مرحلهٔ ۳ از ۱۴");
    await settled();

    // Twenty days later her son starts one too; eleven days after that hers is 31 days old, his 11.
    offsetMs += 20 * DAY_MS;
    await startRegistration(brother);
    await settled();
    offsetMs += 11 * DAY_MS;
    expect(await bot.app.scheduler.runNow("drop-idle-conversations")).toBe(true);

    const [hers] = (await rawConversations()).filter((d) => d.key === `conv:${refOf(mother.id)}`);
    // Only a marker is left: the name of what was dropped, nothing she typed.
    expect(hers).toMatchObject({ dropped: ["registration"] });
    expect(hers!.state).toBeUndefined();

    mother.sendText("سلام، ادامه بدهم؟");
    const told = plain((await mother.waitForText("نیمه‌کاره ماند")).text);
    expect(told).toContain("شما ثبت عزیزتان را شروع کرده بودید، اما ۳۰ روز نیمه‌کاره ماند.");
    expect(told).toContain("هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد");
    expect(told).toContain("/register");
    // Her marker is removed as that update ends, over the conversations' own connection.
    await waitUntil(async () => (await rawConversations()).every((d) => d.key !== `conv:${refOf(mother.id)}`), 5_000, "her marker removed");

    // Told once: her next message is answered as usual, and /register starts from the beginning.
    const before = mother.botMessages().length;
    mother.sendText("ممنون");
    await mother.waitForReply();
    expect(mother.botMessages().slice(before).some((m) => plain(m.text).includes("نیمه‌کاره ماند"))).toBe(false);
    mother.sendCommand("register");
    await mother.waitForText("پیش از شروع، لطفاً این را بخوانید.");

    // Her son's conversation was touched 11 days ago: it is still where he left it.
    await press(brother, "I am the brother", "What is their full name?");
    expect(brother.botMessages().some((m) => plain(m.text).includes("unfinished"))).toBe(false);
  });

  it("a kept marker does not outlive its purpose: a user who never comes back leaves nothing behind after 90 more days", async () => {
    const volunteer = bot.emulator.createUser({ languageCode: "en" });
    volunteer.sendCommand("register");
    await volunteer.waitForText("Before we start, please read this.");
    await settled();
    offsetMs += 31 * DAY_MS;
    await bot.app.scheduler.runNow("drop-idle-conversations");
    expect((await rawConversations()).filter((d) => d.key === `conv:${refOf(volunteer.id)}`)).toHaveLength(1);
    offsetMs += 91 * DAY_MS;
    await bot.app.scheduler.runNow("drop-idle-conversations");
    expect((await rawConversations()).filter((d) => d.key === `conv:${refOf(volunteer.id)}`)).toHaveLength(0);
  });
});
