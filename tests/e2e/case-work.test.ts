import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor } from "../../src/domain/roles.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";

const COORDINATOR_ID = 910001;
const VOLUNTEER_ID = 910002;
let bot: TestBot;

const draft = (fullName: string, province: string, birthYear: number) => sampleRegistration({ fullName, familyProvince: province, birthYear });

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
  // The volunteer serves Ardabil only.
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: COORDINATOR_ID });
});
afterAll(() => bot?.stop());

async function register(user: EmulatedUser, locale: string, value: CompleteRegistration) {
  user.sendCommand("start"); // the chat must be started for the bot to write to it
  await user.waitForReply();
  return bot.app.services.cases.register({ userId: user.id, locale, draft: value, consentAt: new Date() });
}

describe("volunteers and coordinators work on cases", () => {
  it("a status change reaches every linked family exactly once, in their own language, without the internal note", async () => {
    const persianMother = bot.emulator.createUser({ languageCode: "fa" });
    const englishSister = bot.emulator.createUser({ languageCode: "en" });
    const first = await register(persianMother, "fa", draft("بهروز نیک‌نام", "ardabil", 1964));
    const second = await register(englishSister, "en", draft("Behrooz Niknam", "ardabil", 1964));
    expect(second.possibleDuplicate).toBe(true);

    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("case", second.reference);
    const card = await coordinator.waitForText("Possibly the same person as");
    expect(plain(card.text)).toContain(first.reference);
    await press(coordinator, `🔗 Same person as ${first.reference}`, "now follow the other case");

    coordinator.sendCommand("case", first.reference);
    await coordinator.waitForText("Families following this case: 2");
    await press(coordinator, "➡️ Being reviewed", "Write a short note for the family");
    await answer(coordinator, "We have received your registration and are checking it.", "Write an internal note");
    await answer(coordinator, "Called the Ardabil office; details match.", `Change case ${first.reference} to "Being reviewed"?`);
    await press(coordinator, "✅ Change the status", 'The status is now "Being reviewed". Families told: 2.');

    const persianNews = await persianMother.waitForText("در حال بررسی", { timeoutMs: 10_000 });
    expect(plain(persianNews.text)).toContain("We have received your registration");
    const englishNews = await englishSister.waitForText("Being reviewed", { timeoutMs: 10_000 });
    expect(plain(englishNews.text)).toContain(`News about بهروز نیک‌نام (case ${first.reference}): Being reviewed`);
    // Longer than one tick of the delivery worker: a second copy would have gone out by then.
    await bot.emulator.waitForQuiet({ quietMs: 1_200 });
    for (const family of [persianMother, englishSister]) {
      const news = family.botMessages().filter((m) => /در حال بررسی|Being reviewed/.test(plain(m.text)));
      expect(news).toHaveLength(1);
      expect(plain(news[0]!.text)).not.toContain("Ardabil office");
    }

    // The family sees the step in its timeline.
    englishSister.sendCommand("status");
    const status = await englishSister.waitForText("Being reviewed");
    expect(plain(status.text)).toContain("We have received your registration");
  });

  it("a volunteer works only on cases of their provinces, and only along allowed moves", async () => {
    const tehranFamily = bot.emulator.createUser({ languageCode: "fa" });
    const ardabilFamily = bot.emulator.createUser({ languageCode: "fa" });
    const tehran = await register(tehranFamily, "fa", draft("سیاوش پاکزاد", "tehran", 1970));
    const ardabil = await register(ardabilFamily, "fa", draft("کامران شیرازی", "ardabil", 1958));

    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    volunteer.sendCommand("case", tehran.reference);
    await volunteer.waitForText("This case belongs to a province you do not work for.");
    volunteer.sendCommand("case", ardabil.reference);
    const card = await volunteer.waitForText("Families following this case: 1");
    const moves = card.inlineKeyboard?.flat().map((b) => b.text) ?? [];
    expect(moves).toEqual(["➡️ Being reviewed"]); // closing is for coordinators
    // A forged "close" button is refused by the server.
    const caseId = (await bot.app.models.cases.findOne({ reference: ardabil.reference }).lean())!._id.toHexString();
    const volunteerActor = buildActor({ userId: VOLUNTEER_ID, grants: [{ role: "volunteer", provinces: ["ardabil"] }], isAdmin: false });
    const refused = await bot.app.services.cases.changeStatus(volunteerActor, caseId, { to: "closed", reason: "other" });
    expect(refused).toEqual({ ok: false, error: "not_allowed" });

    // A family member cannot open cases at all.
    tehranFamily.sendCommand("case", ardabil.reference);
    await tehranFamily.waitForText("اجازهٔ این کار را ندارید");
  });

  it("a coordinator can also decide two similar registrations are different people", async () => {
    const one = bot.emulator.createUser({ languageCode: "en" });
    const two = bot.emulator.createUser({ languageCode: "en" });
    await register(one, "en", draft("Omid Rahimi", "fars", 1971));
    const second = await register(two, "en", draft("Omid Rahimi", "fars", 1971));
    expect(second.possibleDuplicate).toBe(true);
    const coordinator = bot.emulator.user(COORDINATOR_ID) ?? bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("case", second.reference);
    await coordinator.waitForText("Possibly the same person as");
    await press(coordinator, "✖️ Not the same person", "Noted: not the same person.");
    const stored = await bot.app.models.cases.findOne({ reference: second.reference }).lean();
    expect(stored?.duplicateReview).toBe("rejected");
    coordinator.sendCommand("case", second.reference);
    const card = await coordinator.waitForText("Families following this case: 1");
    expect(plain(card.text)).not.toContain("Possibly the same person");
  });

  it("a save whose duplicate search a crash cut short is flagged by the scheduled sweep, and the coordinator then sees it", async () => {
    const one = bot.emulator.createUser({ languageCode: "en" });
    const two = bot.emulator.createUser({ languageCode: "en" });
    const first = await register(one, "en", draft("Parviz Golestani", "kerman", 1958));
    // Saved, answered, and the process died before its background search ran.
    two.sendCommand("start");
    await two.waitForReply();
    const cut = await bot.app.services.cases.register({ userId: two.id, locale: "en", draft: draft("Parviz Golestani", "kerman", 1958), consentAt: new Date(), duplicateSearch: "later" });
    await bot.app.models.cases.updateOne({ reference: cut.reference }, { $set: { createdAt: new Date(Date.now() - 5 * 60_000) } });
    const coordinator = bot.emulator.user(COORDINATOR_ID) ?? bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("case", cut.reference);
    const before = await coordinator.waitForText("Families following this case: 1");
    expect(plain(before.text)).not.toContain("Possibly the same person");

    expect(await bot.app.scheduler.runNow("check-unchecked-duplicates")).toBe(true);
    coordinator.sendCommand("case", cut.reference);
    const card = await coordinator.waitForText("Possibly the same person as");
    expect(plain(card.text)).toContain(first.reference);
  });

  it("the list of believed locations is data that coordinators keep", async () => {
    const coordinator = bot.emulator.user(COORDINATOR_ID) ?? bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("locations");
    await coordinator.waitForText("Places where relatives are believed to be:");
    await press(coordinator, "➕ Add a place", "Name of the place in Persian:");
    await answer(coordinator, "اردوگاهی در آلبانی", "Name of the place in English:");
    await answer(coordinator, "A camp in Albania", "Name of the place in Albanian:");
    await press(coordinator, "⏭ Skip", "Added: اردوگاهی در آلبانی");
    const locations = await bot.app.services.locations.listActive();
    expect(locations.map((l) => l.names.en)).toContain("A camp in Albania");
  });
});
