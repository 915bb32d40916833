import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { waitUntil } from "../support/waitUntil.js";
import { refOf } from "../support/userRefs.js";

const ADMIN_ID = 700001;
let now = new Date("2026-11-27T10:00:00Z");
const clock: Clock = { now: () => now };

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID], overrides: { clock } });
});
afterAll(() => bot?.stop());

function adminUser() {
  return bot.emulator.user(ADMIN_ID) ?? bot.emulator.createUser({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
}

function inviteCodeFrom(text: string | undefined): string {
  const match = /start=inv_([A-Za-z0-9_-]+)/.exec(plain(text));
  if (!match?.[1]) throw new Error(`no invite link in: ${text}`);
  return match[1];
}

describe("roles are granted by single-use invite links and checked on the server", () => {
  it("an admin invites a volunteer for Ardabil; the link works once", async () => {
    const admin = adminUser();
    admin.sendCommand("start");
    const menu = await admin.waitForReply();
    expect(menu.replyKeyboard?.flat()).toEqual(expect.arrayContaining(["👥 Team", "➕ Invite"]));

    admin.pressReplyButton("➕ Invite");
    await admin.waitForText("Which role should the invitation grant?");
    await press(admin, "Volunteer", "Choose the provinces");
    admin.pressButton(/Done$/);
    await waitUntil(() => admin.callbackAnswers().some((a) => a.text === "Choose at least one province."));
    admin.pressButton("Ardabil");
    await admin.waitForReply(); // keyboard edited with a tick
    expect(admin.lastBotMessage()?.inlineKeyboard?.flat().some((b) => b.text === "✅ Ardabil")).toBe(true);
    admin.pressButton(/Done$/);
    const created = await admin.waitForText("It works once and expires in");
    expect(plain(created.text)).toContain("https://t.me/family_reach_test_bot?start=inv_");
    const code = inviteCodeFrom(created.text);

    const volunteer = bot.emulator.createUser({ firstName: "Vol", languageCode: "fa" });
    volunteer.sendCommand("start", `inv_${code}`);
    const [welcome] = await volunteer.waitForReplies({ count: 2 });
    expect(plain(welcome!.text)).toContain("اکنون داوطلب این استان‌ها هستید: اردبیل");

    const latecomer = bot.emulator.createUser({ languageCode: "en" });
    latecomer.sendCommand("start", `inv_${code}`);
    expect(plain((await latecomer.waitForReply()).text)).toBe("This invitation link has already been used.");
  });

  it("a family member cannot invite, list or revoke, even with a forged button", async () => {
    const family = bot.emulator.createUser({ languageCode: "en" });
    family.sendCommand("invite");
    expect(plain((await family.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");
    family.sendCommand("team");
    expect(plain((await family.waitForReply()).text)).toBe("Sorry, you are not allowed to do that.");

    // A forged "revoke" button pressed on a message the family member did receive.
    const someMessage = family.lastBotMessage()!;
    family.pressCallback(someMessage.messageId, `trev:${ADMIN_ID}:coordinator`);
    await waitUntil(() => family.callbackAnswers().length > 0);
    const answer = { params: family.callbackAnswers().at(-1)! };
    expect(answer?.params.text).toBe("Sorry, you are not allowed to do that.");
  });

  it("a coordinator invite expires after 48 hours", async () => {
    const admin = adminUser();
    admin.sendCommand("invite");
    await admin.waitForText("Which role should the invitation grant?");
    admin.pressButton("Coordinator");
    const code = inviteCodeFrom((await admin.waitForText("It works once")).text);

    now = new Date(now.getTime() + 49 * 60 * 60 * 1000);
    const late = bot.emulator.createUser({ languageCode: "en" });
    late.sendCommand("start", `inv_${code}`);
    expect(plain((await late.waitForReply()).text)).toBe("This invitation link has expired. Please ask for a new one.");
  });

  it("a coordinator sees the team and revokes a volunteer, who loses the role at once", async () => {
    const admin = adminUser();
    admin.sendCommand("invite");
    await admin.waitForText("Which role should the invitation grant?");
    admin.pressButton("Coordinator");
    const code = inviteCodeFrom((await admin.waitForText("It works once")).text);
    const coordinator = bot.emulator.createUser({ languageCode: "en" });
    coordinator.sendCommand("start", `inv_${code}`);
    await coordinator.waitForText("You are now a coordinator.");
    const coordinatorMenu = await coordinator.waitForText("Choose from the menu below.");
    expect(coordinatorMenu.replyKeyboard?.flat()).toContain("👥 Team");

    coordinator.pressReplyButton("👥 Team");
    const volunteerCard = await coordinator.waitForText(/Volunteer Ardabil/);
    expect(plain(volunteerCard.text)).toMatch(/Team member \d+/);
    const volunteerId = Number(/Team member (\d+)/.exec(plain(volunteerCard.text))![1]);
    await press(coordinator, "Revoke Volunteer", `The role Volunteer of ${volunteerId} was revoked.`, { messageId: volunteerCard.messageId });

    const profile = await bot.app.services.users.get(volunteerId);
    expect(profile?.actor.roles).toEqual(["family"]);
    const audit = await bot.app.models.auditEvents.find({ action: "role.revoke" }).lean();
    expect(audit).toHaveLength(1);
    // The audit names who acted and whom it concerned by pseudonym, never by Telegram id.
    expect(audit[0]?.subjectId).toBe(refOf(volunteerId));
    expect(audit[0]?.actorId).toBe(refOf(coordinator.id));
  });
});
