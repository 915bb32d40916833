import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompleteRegistration } from "../../src/domain/registration/draft.js";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { CASE_EXPORT_COLUMNS } from "../../src/services/cases/caseSearch.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { seedVolunteer } from "../support/team.js";
import { refOf } from "../support/userRefs.js";

const ADMIN_ID = 930001;
const COORDINATOR_ID = 930002;
const VOLUNTEER_ID = 930003;
const KAZEMI_PHONE = "+989121234567";
/** Invented given names: 23 relatives registered by families of Ardabil, three pages of results. */
const GIVEN = ["بهرام", "کامران", "فرهاد", "سیروس", "داریوش", "هوشنگ", "منوچهر", "فریدون", "جمشید", "کیومرث", "شاهرخ", "بیژن"];
const ARDABIL_CASES = 23;

let bot: TestBot;
let kazemiReference: string;
let tehranOtherReference: string;
const ardabilReferences: string[] = [];

async function register(value: CompleteRegistration, locale = "fa") {
  const family = bot.emulator.createUser({ languageCode: locale });
  family.sendCommand("start"); // the chat must be started for the bot to write to it
  await family.waitForReply();
  return bot.app.services.cases.register({ userId: family.id, locale, draft: value, consentAt: new Date() });
}

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID] });
  const invite = await bot.app.services.team.createInvite({ userId: ADMIN_ID }, "coordinator", []);
  if (!invite.ok) throw new Error(invite.error);
  const accepted = await bot.app.services.team.acceptInvite(COORDINATOR_ID, invite.value.code);
  if (!accepted.ok) throw new Error(accepted.error);
  await seedVolunteer(bot.app.services, { userId: VOLUNTEER_ID, provinces: ["ardabil"], invitedBy: ADMIN_ID });

  // A mother in Tehran who asked to be called, with her city.
  const kazemi = await register(
    sampleRegistration({ fullName: "علی‌رضا کاظمی", familyProvince: "tehran", familyCity: "شهر ری", birthYear: 1962, contactPreference: "phone", phone: KAZEMI_PHONE }),
  );
  kazemiReference = kazemi.reference;
  tehranOtherReference = (await register(sampleRegistration({ fullName: "پرویز تهرانی‌نژاد", familyProvince: "tehran", birthYear: 1955 }))).reference;
  for (let i = 0; i < ARDABIL_CASES; i++) {
    const name = `${GIVEN[i % GIVEN.length]} ${i < GIVEN.length ? "اردبیلی" : "سبلانی"}`;
    ardabilReferences.push((await register(sampleRegistration({ fullName: name, familyProvince: "ardabil", birthYear: 1950 + i }))).reference);
  }
}, 120_000);
afterAll(() => bot?.stop());

const resultsText = (user: EmulatedUser) => plain(user.botMessages().at(-1)?.text);

describe("a coordinator searches the registrations", () => {
  it("finds «علی‌رضا کاظمی», «عليرضا كاظمي» and “Alireza Kazemi” as the same case, and opens its card with the family's phone", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    // The whole name in three spellings, and the family name alone.
    for (const typed of ["علی‌رضا کاظمی", "عليرضا كاظمي", "Alireza Kazemi", "Kazemi"]) {
      coordinator.sendCommand("find", typed);
      const results = await coordinator.waitForText("Found: 1");
      expect(plain(results.text)).toContain(kazemiReference);
      expect(plain(results.text)).toContain("علی‌رضا کاظمی");
    }
    await press(coordinator, new RegExp(`^📂 ${kazemiReference}`), "Families following this case: 1");
    const card = resultsText(coordinator);
    expect(card).toContain("Mother · Tehran, شهر ری · phone +989121234567");

    // Each search is audited with the kind of filter and the count, never the name typed.
    const searches = await bot.app.models.auditEvents.find({ action: "case.search", actorId: refOf(COORDINATOR_ID) }).lean().exec();
    expect(searches).toHaveLength(4);
    expect(JSON.stringify(searches)).not.toMatch(/Kazemi|کاظمی|كاظمي/);
    expect(searches[0]).toMatchObject({ details: { filter: "name", results: 1 } });
    const view = await bot.app.models.auditEvents.findOne({ action: "case.view", actorId: refOf(COORDINATOR_ID), subjectId: kazemiReference }).lean().exec();
    expect(view).toMatchObject({ details: { families: 1, contacts: 1 } });
  });

  it("chooses a province with the buttons and pages through ten cases at a time", async () => {
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    coordinator.sendCommand("find");
    await coordinator.waitForText("Found:");
    await press(coordinator, "✖️ Clear filters", `Found: ${ARDABIL_CASES + 2} · page 1 of 3`);
    await press(coordinator, "📍 Province", "Choose a province:");
    await press(coordinator, "Ardabil", `Ardabil\nFound: ${ARDABIL_CASES} · page 1 of 3`);
    expect(coordinator.botMessages().at(-1)!.inlineKeyboard!.flat().filter((b) => b.text.startsWith("📂"))).toHaveLength(10);
    await press(coordinator, "▶️", "page 2 of 3");
    await press(coordinator, "▶️", "page 3 of 3");
    const last = coordinator.botMessages().at(-1)!;
    expect(last.inlineKeyboard!.flat().filter((b) => b.text.startsWith("📂"))).toHaveLength(ARDABIL_CASES - 20);
    expect(last.inlineKeyboard!.flat().map((b) => b.text)).not.toContain("▶️");
    expect(plain(last.text)).toContain("21. ");
    await press(coordinator, "◀️", "page 2 of 3");
    expect(resultsText(coordinator)).not.toContain("کاظمی");

    await press(coordinator, "🏷 Status", "Choose a status:");
    await press(coordinator, "Registered", `Found: ${ARDABIL_CASES} · page 1 of 3`);
    await press(coordinator, "🏷 Status", "Choose a status:");
    await press(coordinator, "Being reviewed", "No case matches this search.");
  });

  it("exports the cases of the current search as a UTF-8 CSV with BOM, CRLF and one row a case", async () => {
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    coordinator.sendCommand("find");
    await coordinator.waitForText("Found:");
    await press(coordinator, "✖️ Clear filters", "all cases");
    await press(coordinator, "📍 Province", "Choose a province:");
    await press(coordinator, "Ardabil", `Found: ${ARDABIL_CASES}`);
    coordinator.sendCommand("export");
    const sent = await coordinator.waitForText("Cases: Ardabil (CSV, UTF-8)");
    expect(sent.document).toBeDefined();
    const csv = bot.emulator.fileContent(sent.document!)!.toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(CASE_EXPORT_COLUMNS.join(","));
    expect(lines).toHaveLength(ARDABIL_CASES + 2); // header, the cases, the empty string after the last CRLF
    expect(lines.at(-1)).toBe("");
    expect(lines[1]).toMatch(new RegExp(`^${ardabilReferences[0]},\\d{4}-\\d\\d-\\d\\dT[^,]+,registered,,بهرام اردبیلی,,male,1950,,unknown,Ardabil,اردبیل,1,none$`));
    expect(csv).not.toContain(kazemiReference);
    expect(csv).not.toContain(KAZEMI_PHONE);
    const audit = await bot.app.models.auditEvents.findOne({ action: "case.export", actorId: refOf(COORDINATOR_ID) }).lean().exec();
    expect(audit).toMatchObject({ details: { filter: "province", rows: ARDABIL_CASES } });
  });

  it("answers bad input clearly: a 10,000-character name, a date that does not exist, a forged page or province", async () => {
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    coordinator.sendCommand("find", "ک".repeat(10_000));
    await coordinator.waitForText("That is too long for a name");
    coordinator.sendCommand("find", "1403/13/01 - 1403/14/01");
    await coordinator.waitForText("Those dates were not understood");
    // An operator-shaped text is only a name nobody has.
    coordinator.sendCommand("find", '{"$gt": ""}');
    await coordinator.waitForText("No case matches this search.");
    expect(await bot.app.services.caseSearch.search({ userId: COORDINATOR_ID }, { name: { $gt: "" } })).toEqual({ ok: false, error: "invalid" });
    expect(await bot.app.services.caseSearch.search({ userId: COORDINATOR_ID }, { province: { $ne: null } })).toEqual({ ok: false, error: "invalid" });

    const results = coordinator.botMessages().at(-1)!;
    coordinator.pressCallback(results.messageId, "fpg:5000");
    await coordinator.waitForText("This search cannot be done");
    coordinator.pressCallback(results.messageId, "ffs:province:atlantis");
    await coordinator.waitForText("This search cannot be done");
  });

  it("finds by registration dates typed in the Solar Hijri calendar", async () => {
    const coordinator = bot.emulator.user(COORDINATOR_ID)!;
    coordinator.sendCommand("find");
    await coordinator.waitForText("Found:");
    await press(coordinator, "✖️ Clear filters", "all cases");
    const today = bot.app.services.clock.now();
    const year = today.getUTCFullYear();
    // Every case was registered today: the whole Gregorian year, typed in Solar Hijri, finds them all; last year finds none.
    coordinator.sendCommand("find", `${year - 622}/01/01 - ${year - 621}/12/29`);
    await coordinator.waitForText(`Found: ${ARDABIL_CASES + 2}`);
    coordinator.sendCommand("find", `${year - 1}-01-01 - ${year - 1}-12-31`);
    await coordinator.waitForText("No case matches this search.");

    // The same with the buttons: registered in the last 30 days, then any time again.
    await press(coordinator, "📅 Registered", "When was the case registered?");
    await press(coordinator, "In the last 30 days", `Found: ${ARDABIL_CASES + 2}`);
    expect(resultsText(coordinator)).toContain("registered ");
    await press(coordinator, "📅 Registered", "When was the case registered?");
    await press(coordinator, "Any", "all cases");
  });
});

describe("a volunteer searches only their province, and a family not at all", () => {
  it("a volunteer of Ardabil finds only Ardabil's cases and sees how many families follow one, never how to reach them", async () => {
    const volunteer = bot.emulator.createUser({ id: VOLUNTEER_ID, languageCode: "en" });
    volunteer.sendCommand("find", "Alireza Kazemi");
    await volunteer.waitForText("No case matches this search.");
    await press(volunteer, "✖️ Clear filters", `Found: ${ARDABIL_CASES} · page 1 of 3`);
    await press(volunteer, "📍 Province", "Choose a province:");
    const choices = volunteer.botMessages().at(-1)!.inlineKeyboard!.flat().map((b) => plain(b.text));
    expect(choices).toEqual(["Any", "Ardabil"]);

    await press(volunteer, new RegExp(`^📂 ${ardabilReferences.at(-1)}`), "Families following this case: 1");
    expect(resultsText(volunteer)).not.toMatch(/phone|in Telegram|Mother/);

    // A forged button for a Tehran case and a forged province filter show nothing of Tehran.
    const last = volunteer.botMessages().at(-1)!;
    volunteer.pressCallback(last.messageId, `fco:${tehranOtherReference}`);
    await volunteer.waitForText("This case belongs to a province you do not work for.");
    volunteer.pressCallback(last.messageId, "ffs:province:tehran");
    await volunteer.waitForText("No case matches this search.");

    volunteer.sendCommand("export");
    await volunteer.waitForText("Sorry, you are not allowed to do that.");
    expect(await bot.app.models.auditEvents.countDocuments({ action: "case.export", actorId: refOf(VOLUNTEER_ID) })).toBe(0);
  });

  it("a searcher's last filter is stored encrypted under their pseudonym, and erased with their data", async () => {
    const volunteer = bot.emulator.user(VOLUNTEER_ID)!;
    volunteer.sendCommand("find", "Behrouz Sabalani");
    await volunteer.waitForText("Found:");
    const stored = await bot.app.models.caseSearches.findOne({ userId: refOf(VOLUNTEER_ID) }).lean().exec();
    expect(stored).not.toBeNull();
    expect(JSON.stringify(stored)).not.toMatch(/Behrouz|Sabalani|930003/);
    await bot.app.services.myData.erase(VOLUNTEER_ID);
    expect(await bot.app.models.caseSearches.countDocuments({ userId: refOf(VOLUNTEER_ID) })).toBe(0);
  });

  it("a family is refused /find and /export", async () => {
    const mother = bot.emulator.createUser({ languageCode: "fa" });
    mother.sendCommand("find", "کاظمی");
    await mother.waitForText("متأسفیم، شما اجازهٔ این کار را ندارید.");
    mother.sendCommand("export");
    await mother.waitForText("متأسفیم، شما اجازهٔ این کار را ندارید.");
    expect(await bot.app.models.auditEvents.countDocuments({ action: "case.search", actorId: refOf(mother.id) })).toBe(0);
  });
});
