import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";

// Issue #11: /stats is one press away in the main menu for those who may see the figures.
const COORDINATOR_ID = 952001;
const VOLUNTEER_ID = 952002;
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
  const family = bot.emulator.createUser({ languageCode: "fa" });
  family.sendCommand("start");
  await family.waitForReply();
  await bot.app.services.cases.register({ userId: family.id, locale: "fa", draft: sampleRegistration({ fullName: "بهروز نیک‌نام", familyProvince: "ardabil", birthYear: 1964 }), consentAt: new Date() });
});
afterAll(() => bot?.stop());

/** The person opens the bot and reads the main menu's buttons. */
async function menuOf(user: EmulatedUser): Promise<string[]> {
  user.sendCommand("start");
  const menu = await user.waitForText(/Choose from the menu below\.|از منوی زیر انتخاب کنید\./);
  return (menu.replyKeyboard ?? []).flat();
}

describe("📊 in the main menu answers as /stats does", () => {
  it("a volunteer of Ardabil finds 📊 Statistics in her menu and gets her province's figures and charts", async () => {
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    expect(await menuOf(volunteer)).toContain("📊 Statistics");
    volunteer.pressReplyButton("📊 Statistics");
    const replies = await volunteer.waitForReplies({ count: 4, timeoutMs: 20_000 });
    expect(plain(replies[0]!.text)).toContain("Statistics — Ardabil");
    expect(replies.slice(1).every((m) => m.photo !== undefined)).toBe(true);
  });

  it("a coordinator reading Persian presses «📊 آمار و نمودارها» and sees every province", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "fa" });
    expect(await menuOf(coordinator)).toContain("📊 آمار و نمودارها");
    coordinator.pressReplyButton("📊 آمار و نمودارها");
    expect(plain((await coordinator.waitForText("آمار — همهٔ استان‌ها")).text)).toContain("پرونده‌ها: ۱");
  });

  it("a family member has no such button, and typing its label anyway is refused with no figures", async () => {
    const family = bot.emulator.createUser({ languageCode: "en" });
    expect(await menuOf(family)).not.toContain("📊 Statistics");
    family.sendText("📊 Statistics");
    await family.waitForText("Sorry, you are not allowed to do that.");
    await bot.emulator.waitForQuiet({ quietMs: 500 });
    expect(family.botMessages().some((m) => m.photo !== undefined || /Cases:/.test(plain(m.text ?? "")))).toBe(false);
  });
});
