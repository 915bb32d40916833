// A copy of the database must not say which Telegram accounts are families, signers or volunteers
// (issue #8, section 2): every reference to a user is a keyed pseudonym, and Telegram profile names
// are stored nowhere. The story below touches every collection that names a user; then a raw dump
// of every collection the database lists (so a new collection is covered without editing this
// test) is searched for the Telegram ids and the profile names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERSATIONS_COLLECTION } from "../../src/db/models/index.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { openPetition } from "../support/petitions.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

// Real-looking ten-digit ids: a match in the dump cannot be a coincidence of short numbers.
const ADMIN_ID = 6_104_729_358;
const FAMILY_ID = 7_312_845_906;
const VOLUNTEER_ID = 5_987_013_442;
const PROFILE = {
  admin: { firstName: "Adminfirstcanary", lastName: "Adminlastcanary", username: "admin_canary_handle" },
  family: { firstName: "Familyfirstcanary", lastName: "Familylastcanary", username: "family_canary_handle" },
  volunteer: { firstName: "Volunteerfirstcanary", lastName: "Volunteerlastcanary", username: "volunteer_canary_handle" },
};

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID] });
});
afterAll(() => bot?.stop());

/** Every document of every collection the database has, as JSON text. */
async function rawDump(): Promise<Record<string, string>> {
  const db = bot.app.connection.db!;
  const dump: Record<string, string> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    dump[name] = JSON.stringify(await db.collection(name).find({}).toArray());
  }
  return dump;
}

async function registerInPersian(mother: EmulatedUser): Promise<void> {
  mother.sendCommand("start");
  await mother.waitForText("سلام");
  mother.pressReplyButton("📝 ثبت عزیز گمشده");
  await mother.waitForText("پیش از شروع، لطفاً این را بخوانید.");
  await press(mother, "✅ موافقم، ادامه", "مرحلهٔ ۱ از ۱۴");
  await press(mother, "مادرش هستم", "نام کامل او چیست؟");
  await answer(mother, "امیر حسن‌زاده", "مرحلهٔ ۳ از ۱۴");
  await press(mother, "⏭ رد شدن", "مرد است یا زن");
  await press(mother, "مرد", "در چه سالی به دنیا آمده است؟");
  await answer(mother, "۱۳۴۵", "در چه سالی رفت");
  await answer(mother, "۱۳۶۰", "از کجا رفت");
  await press(mother, "⏭ رد شدن", "فکر می‌کنید اکنون کجاست؟");
  await press(mother, "نمی‌دانم", "اگر عکسی از او دارید");
  await press(mother, "⏭ رد شدن", "چیز دیگری هست");
  await press(mother, "⏭ رد شدن", "در کدام استان زندگی می‌کنید؟");
  await press(mother, "اردبیل", "در کدام شهر یا روستا؟");
  await press(mother, "⏭ رد شدن", "آخرین بار در چه سالی");
  await press(mother, "⏭ رد شدن", "آن آخرین ارتباط چگونه بود؟");
  await press(mother, "نامه", "دوست دارید انجمن چگونه");
  await press(mother, "همین‌جا در تلگرام", "لطفاً پاسخ‌هایتان را بررسی کنید");
  await press(mother, "✅ ذخیره", "ثبت شما ذخیره شد");
}

describe("a copy of the database does not list Telegram accounts", () => {
  it("after a family registers and signs, a volunteer is invited and sends news, no Telegram id or profile name is stored", async () => {
    const admin = bot.emulator.createUser({ id: ADMIN_ID, languageCode: "en", ...PROFILE.admin });
    const family = bot.emulator.createUser({ id: FAMILY_ID, languageCode: "fa", ...PROFILE.family });
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en", ...PROFILE.volunteer });

    // A petition is open (its author is the admin).
    const petitionRef = await openPetition(bot.app.services.petitions, { userId: ADMIN_ID });

    // The mother registers her son and signs the petition with her name.
    await registerInPersian(family);
    family.sendCommand("start", `p_${petitionRef}`);
    const card = await family.waitForText("بگذارید به خانه زنگ بزنند");
    await press(family, "✍️ امضا می‌کنم", "نام شما در فهرست", { messageId: card.messageId });
    await press(family, "✍️ با نام خودم", "لطفاً نامتان را");
    await answer(family, "زهرا حسن‌زاده", "در کدام استان زندگی می‌کنید؟");
    await press(family, "اردبیل", "آیا یکی از عزیزانتان در اردوگاه است؟");
    await press(family, "مادرش هستم", "لطفاً پیش از امضای");
    await press(family, "✅ امضا", "امضای شما شمرده شد");

    // The admin invites a volunteer for Ardabil; the volunteer accepts.
    admin.sendCommand("start");
    await admin.waitForText("Choose from the menu below.");
    admin.pressReplyButton("➕ Invite");
    await admin.waitForText("Which role should the invitation grant?");
    await press(admin, "Volunteer", "Choose the provinces");
    admin.pressButton("Ardabil");
    await waitUntil(() => admin.lastBotMessage()?.inlineKeyboard?.flat().some((b) => b.text === "✅ Ardabil") === true);
    admin.pressButton(/Done$/);
    const invite = await admin.waitForText("It works once and expires in");
    const code = /start=inv_([A-Za-z0-9_-]+)/.exec(plain(invite.text))?.[1];
    expect(code).toBeDefined();
    volunteer.sendCommand("start", `inv_${code}`);
    await volunteer.waitForText("You are now a volunteer for: Ardabil");

    // The volunteer sends news to the families of Ardabil; the mother receives it.
    volunteer.sendCommand("broadcast");
    await volunteer.waitForText("Who should receive this message?");
    await press(volunteer, "👪 Families", "Send the message in Persian");
    await answer(volunteer, "نشست آنلاین خانواده‌ها، جمعه", "Send the English version");
    await press(volunteer, "⏭ Skip", "Send the Albanian version");
    await press(volunteer, "⏭ Skip", "This message will go to 1 people.");
    await press(volunteer, "📤 Send now", /Finished: 1 sent, 0 failed/, { timeoutMs: 15_000 });
    await family.waitForText("نشست آنلاین خانواده‌ها", { timeoutMs: 10_000 });

    // She starts registering another relative and leaves it half way: her conversation is stored.
    family.sendCommand("register");
    await family.waitForText("پیش از شروع، لطفاً این را بخوانید.");
    await press(family, "✅ موافقم، ادامه", "مرحلهٔ ۱ از ۱۴");
    await press(family, "خواهرش هستم", "نام کامل او چیست؟");

    // Open, her conversation's replay log holds her answers, and of her Telegram profile only the id and language.
    // (Stored right after the answer was sent: read until her press is in it.)
    let openText = "";
    await waitUntil(async () => (openText = JSON.stringify(await bot.app.conversations.read(`conv:${refOf(FAMILY_ID)}`))).includes("rgc:relation:sister"), 5_000, "her answer stored");
    for (const value of Object.values(PROFILE.family)) expect(openText.includes(value), `her open conversation holds ${value}`).toBe(false);

    const dump = await rawDump();
    // The story did write about these people: under their pseudonyms.
    expect(dump.users).toContain(refOf(FAMILY_ID));
    expect(dump.users).toContain(refOf(VOLUNTEER_ID));
    expect(dump.case_links).toContain(refOf(FAMILY_ID));
    expect(dump.petition_signatures).toContain(refOf(FAMILY_ID));
    expect(dump.invites).toContain(refOf(VOLUNTEER_ID));
    expect(dump.delivery_jobs).toContain(refOf(VOLUNTEER_ID));
    expect(dump.deliveries).toContain(refOf(FAMILY_ID));
    expect(dump.audit_events).toContain(refOf(ADMIN_ID));
    expect(await bot.app.connection.db!.collection(CONVERSATIONS_COLLECTION).countDocuments()).toBeGreaterThan(0);
    for (const [collection, text] of Object.entries(dump)) {
      for (const id of [ADMIN_ID, FAMILY_ID, VOLUNTEER_ID]) {
        expect(text.includes(String(id)), `${collection} holds Telegram id ${id}`).toBe(false);
      }
      for (const profile of Object.values(PROFILE)) {
        for (const value of Object.values(profile)) expect(text.includes(value), `${collection} holds the profile name ${value}`).toBe(false);
      }
    }
  });
});
