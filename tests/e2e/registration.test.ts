import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { answerEveryQuestion, startRegistration } from "../support/registrationSteps.js";
import { refOf } from "../support/userRefs.js";
import { waitFor } from "../support/waitUntil.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [900001] });
  const admin = buildActor({ userId: 900001, grants: [], isAdmin: true });
  await bot.app.services.locations.add(admin, { fa: "اردوگاهی در آلبانی", en: "A camp in Albania", sq: "Një kamp në Shqipëri" });
});
afterAll(() => bot?.stop());


describe("a family registers a missing relative", () => {
  it("a mother in Ardabil registers her son in Persian, with Persian digits and a Solar Hijri year, and sees it back in her calendar", async () => {
    const mother = bot.emulator.createUser({ firstName: "Zahra", languageCode: "fa" });
    mother.sendCommand("start");
    await mother.waitForText("سلام");
    mother.pressReplyButton("📝 ثبت عزیز گمشده");
    const consent = await mother.waitForText("پیش از شروع، لطفاً این را بخوانید.");
    expect(plain(consent.text)).toContain("/mycases");
    await press(mother, "✅ موافقم، ادامه", "مرحلهٔ ۱ از ۱۴");
    await press(mother, "مادرش هستم", "نام کامل او چیست؟");
    await answer(mother, "امیر حسن‌زاده", "مرحلهٔ ۳ از ۱۴");
    await answer(mother, "Amir Hasanzadeh", "مرد است یا زن");
    await press(mother, "مرد", "در چه سالی به دنیا آمده است؟");
    await answer(mother, "۱۳۴۵", "در چه سالی رفت");
    // "۶۰" could be 1360 or 1960; born in 1345 (1966), only 1360 is possible, so nothing is asked.
    await answer(mother, "۶۰", "از کجا رفت");
    await answer(mother, "تهران", "فکر می‌کنید اکنون کجاست؟");
    await press(mother, "اردوگاهی در آلبانی", "اگر عکسی از او دارید");
    mother.sendPhoto();
    await mother.waitForText("چیز دیگری هست");
    await press(mother, "⏭ رد شدن", "در کدام استان زندگی می‌کنید؟");
    await press(mother, "اردبیل", "در کدام شهر یا روستا؟");
    await answer(mother, "مشگین‌شهر", "آخرین بار در چه سالی");
    await answer(mother, "۱۳۶۲", "آن آخرین ارتباط چگونه بود؟");
    await press(mother, "نامه", "دوست دارید انجمن چگونه");
    mother.pressButton("همین‌جا در تلگرام");
    const summary = plain((await mother.waitForText("لطفاً پاسخ‌هایتان را بررسی کنید")).text);
    expect(summary).toContain("نام: امیر حسن‌زاده");
    expect(summary).toContain("سال تولد: ۱۳۴۵");
    expect(summary).toContain("سال رفتن یا آخرین دیدار: ۱۳۶۰");
    expect(summary).toContain("آخرین ارتباط (سال): ۱۳۶۲");
    expect(summary).toContain("استان شما: اردبیل");
    expect(summary).toContain("عکس: 📷 عکس پیوست شده");
    mother.pressButton("✅ ذخیره");
    const saved = plain((await mother.waitForText("ثبت شما ذخیره شد")).text);
    const reference = /شمارهٔ پرونده: ([۰-۹]{4}-[۰-۹]{4}-[۰-۹])/.exec(saved);
    expect(reference).not.toBeNull();

    const stored = await bot.app.models.cases.findOne({ registeredBy: refOf(mother.id) }).lean();
    expect(stored?.province).toBe("ardabil");
    expect(stored?.relative.birthYear).toBe(1966);
    expect(stored?.relative.leftYear).toBe(1981);
    // Names and places are encrypted at rest.
    expect(JSON.stringify(stored)).not.toContain("حسن");
    expect(JSON.stringify(stored)).not.toContain("تهران");
    const link = await bot.app.models.caseLinks.findOne({ userId: refOf(mother.id) }).lean();
    expect(link?.relation).toBe("mother");
    expect(link?.lastContactYear).toBe(1983);
    expect(JSON.stringify(link)).not.toContain("مشگین");
  });

  it("every bad answer gets a specific message and the same question again; earlier answers are kept", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await answer(user, "my brother", "Please choose one of the buttons.");
    await user.waitForText("Who are you to the person you are looking for?");
    await press(user, "I am the brother", "What is their full name?");
    await answer(user, "12345", "A name needs letters.");
    await answer(user, "N".repeat(81), "This name is too long.");
    user.sendSticker();
    await user.waitForText("Please write your answer as a message.");
    await answer(user, "  Dariush   Farahani ", "Other spellings");
    await answer(user, "x".repeat(201), "at most 200 characters");
    await answer(user, "Daryoush Farahani", "a man or a woman");
    await press(user, "Man", "In which year were they born?");
    await answer(user, "sometime", "Please write the year in digits");
    await answer(user, "2090", "This year does not look right.");
    await answer(user, "1970", "In which year did they leave");
    await answer(user, "1965", "This year is before the year of birth.");
    // Both readings of a two-digit year are possible: the bot asks which one.
    await answer(user, "88", "Did you mean");
    await press(user, /^1388 \(Solar Hijri\)$/, "From where did they leave");
    await press(user, "⏭ Skip", "Where do you believe they are now?");
    await press(user, "Somewhere else", "Please write where you believe they are.");
    await answer(user, "Durrës", "If you have a photo");
    await answer(user, "here is no photo", "Please send a photo, or press Skip.");
    await press(user, "⏭ Skip", "anything else");
    await press(user, "⏭ Skip", "In which province");
    await press(user, "🌍 Outside Iran", "In which country do you live?");
    await answer(user, "Germany", "last have any contact");
    await answer(user, "1366", "How was that last contact?");
    await press(user, "A phone call", "How would you like");
    await press(user, "By phone call", "Please share your phone number");
    await answer(user, "call me", "This does not look like a phone number.");
    user.sendContact({ phoneNumber: "+49 151 2345 6789" });
    const summary = plain((await user.waitForText("Please check your answers.")).text);
    expect(summary).toContain("Name: Dariush Farahani");
    expect(summary).toContain("Other names: Daryoush Farahani");
    expect(summary).toContain("Year of birth: 1970");
    expect(summary).toContain("Year left or last seen: 2009");
    expect(summary).toContain("Where exactly: Durrës");
    expect(summary).toContain("Your country: Germany");
    expect(summary).toContain("Last contact (year): 1987");
    expect(summary).toContain("Phone: +4915123456789");
    expect(summary).not.toContain("Your city");
  });

  it("Back, Skip and Cancel: Cancel asks first, and a discarded registration stores nothing", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await press(user, "I am the father", "What is their full name?");
    await answer(user, "Kaveh Rostami", "Other spellings");
    await press(user, "◀️ Back", "What is their full name?");
    await answer(user, "Kaveh Rostamian", "Other spellings");
    await press(user, "⏭ Skip", "a man or a woman");
    await press(user, "✖️ Cancel", "Do you want to stop?");
    await press(user, "No, continue", "a man or a woman");
    await press(user, "✖️ Cancel", "Do you want to stop?");
    await press(user, "Yes, stop and discard", "Registration stopped. Nothing was saved.");
    expect(await bot.app.models.cases.countDocuments({ registeredBy: refOf(user.id) })).toBe(0);
    user.sendCommand("mycases");
    await user.waitForText("You have not registered anyone yet.");
  });

  it("declining consent stores nothing", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("register");
    await user.waitForText("Before we start");
    await press(user, "✖️ No, thank you", "Nothing was stored.");
    expect(await bot.app.models.cases.countDocuments({ registeredBy: refOf(user.id) })).toBe(0);
  });

  it("a restart in the middle of a registration loses nothing: /start offers to continue", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await press(user, "I am the sister", "What is their full name?");
    await answer(user, "Nasrin Ahmadi", "Other spellings");
    await bot.restart();
    user.sendCommand("start");
    await user.waitForText("You have a registration that is not finished.");
    await press(user, "▶️ Continue", "Other spellings");
    await press(user, "⏭ Skip", "a man or a woman");
    await press(user, "Woman", "In which year were they born?");
    await answer(user, "1968", "In which year did they leave");
    await press(user, "⏭ Skip", "From where did they leave");
    await press(user, "⏭ Skip", "Where do you believe");
    await press(user, "I do not know", "If you have a photo");
    await press(user, "⏭ Skip", "anything else");
    await press(user, "⏭ Skip", "In which province");
    await press(user, "Tehran", "In which city");
    await press(user, "⏭ Skip", "last have any contact");
    await press(user, "⏭ Skip", "How was that last contact?");
    await press(user, "No contact at all", "How would you like");
    await press(user, "Here in Telegram", "Please check your answers.");
    expect(plain(user.lastBotMessage()?.text)).toContain("Name: Nasrin Ahmadi");
    await press(user, "✅ Save", "Your registration is saved.");
  });
});

describe("hostile or strange input", () => {
  it("never crashes the flow or reaches the database as a query", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await press(user, "I am the mother", "What is their full name?");
    for (const text of ['{"$gt": ""}', "\u0000\u202e", "a".repeat(4096), "<b>bold</b> & <i>", "💔💔💔"]) {
      await answer(user, text, /Other spellings|A name needs letters|This name is too long|Please write the name/);
      if (plain(user.lastBotMessage()?.text).includes("Other spellings")) {
        await press(user, "◀️ Back", "What is their full name?");
      }
    }
    await answer(user, '{"$gt": ""} Karimi', "Other spellings");
    const stored = await bot.app.models.cases.countDocuments({ registeredBy: refOf(user.id) });
    expect(stored).toBe(0); // nothing saved before the summary
  });
});

describe("after registering", () => {
  it("a family can register several relatives and sees them all", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await answerEveryQuestion(user, "Bijan Mousavi");
    await press(user, "✅ Save", "Your registration is saved.");
    user.sendCommand("register");
    await user.waitForText("Before we start");
    await press(user, "✅ I agree, continue", "Who are you to the person");
    await answerEveryQuestion(user, "Mojgan Mousavi");
    await press(user, "✅ Save", "Your registration is saved.");
    user.sendCommand("mycases");
    const list = await user.waitForText("Your registrations (2)");
    expect(list.inlineKeyboard?.flat().map((b) => b.text.split(" · ")[0])).toEqual(["Bijan Mousavi", "Mojgan Mousavi"]);
  });

  it("a family sees, edits through the same validated steps, and withdraws its registration", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(user);
    await answerEveryQuestion(user, "Parviz Sadeghi");
    await press(user, "✅ Save", "Your registration is saved.");

    user.sendCommand("mycases");
    await user.waitForText("Your registrations (1)");
    await press(user, /^Parviz Sadeghi · \d{4}-\d{4}-\d$/, "Case");
    const view = plain(user.lastBotMessage()?.text);
    expect(view).toContain("Registered");
    expect(view).toContain("Year of birth: 1962");

    await press(user, "✏️ Change", "Please check your answers.");
    await press(user, "✏️ Year of birth", "In which year were they born?");
    await answer(user, "1890", "This year does not look right.");
    await answer(user, "1341", "Please check your answers.");
    expect(plain(user.lastBotMessage()?.text)).toContain("Year of birth: 1962");
    await press(user, "✅ Save the changes", "Your changes are saved.");
    const stored = await bot.app.models.cases.findOne({ registeredBy: refOf(user.id) }).lean();
    expect(stored?.relative.birthYear).toBe(1962);

    user.sendCommand("mycases");
    await user.waitForText("Your registrations (1)");
    await press(user, /^Parviz Sadeghi/, "Case");
    await press(user, "🗑 Withdraw and delete", "Withdraw the registration of");
    await press(user, "Yes, withdraw and delete", "was withdrawn and what you told us was deleted.");
    // Nobody else followed the case: it is gone with its timeline, and so is the family's link.
    expect(await bot.app.models.cases.countDocuments({ _id: stored!._id })).toBe(0);
    expect(await bot.app.models.caseEvents.countDocuments({ caseId: stored!._id })).toBe(0);
    expect(await bot.app.models.caseLinks.countDocuments({ userId: refOf(user.id) })).toBe(0);
    user.sendCommand("mycases");
    await user.waitForText("You have not registered anyone yet.");
  });

  it("a second family registering the same person in Latin letters is flagged as a possible duplicate, and sees nothing of the first family", async () => {
    const first = bot.emulator.createUser({ languageCode: "fa" });
    first.sendCommand("register");
    await first.waitForText("پیش از شروع");
    await press(first, "✅ موافقم، ادامه", "مرحلهٔ ۱");
    await press(first, "برادرش هستم", "نام کامل او چیست؟");
    await answer(first, "محمد قاسمی", "املای دیگر");
    await press(first, "⏭ رد شدن", "مرد است یا زن");
    await press(first, "مرد", "در چه سالی به دنیا آمده است؟");
    await answer(first, "۱۳۴۸", "در چه سالی رفت");
    await press(first, "⏭ رد شدن", "از کجا رفت");
    await press(first, "⏭ رد شدن", "فکر می‌کنید اکنون کجاست؟");
    await press(first, "نمی‌دانم", "اگر عکسی");
    await press(first, "⏭ رد شدن", "چیز دیگری");
    await press(first, "⏭ رد شدن", "در کدام استان");
    await press(first, "گیلان", "در کدام شهر");
    await press(first, "⏭ رد شدن", "آخرین بار در چه سالی");
    await press(first, "⏭ رد شدن", "آن آخرین ارتباط");
    await press(first, "هیچ ارتباطی نبوده است", "دوست دارید انجمن");
    await press(first, "همین‌جا در تلگرام", "لطفاً پاسخ‌هایتان را بررسی کنید");
    await press(first, "✅ ذخیره", "ثبت شما ذخیره شد");

    const second = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(second);
    await press(second, "I am the sister", "What is their full name?");
    await answer(second, "Mohammad Ghasemi", "Other spellings");
    await press(second, "⏭ Skip", "a man or a woman");
    await press(second, "Man", "In which year were they born?");
    await answer(second, "1969", "In which year did they leave");
    await press(second, "⏭ Skip", "From where");
    await press(second, "⏭ Skip", "Where do you believe");
    await press(second, "I do not know", "If you have a photo");
    await press(second, "⏭ Skip", "anything else");
    await press(second, "⏭ Skip", "In which province");
    await press(second, "Gilan", "In which city");
    await press(second, "⏭ Skip", "last have any contact");
    await press(second, "⏭ Skip", "How was that");
    await press(second, "No contact at all", "How would you like");
    await press(second, "Here in Telegram", "Please check your answers.");
    await press(second, "✅ Save", "Your registration is saved.");
    const text = user2Texts(second);
    expect(text).not.toMatch(/قاسمی|another family|already registered/i);

    // The family's answer comes first; the search runs right after it.
    const firstCase = await bot.app.models.cases.findOne({ registeredBy: refOf(first.id) }).lean();
    const secondCase = await waitFor(
      () => bot.app.models.cases.findOne({ registeredBy: refOf(second.id) }).lean(),
      (found) => found?.duplicateReview !== "unchecked",
      5_000,
      "the second case's duplicate search",
    );
    expect(secondCase?.duplicateReview).toBe("pending");
    expect(secondCase?.possibleDuplicates.map((d) => d.reference)).toContain(firstCase?.reference);
  });
});

function user2Texts(user: EmulatedUser): string {
  return user.botMessages().map((m) => plain(m.text)).join("\n");
}
