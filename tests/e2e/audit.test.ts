import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { toSolarHijri } from "../../src/domain/solarHijri.js";
import { sampleRegistration } from "../support/fixtures.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { refOf } from "../support/userRefs.js";
import { waitUntil } from "../support/waitUntil.js";

// Issue #11, /audit: the operator reads who did what and when — never the content.
const ADMIN_ID = 951001;
/** A second operator who reads Persian. */
const PERSIAN_ADMIN_ID = 951002;
let bot: TestBot;
let admin: EmulatedUser;
let coordinator: EmulatedUser;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID, PERSIAN_ADMIN_ID] });
  admin = bot.emulator.createUser({ id: ADMIN_ID, firstName: "Operator", languageCode: "en" });
  admin.sendCommand("start");
  await admin.waitForText("Choose from the menu below.");
  coordinator = await joinAs("Coordinator");
});
afterAll(() => bot?.stop());

/** The admin invites someone through /invite and they accept the link. */
async function joinAs(role: "Volunteer" | "Coordinator"): Promise<EmulatedUser> {
  admin.sendCommand("invite");
  await admin.waitForText("Which role should the invitation grant?");
  admin.pressButton(role);
  if (role === "Volunteer") {
    await admin.waitForText("Choose the provinces");
    admin.pressButton("Ardabil");
    await admin.waitForReply();
    admin.pressButton(/Done$/);
  }
  const link = plain((await admin.waitForText("It works once")).text);
  const code = /start=inv_([A-Za-z0-9_-]+)/.exec(link)![1]!;
  const member = bot.emulator.createUser({ languageCode: "en" });
  member.sendCommand("start", `inv_${code}`);
  await member.waitForText("Choose from the menu below.");
  return member;
}

async function audit(args = ""): Promise<string> {
  admin.sendCommand("audit", args || undefined);
  return plain((await admin.waitForReply()).text);
}

describe("/audit: the operator sees who did what and when, never the content", () => {
  it("after a coordinator opens /team, the admin sees it under 'Team member <n>', with nothing personal", async () => {
    coordinator.sendCommand("team");
    await coordinator.waitForText(`Team member ${coordinator.id}`);

    const page = await audit();
    expect(page).toMatch(/^Audit trail, page 1/);
    // Actions read as words, with what matters about them (a role, a count), never as codes.
    expect(page).toContain(`Team member ${coordinator.id} · viewed the team list`);
    expect(page).toContain(`Team member ${ADMIN_ID} · created an invitation (role: Coordinator)`);
    expect(page).not.toMatch(/team\.list|invite\.create/);
    // Pseudonyms never reach the screen, nor anyone's name.
    expect(page).not.toMatch(/u[0-9]?:[A-Za-z0-9]+:[A-Za-z0-9_-]{16,}/);
    expect(page).not.toContain("Operator");

    // Reading the trail is itself in the trail, with how many lines it showed.
    const again = await audit("me");
    expect(again).toContain("Person: you");
    expect(again).toMatch(new RegExp(`Team member ${ADMIN_ID} · read the audit trail: (\\d+ lines|one line)`));
    expect(again).not.toContain(`Team member ${coordinator.id}`);
  });

  it("filters by a team member's number from /team and by a day in either calendar", async () => {
    const byMember = await audit(String(coordinator.id));
    expect(byMember).toContain(`Person: Team member ${coordinator.id}`);
    expect(byMember).toContain("viewed the team list");
    expect(byMember).not.toContain(`Team member ${ADMIN_ID}`);

    const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran" }).format(new Date()).split("-").map(Number) as [number, number, number];
    const sh = toSolarHijri({ year: y, month: m, day: d });
    // Persian digits, as families and volunteers type them.
    const persianDay = `${sh.year}/${sh.month}/${sh.day}`.replace(/\d/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]!);
    const today = await audit(`${coordinator.id} ${persianDay}`);
    expect(today).toContain("Day: ");
    expect(today).toContain("viewed the team list");

    const lastYear = await audit(`${y - 1}-${String(m).padStart(2, "0")}-01`);
    expect(lastYear).toContain("Nothing is recorded for this filter.");
  });

  it("the admin opens a member's trail from their card in /team", async () => {
    admin.sendCommand("team");
    const card = await admin.waitForText(`Team member ${coordinator.id}\n`);
    admin.pressButton("🔎 What they did (audit)", { messageId: card.messageId });
    const trail = plain((await admin.waitForText(new RegExp(`Person: Team member ${coordinator.id}`))).text);
    // The card stays as it was, with its Revoke button.
    expect(plain(admin.botMessages().find((m) => m.messageId === card.messageId)!.text)).toMatch(/^Team member/);
    expect(trail).toContain("viewed the team list");
    expect(trail).not.toContain(`Team member ${ADMIN_ID} ·`);
  });

  it("pages 20 lines a message with ◀️ ▶️", async () => {
    for (let i = 0; i < 22; i++) {
      coordinator.sendCommand("team");
      await coordinator.waitForText(`Team member ${coordinator.id}`);
    }
    admin.sendCommand("audit", String(coordinator.id));
    const first = await admin.waitForText(/^Audit trail, page 1/);
    expect(plain(first.text).split("\n").filter((l) => l.startsWith("• "))).toHaveLength(20);
    await press(admin, "Older ▶️", /Audit trail, page 2/, { messageId: first.messageId });
    const second = plain(admin.botMessages().find((m) => m.messageId === first.messageId)!.text);
    expect(second.split("\n").filter((l) => l.startsWith("• ")).length).toBeGreaterThanOrEqual(3);
    await press(admin, "◀️ Newer", /Audit trail, page 1/, { messageId: first.messageId });
  });

  it("a member who erased their data is shown as 'erased'", async () => {
    const volunteer = await joinAs("Volunteer");
    volunteer.sendCommand("deletemydata");
    await volunteer.waitForText("Do you want to erase everything we keep about you?");
    await press(volunteer, "Yes, erase everything", "Everything we kept about you has been erased.");
    const page = await audit();
    expect(page).toContain("erased · joined the team (role: Volunteer)");
    expect(page).not.toContain(`Team member ${volunteer.id}`);
  });

  it("someone the bot holds neither a row nor a role for (like the local demo's coordinator) is 'no longer in the bot', not 'erased'", async () => {
    // As the demo seeding writes it: an admin for the seeding only, never stored as a user.
    await bot.app.models.auditEvents.create({ at: new Date(), actorId: refOf(999), action: "case.status", subjectId: "2311-4990-7", details: { from: "registered", to: "under_review" } });
    const page = await audit();
    expect(page).toContain(`someone no longer in the bot · changed a case's status from “Registered” to “Being reviewed” · 2311-4990-7`);
  });

  it("a coordinator's search shows what kind of search it was and how many cases it found, never what was searched for", async () => {
    coordinator.sendCommand("find", "Kazemi");
    await coordinator.waitForReply();
    const page = await audit(String(coordinator.id));
    expect(page).toContain(`Team member ${coordinator.id} · searched cases by name: 0 results`);
    expect(page).not.toContain("Kazemi");
  });

  it("an operator who reads Persian sees each action in Persian words, with Persian digits and the Solar Hijri date, and asks for one kind of action", async () => {
    // A mother in Ardabil has registered her son; the coordinator moves the case and exports the list.
    const mother = bot.emulator.createUser({ languageCode: "fa" });
    mother.sendCommand("start");
    await mother.waitForReply();
    const registered = await bot.app.services.cases.register({
      userId: mother.id,
      locale: "fa",
      draft: sampleRegistration({ fullName: "سهراب کاویانی", familyProvince: "ardabil", birthYear: 1966 }),
      consentAt: new Date(),
    });
    coordinator.sendCommand("case", registered.reference);
    await coordinator.waitForText("Families following this case: 1");
    await press(coordinator, "➡️ Being reviewed", "Write a short note for the family");
    await answer(coordinator, "We are checking your registration.", "Write an internal note");
    await answer(coordinator, "Matches the office's list.", `Change case ${registered.reference} to "Being reviewed"?`);
    await press(coordinator, "✅ Change the status", 'The status is now "Being reviewed".');
    coordinator.sendCommand("find");
    await coordinator.waitForText("Found:");
    await press(coordinator, "✖️ Clear filters", "all cases");
    coordinator.sendCommand("export");
    expect((await coordinator.waitForText("(CSV, UTF-8)")).document).toBeDefined();

    const operator = bot.emulator.createUser({ id: PERSIAN_ADMIN_ID, languageCode: "fa" });
    operator.sendCommand("start");
    await operator.waitForReply();
    operator.sendCommand("audit");
    const shown = await operator.waitForText(/^گزارش کارها، صفحهٔ ۱/);
    const page = plain(shown.text);
    const persian = (value: string | number) => String(value).replace(/\d/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]!);
    const reference = persian(registered.reference);
    const member = `عضو گروه ${coordinator.id}`;
    expect(page).toContain(`${member} · وضعیت یک پرونده را از «ثبت شده» به «در حال بررسی» تغییر داد · ${reference}`);
    expect(page).toMatch(new RegExp(`${member} · فهرست [۰-۹]+ پرونده را گرفت \\(جستجو با: همهٔ پرونده‌ها\\)`));
    expect(page).toContain(`${member} · یک پرونده را باز کرد: ۱ خانواده پیگیر آن هستند`);
    // When: the Solar Hijri year and the hour, in Persian digits.
    const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran" }).format(new Date()).split("-").map(Number) as [number, number, number];
    expect(page).toContain(persian(toSolarHijri({ year: y, month: m, day: d }).year));
    expect(page).toMatch(/ساعت [۰-۹]{2}:[۰-۹]{2}/);
    // No English code, and nothing of the case itself: not the name, not the notes.
    expect(page).not.toMatch(/case\.|team\.|\b[a-z]+\.[a-z]+\b/);
    expect(page).not.toContain("سهراب");
    expect(page).not.toContain("checking");

    // Only the exports, typed in Persian; the heading says so and the page buttons keep it.
    operator.sendCommand("audit", "خروجی");
    const exports = plain((await operator.waitForText(/نوع کار: گرفتن فهرست‌ها/)).text);
    expect(exports).toMatch(/فهرست [۰-۹]+ پرونده را گرفت/);
    expect(exports).not.toContain("وضعیت یک پرونده");
    expect(exports).not.toContain("فهرست اعضای گروه را دید");

    // The same with a button under the page, which turns in place; pressed again (ticked), it is lifted.
    await press(operator, "گرفتن فهرست‌ها", /نوع کار: گرفتن فهرست‌ها/, { messageId: shown.messageId });
    const turned = plain(operator.botMessages().find((m) => m.messageId === shown.messageId)!.text);
    expect(turned).toMatch(/فهرست [۰-۹]+ پرونده را گرفت/);
    expect(turned).not.toContain("وضعیت یک پرونده");
    await press(operator, "✅ گرفتن فهرست‌ها", "وضعیت یک پرونده", { messageId: shown.messageId });
    expect(plain(operator.botMessages().find((m) => m.messageId === shown.messageId)!.text)).not.toContain("نوع کار");

    operator.sendCommand("audit", `وضعیت ${coordinator.id}`);
    const statuses = plain((await operator.waitForText(/نوع کار: تغییر وضعیت‌ها/)).text);
    expect(statuses.split("\n").filter((line) => line.startsWith("• "))).toEqual([expect.stringContaining("به «در حال بررسی» تغییر داد")]);
  });

  it("only admins: a coordinator is refused and no trail is shown", async () => {
    coordinator.sendCommand("audit");
    expect(plain((await coordinator.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");
  });

  it("bad input gets a clear answer and queries nothing", async () => {
    const views = () => bot.app.models.auditEvents.countDocuments({ action: "audit.view" });
    const before = await views();
    const unknown = await audit("yesterday");
    expect(unknown).toContain("I do not know that filter.");
    expect(unknown).toContain("/audit exports");
    expect(await audit('{"$gt": ""}')).toContain("I do not know that filter.");
    expect(await audit("x".repeat(10_000))).toContain("That filter is too long.");
    expect(await audit("1403/12/31")).toContain("There is no such day in the calendar.");
    expect(await views()).toBe(before);

    // A forged page far past the end, and a forged page number that is no number.
    const shown = admin.lastBotMessage()!;
    admin.pressCallback(shown.messageId, "aud:4999:all:0:all");
    await admin.waitForText("There is nothing on this page. Send /audit to start again.");
    const answered = admin.callbackAnswers().length;
    admin.pressCallback(shown.messageId, "aud:-1:all:0:all");
    await waitUntil(() => admin.callbackAnswers().length > answered, 5_000, "the forged button answered");
    expect(admin.callbackAnswers().at(-1)!.text).toMatch(/expired|no longer/i);
  });
});
