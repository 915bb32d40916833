import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { sampleRegistration } from "../support/fixtures.js";
import { openPetition } from "../support/petitions.js";
import { seedVolunteer } from "../support/team.js";

const COORDINATOR_ID = 930001;
const VOLUNTEER_ID = 930002;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
  // Three families register: two in Ardabil, one in Tehran.
  await register("fa", sampleRegistration({ fullName: "بهروز نیک‌نام", familyProvince: "ardabil", birthYear: 1964 }));
  await register("fa", sampleRegistration({ fullName: "کامران شیرازی", familyProvince: "ardabil", birthYear: 1958 }));
  await register("en", sampleRegistration({ fullName: "Siavash Pakzad", familyProvince: "tehran", birthYear: 1970 }));
});
afterAll(() => bot?.stop());

async function register(locale: string, draft: CompleteRegistration) {
  const family = bot.emulator.createUser({ languageCode: locale });
  family.sendCommand("start");
  await family.waitForReply();
  return bot.app.services.cases.register({ userId: family.id, locale, draft, consentAt: new Date() });
}

/** The text and the pictures that answer one /stats. */
async function askForStats(user: EmulatedUser, pictures: number) {
  user.sendCommand("stats");
  const replies = await user.waitForReplies({ count: 1 + pictures, timeoutMs: 20_000 });
  const photos = replies.filter((m) => m.photo !== undefined).map((m) => bot.emulator.fileContent(m.photo!));
  return { text: plain(replies[0]!.text ?? ""), photos };
}

describe("/stats shows the numbers as text and pictures", () => {
  it("a coordinator reading Persian gets the whole picture: counts in Persian digits and three PNG charts", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "fa" });
    const { text, photos } = await askForStats(coordinator, 3);
    expect(text).toContain("همهٔ استان‌ها");
    expect(text).toContain("پرونده‌ها: ۳");
    expect(text).toContain("اردبیل: ۲");
    expect(text).toContain("تهران: ۱");
    expect(text).toContain("ثبت شده: ۳");
    // When the figures were counted, in the reader's calendar and digits.
    expect(text).toMatch(/این آمار مربوط به .*۱۴۰۵.*ساعت [۰-۹]{2}:[۰-۹]{2} است/);
    expect(photos).toHaveLength(3);
    for (const png of photos) {
      expect(png).toBeDefined();
      expect(png!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png!.length).toBeGreaterThan(5_000);
      expect(png!.length).toBeLessThan(500_000);
    }
    // Only counts are audited: who looked, and at what scope.
    const audited = await bot.app.models.auditEvents.find({ action: "stats.view" }).lean();
    expect(audited.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audited)).not.toContain("نیک‌نام");
  });

  it("a volunteer of Ardabil sees the numbers of Ardabil only", async () => {
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    const { text, photos } = await askForStats(volunteer, 3);
    expect(text).toContain("Statistics — Ardabil");
    expect(text).toContain("Cases: 2");
    expect(text).toContain("Ardabil: 2");
    expect(text).not.toContain("Tehran");
    expect(photos.every((png) => png?.subarray(0, 8).equals(PNG_SIGNATURE))).toBe(true);
  });

  it("after two mothers in Ardabil and one in Tehran sign a petition, the signatures come per province and as a fourth picture", async () => {
    const ref = await openPetition(bot.app.services.petitions, { userId: COORDINATOR_ID });
    for (const province of ["ardabil", "ardabil", "tehran"]) {
      const mother = bot.emulator.createUser({ languageCode: "fa" });
      mother.sendCommand("start");
      await mother.waitForReply();
      const signed = await bot.app.services.petitions.sign({ userId: mother.id, ref, seenVersion: 1, nameDisplay: "anonymous", province, notify: false, locale: "fa" });
      expect(signed.ok).toBe(true);
    }
    // The figures are those the job counted last; it runs every few minutes.
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    const stale = await askForStats(coordinator, 3);
    expect(stale.text).not.toContain("امضای طومارها: ۳");
    expect(await bot.app.scheduler.runNow("refresh-statistics")).toBe(true);
    const { text, photos } = await askForStats(coordinator, 4);
    expect(text).toContain("امضای طومارها: ۳ (در ۳۰ روز گذشته: ۳)");
    expect(text).toContain("امضاها در هر استان:");
    expect(photos).toHaveLength(4);
    expect(photos.every((png) => png?.subarray(0, 8).equals(PNG_SIGNATURE))).toBe(true);

    const volunteer = bot.emulator.user(VOLUNTEER_ID)!;
    const forVolunteer = await askForStats(volunteer, 4);
    expect(forVolunteer.text).toContain("Petition signatures: 2 (last 30 days: 2)");
    expect(forVolunteer.text).not.toContain("Tehran");
  });

  it("a family member is refused and gets no numbers", async () => {
    const family = bot.emulator.createUser({ languageCode: "fa" });
    family.sendCommand("stats");
    await family.waitForText("اجازهٔ این کار را ندارید");
    await bot.emulator.waitForQuiet({ quietMs: 500 });
    expect(family.botMessages().filter((m) => m.photo !== undefined)).toHaveLength(0);
    expect(family.botMessages().some((m) => /پرونده‌ها:/.test(plain(m.text ?? "")))).toBe(false);
  });
});
