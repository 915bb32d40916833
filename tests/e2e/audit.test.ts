import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { toSolarHijri } from "../../src/domain/solarHijri.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { waitUntil } from "../support/waitUntil.js";

// Issue #11, /audit: the operator reads who did what and when — never the content.
const ADMIN_ID = 951001;
let bot: TestBot;
let admin: EmulatedUser;
let coordinator: EmulatedUser;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID] });
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
    expect(page).toContain(`Team member ${coordinator.id} · team.list`);
    expect(page).toContain(`Team member ${ADMIN_ID} · invite.create`);
    // Pseudonyms never reach the screen, nor anyone's name.
    expect(page).not.toMatch(/u[0-9]?:[A-Za-z0-9]+:[A-Za-z0-9_-]{16,}/);
    expect(page).not.toContain("Operator");

    // Reading the trail is itself in the trail, with how many lines it showed.
    const again = await audit("me");
    expect(again).toContain("Person: you");
    expect(again).toMatch(new RegExp(`Team member ${ADMIN_ID} · audit.view · \\d+ records`));
    expect(again).not.toContain(`Team member ${coordinator.id}`);
  });

  it("filters by a team member's number from /team and by a day in either calendar", async () => {
    const byMember = await audit(String(coordinator.id));
    expect(byMember).toContain(`Person: Team member ${coordinator.id}`);
    expect(byMember).toContain("team.list");
    expect(byMember).not.toContain(`Team member ${ADMIN_ID}`);

    const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran" }).format(new Date()).split("-").map(Number) as [number, number, number];
    const sh = toSolarHijri({ year: y, month: m, day: d });
    // Persian digits, as families and volunteers type them.
    const persianDay = `${sh.year}/${sh.month}/${sh.day}`.replace(/\d/g, (digit) => "۰۱۲۳۴۵۶۷۸۹"[Number(digit)]!);
    const today = await audit(`${coordinator.id} ${persianDay}`);
    expect(today).toContain("Day: ");
    expect(today).toContain("team.list");

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
    expect(trail).toContain("team.list");
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
    expect(page).toContain("erased · invite.accept");
    expect(page).not.toContain(`Team member ${volunteer.id}`);
  });

  it("a coordinator's search shows how many cases it found, never what was searched for", async () => {
    coordinator.sendCommand("find", "Kazemi");
    await coordinator.waitForReply();
    const page = await audit(String(coordinator.id));
    expect(page).toMatch(new RegExp(`Team member ${coordinator.id} · case.search · 0 records`));
    expect(page).not.toContain("Kazemi");
  });

  it("only admins: a coordinator is refused and no trail is shown", async () => {
    coordinator.sendCommand("audit");
    expect(plain((await coordinator.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");
  });

  it("bad input gets a clear answer and queries nothing", async () => {
    const views = () => bot.app.models.auditEvents.countDocuments({ action: "audit.view" });
    const before = await views();
    expect(await audit("yesterday")).toContain("I do not know that filter.");
    expect(await audit('{"$gt": ""}')).toContain("I do not know that filter.");
    expect(await audit("x".repeat(10_000))).toContain("That filter is too long.");
    expect(await audit("1403/12/31")).toContain("There is no such day in the calendar.");
    expect(await views()).toBe(before);

    // A forged page far past the end, and a forged page number that is no number.
    const shown = admin.lastBotMessage()!;
    admin.pressCallback(shown.messageId, "aud:4999:all:0");
    await admin.waitForText("There is nothing on this page. Send /audit to start again.");
    const answered = admin.callbackAnswers().length;
    admin.pressCallback(shown.messageId, "aud:-1:all:0");
    await waitUntil(() => admin.callbackAnswers().length > answered, 5_000, "the forged button answered");
    expect(admin.callbackAnswers().at(-1)!.text).toMatch(/expired|no longer/i);
  });
});
