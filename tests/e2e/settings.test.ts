import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { answerEveryQuestion, startRegistration } from "../support/registrationSteps.js";
import { refOf } from "../support/userRefs.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});

const storedUser = (telegramId: number) => bot.app.models.users.findById(refOf(telegramId)).lean().exec();

describe("/settings: language, time zone and reminders", () => {
  it("a Persian mother in Germany switches off case check-ins and sets her zone by choosing her country", async () => {
    const mother = bot.emulator.createUser({ firstName: "Parvin", languageCode: "fa" });
    mother.sendCommand("settings");
    const settings = await mother.waitForText("تنظیمات شما");
    // Iran (Tehran) until she says otherwise; every optional reminder is on.
    expect(plain(settings.text)).toContain("ساعت محلی: ایران (تهران)");
    expect(plain(settings.text)).toContain("🔔 خبر ماهانه دربارهٔ پروندهٔ شما");

    await press(mother, "🔕 خاموش کن: خبر ماهانه دربارهٔ پروندهٔ شما", "🔕 خبر ماهانه دربارهٔ پروندهٔ شما");
    const edited = await mother.waitForText("🔕 خبر ماهانه دربارهٔ پروندهٔ شما");
    expect(edited.edited).toBe(true);
    expect(edited.inlineKeyboard?.flat().map((b) => plain(b.text))).toContain("🔔 روشن کن: خبر ماهانه دربارهٔ پروندهٔ شما");

    await press(mother, "🕒 ساعت محلی", "در کدام کشور زندگی می‌کنید؟");
    await press(mother, "آلمان", "✅ ساعت محلی ثبت شد: آلمان");
    const shown = await mother.waitForText("تنظیمات شما");
    expect(plain(shown.text)).toContain("ساعت محلی: آلمان");
    expect(plain(shown.text)).toContain("🔕 خبر ماهانه دربارهٔ پروندهٔ شما");

    const row = await storedUser(mother.id);
    expect(row?.timeZone).toBe("Europe/Berlin");
    expect(row?.reminderOptOuts).toEqual(["case-checkin"]);
  });

  it("a family in the USA is asked which zone, and a brother types a zone name (an unknown one is refused with its own message)", async () => {
    const sister = bot.emulator.createUser({ firstName: "Nasrin", languageCode: "en" });
    sister.sendCommand("settings");
    await sister.waitForText("Your settings");
    await press(sister, "🕒 Time zone", "In which country do you live?");
    await press(sister, "USA", "USA has several time zones. Which city is nearest to you?");
    await press(sister, "Los Angeles, Seattle (Pacific)", "✅ Time zone set: USA — Los Angeles, Seattle (Pacific)");
    expect((await storedUser(sister.id))?.timeZone).toBe("America/Los_Angeles");

    const brother = bot.emulator.createUser({ firstName: "Karim", languageCode: "fa" });
    brother.sendCommand("settings");
    await brother.waitForText("تنظیمات شما");
    await press(brother, "🕒 ساعت محلی", "در کدام کشور زندگی می‌کنید؟");
    await press(brother, "⌨️ نوشتن نام منطقهٔ زمانی", "نام منطقهٔ زمانی خود را به انگلیسی بنویسید");
    await answer(brother, "Europe/Atlantis", "«Europe/Atlantis» منطقهٔ زمانی شناخته‌شده‌ای نیست");
    // The question comes again, and the unknown name was not stored.
    await brother.waitForText("نام منطقهٔ زمانی خود را به انگلیسی بنویسید");
    expect((await storedUser(brother.id))?.timeZone).toBeUndefined();
    await answer(brother, "europe/stockholm", "✅ ساعت محلی ثبت شد: سوئد");
    expect((await storedUser(brother.id))?.timeZone).toBe("Europe/Stockholm");
  });

  it("is in the main menu and in /help, and its language button opens the language picker", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    const menu = await user.waitForReply();
    expect(menu.replyKeyboard?.flat()).toContain("⚙️ Settings");
    user.sendCommand("help");
    expect(plain((await user.waitForReply()).text)).toContain("/settings");
    user.pressReplyButton("⚙️ Settings");
    await user.waitForText("Your settings");
    await press(user, "🌐 Language", "Choose your language:");
  });

  it("a family abroad is asked once, right after registering: Germany needs no question, Canada asks which city", async () => {
    /** A sister abroad registers her brother; the summary is on screen afterwards. */
    async function registerFromAbroad(user: ReturnType<typeof bot.emulator.createUser>, country: string): Promise<void> {
      await startRegistration(user);
      await answerEveryQuestion(user, "Reza Karimi", { abroad: country });
    }

    const inGermany = bot.emulator.createUser({ firstName: "Roya", languageCode: "en" });
    await registerFromAbroad(inGermany, "Deutschland");
    await press(inGermany, "✅ Save", "Our reminders will follow the clock in Germany");
    expect((await storedUser(inGermany.id))?.timeZone).toBe("Europe/Berlin");

    const inCanada = bot.emulator.createUser({ firstName: "Laleh", languageCode: "en" });
    await registerFromAbroad(inCanada, "Canada");
    await press(inCanada, "✅ Save", "Canada has several time zones. Which city is nearest to you?");
    expect((await storedUser(inCanada.id))?.timeZone).toBeUndefined();
    await press(inCanada, "Vancouver (Pacific)", "✅ Time zone set: Canada — Vancouver (Pacific)");
    expect((await storedUser(inCanada.id))?.timeZone).toBe("America/Vancouver");

    // Asked once: her second registration does not ask again.
    await registerFromAbroad(inCanada, "Canada");
    await press(inCanada, "✅ Save", "Your registration is saved.");
    await bot.emulator.waitForQuiet();
    const asked = bot.emulator.callsOf("sendMessage").filter((c) => c.params.chat_id === inCanada.id && plain(String(c.params.text)).includes("One more question"));
    expect(asked).toHaveLength(1);
  });
});
