import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";

// Issue #8, part 4: every privileged action re-reads the actor's roles at the moment it acts.
const ADMIN_ID = 940001;
let bot: TestBot;
let admin: EmulatedUser;

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [ADMIN_ID] });
  admin = bot.emulator.createUser({ id: ADMIN_ID, firstName: "Admin", languageCode: "en" });
});
afterAll(() => bot?.stop());

function inviteCodeFrom(text: string | undefined): string {
  const match = /start=inv_([A-Za-z0-9_-]+)/.exec(plain(text));
  if (!match?.[1]) throw new Error(`no invite link in: ${text}`);
  return match[1];
}

/** The inviter walks through /invite and gets the link's code. */
async function inviteLink(inviter: EmulatedUser, role: "Volunteer" | "Coordinator", province = "Ardabil"): Promise<string> {
  inviter.sendCommand("invite");
  await inviter.waitForText("Which role should the invitation grant?");
  inviter.pressButton(role);
  if (role === "Volunteer") {
    await inviter.waitForText("Choose the provinces");
    inviter.pressButton(province);
    await inviter.waitForReply();
    inviter.pressButton(/Done$/);
  }
  return inviteCodeFrom((await inviter.waitForText("It works once")).text);
}

/** A new member joins the team through an invite link. */
async function newMember(role: "Volunteer" | "Coordinator"): Promise<EmulatedUser> {
  const code = await inviteLink(admin, role);
  const member = bot.emulator.createUser({ languageCode: "en" });
  member.sendCommand("start", `inv_${code}`);
  await member.waitForText(role === "Volunteer" ? "You are now a volunteer" : "You are now a coordinator");
  await member.waitForText("Choose from the menu below.");
  return member;
}

/** The admin opens /team and presses "Revoke …" on the member's card. */
async function revoke(member: EmulatedUser, role: "Volunteer" | "Coordinator"): Promise<void> {
  admin.sendCommand("team");
  const card = await admin.waitForText(`Team member ${member.id}\n`);
  await press(admin, `Revoke ${role}`, `The role ${role} of ${member.id} was revoked.`, { messageId: card.messageId });
}

async function registerFamily(fullName: string, province: string): Promise<{ reference: string; caseId: string; possibleDuplicate: boolean | "unchecked" }> {
  const family = bot.emulator.createUser({ languageCode: "fa" });
  family.sendCommand("start");
  await family.waitForReply();
  const draft = sampleRegistration({ fullName, familyProvince: province, birthYear: 1962 });
  return bot.app.services.cases.register({ userId: family.id, locale: "fa", draft, consentAt: new Date() });
}

const rawInvites = async () => JSON.stringify(await bot.app.connection.db!.collection("invites").find().toArray());

describe("invites: a role revoked is revoked everywhere, and a database copy grants nothing", () => {
  it("invite codes are stored only as their hash; the link still works once", async () => {
    const code = await inviteLink(admin, "Coordinator");
    const stored = await rawInvites();
    expect(stored).not.toContain(code);
    const [copied] = JSON.parse(stored) as { _id: string }[];
    expect(copied!._id).toBe(createHash("sha256").update(code).digest("hex"));

    // Someone holding only a copy of the database tries what is stored as a link: nothing.
    const thief = bot.emulator.createUser({ languageCode: "en" });
    thief.sendCommand("start", `inv_${copied!._id.slice(0, 40)}`);
    expect(plain((await thief.waitForReply()).text)).toBe("This invitation link is not valid.");

    const newcomer = bot.emulator.createUser({ languageCode: "en" });
    newcomer.sendCommand("start", `inv_${code}`);
    await newcomer.waitForText("You are now a coordinator.");
    const latecomer = bot.emulator.createUser({ languageCode: "en" });
    latecomer.sendCommand("start", `inv_${code}`);
    expect(plain((await latecomer.waitForReply()).text)).toBe("This invitation link has already been used.");
  });

  it("a coordinator revoked while creating an invite cannot finish it: refused, nothing stored", async () => {
    const coordinator = await newMember("Coordinator");
    const invitesBefore = await bot.app.models.invites.countDocuments();

    coordinator.sendCommand("invite");
    await coordinator.waitForText("Which role should the invitation grant?");
    await press(coordinator, "Volunteer", "Choose the provinces");
    coordinator.pressButton("Ardabil");
    await coordinator.waitForReply();

    await revoke(coordinator, "Coordinator");

    await press(coordinator, /Done$/, "Sorry, you are not allowed to do that.");
    expect(coordinator.botMessages().some((m) => plain(m.text).includes("start=inv_"))).toBe(false);
    expect(await bot.app.models.invites.countDocuments()).toBe(invitesBefore);
  });

  it("a revoked coordinator who had just chosen to invite a coordinator is refused at once", async () => {
    const coordinator = await newMember("Coordinator");
    coordinator.sendCommand("invite");
    await coordinator.waitForText("Which role should the invitation grant?");
    await revoke(coordinator, "Coordinator");
    await press(coordinator, "Coordinator", "Sorry, you are not allowed to do that.");
    expect(coordinator.botMessages().some((m) => plain(m.text).includes("start=inv_"))).toBe(false);
  });

  it("a coordinator's unused invite stops working once they are revoked; a used one keeps its member", async () => {
    const coordinator = await newMember("Coordinator");
    const used = await inviteLink(coordinator, "Volunteer");
    const volunteer = bot.emulator.createUser({ languageCode: "en" });
    volunteer.sendCommand("start", `inv_${used}`);
    await volunteer.waitForText("You are now a volunteer");
    const unused = await inviteLink(coordinator, "Coordinator");
    const invitesBefore = await bot.app.models.invites.countDocuments();

    await revoke(coordinator, "Coordinator");
    expect(await bot.app.models.invites.countDocuments()).toBe(invitesBefore - 1);

    const friend = bot.emulator.createUser({ languageCode: "en" });
    friend.sendCommand("start", `inv_${unused}`);
    expect(plain((await friend.waitForReply()).text)).toBe("This invitation link is not valid.");
    expect((await bot.app.services.users.actorNow(friend.id)).roles).toEqual(["family"]);
    expect((await bot.app.services.users.actorNow(volunteer.id)).roles).toContain("volunteer");
  });
});

describe("volunteers: a revoked role stops a conversation already open", () => {
  it("a volunteer revoked while moving a case on cannot confirm the move", async () => {
    const ardabil = await registerFamily("Farhad Golzar", "ardabil");
    const volunteer = await newMember("Volunteer");
    volunteer.sendCommand("case", ardabil.reference);
    await volunteer.waitForText("Families following this case: 1");
    await press(volunteer, "➡️ Being reviewed", "Write a short note for the family");

    await revoke(volunteer, "Volunteer");

    await press(volunteer, "⏭ Skip", "Write an internal note");
    await press(volunteer, "⏭ Skip", `Change case ${ardabil.reference} to "Being reviewed"?`);
    await press(volunteer, "✅ Change the status", "Your role cannot make this change.");
    const stored = await bot.app.models.cases.findOne({ reference: ardabil.reference }).lean();
    expect(stored?.status).toBe("registered");
    expect(await bot.app.models.caseEvents.countDocuments({ caseId: stored!._id, type: "status" })).toBe(0);
  });

  it("a volunteer revoked while composing news cannot send it, nor open it again from the menu button", async () => {
    await registerFamily("Nader Kiani", "ardabil");
    const volunteer = await newMember("Volunteer");
    volunteer.pressReplyButton("📣 Send news");
    await volunteer.waitForText("Who should receive this message?");
    await press(volunteer, "👪 Families", "Send the message in Persian");
    await answer(volunteer, "خبر برای خانواده‌های اردبیل", "Send the English version");
    await press(volunteer, "⏭ Skip", "Send the Albanian version");
    await press(volunteer, "⏭ Skip", "This message will go to");

    await revoke(volunteer, "Volunteer");

    await press(volunteer, "📤 Send now", "Sorry, you are not allowed to do that.");
    expect(await bot.app.models.deliveryJobs.countDocuments({ kind: "broadcast" })).toBe(0);

    // The menu button is guarded like /broadcast: typing its label does not open the composer.
    await answer(volunteer, "📣 Send news", "Sorry, you are not allowed to do that.");
    expect(volunteer.botMessages().filter((m) => plain(m.text).includes("Who should receive this message?"))).toHaveLength(1);
  });

  it("a family member typing the label of the news button gets the normal refusal", async () => {
    for (const [locale, label, refusal] of [
      ["en", "📣 Send news", "Sorry, you are not allowed to do that."],
      ["fa", "📣 فرستادن خبر", "اجازهٔ این کار را ندارید"],
    ] as const) {
      const family = bot.emulator.createUser({ languageCode: locale });
      family.sendCommand("start");
      await family.waitForText(locale === "en" ? "Choose from the menu below." : "از منوی زیر انتخاب کنید");
      await answer(family, label, refusal);
      await bot.emulator.waitForQuiet();
      expect(family.botMessages().some((m) => /Who should receive|چه کسانی/.test(plain(m.text)))).toBe(false);
    }
  });
});

describe("volunteers see nothing of another province", () => {
  it("a duplicate in another province is not even named on the volunteer's card; a coordinator sees it", async () => {
    const tehran = await registerFamily("Bahram Shokouhi", "tehran");
    const ardabil = await registerFamily("Bahram Shokouhi", "ardabil");
    expect(ardabil.possibleDuplicate).toBe(true);

    const volunteer = await newMember("Volunteer");
    volunteer.sendCommand("case", ardabil.reference);
    const card = await volunteer.waitForText("Families following this case: 1");
    expect(plain(card.text)).not.toContain(tehran.reference);
    expect(plain(card.text)).not.toContain("Possibly the same person");
    expect(JSON.stringify(card.inlineKeyboard ?? [])).not.toContain(tehran.caseId);

    const coordinator = await newMember("Coordinator");
    coordinator.sendCommand("case", ardabil.reference);
    const full = await coordinator.waitForText("Possibly the same person as");
    expect(plain(full.text)).toContain(tehran.reference);
  });

  it("a forged button naming a case of another province is refused before anything is shown", async () => {
    const tehran = await registerFamily("Siamak Darvish", "tehran");
    const volunteer = await newMember("Volunteer");
    const someMessage = volunteer.lastBotMessage()!;
    volunteer.pressCallback(someMessage.messageId, `cst:${tehran.caseId}:under_review`);
    await volunteer.waitForText("This case belongs to a province you do not work for.");
    await bot.emulator.waitForQuiet();
    const seen = volunteer.botMessages().map((m) => plain(m.text)).join("\n");
    expect(seen).not.toContain(tehran.reference);
    expect(seen).not.toContain("Write a short note");
    const stored = await bot.app.models.cases.findOne({ reference: tehran.reference }).lean();
    expect(stored?.status).toBe("registered");
  });
});
