import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandsFor } from "../../src/bot/commands.js";
import { CONVERSATIONS_COLLECTION } from "../../src/db/models/index.js";
import type { Role } from "../../src/domain/roles.js";
import type { ChatMessage, EmulatedGroup, EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { waitUntil } from "../support/waitUntil.js";

const COORDINATOR_ID = 930001;
const RELATIVE = "Farhad Tavakoli";
const RELATIVE_OTHER_NAME = "فرهاد توکلی";
const MOTHER_NAME = "Shirin";

let bot: TestBot;
let mother: EmulatedUser;
let coordinator: EmulatedUser;
let caseId = "";
let caseReference = "";
/** Every main-menu label the family (Persian) and the coordinator (English, who sees every button) are shown. */
let menuLabels: string[] = [];

beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
  // A family that registered a relative, and a coordinator: both have used the bot in private.
  mother = bot.emulator.createUser({ firstName: MOTHER_NAME, lastName: "Rahimi", username: "shirin_rahimi", languageCode: "fa" });
  mother.sendCommand("start");
  const familyMenu = await mother.waitForText("سلام");
  const registered = await bot.app.services.cases.register({
    userId: mother.id,
    locale: "fa",
    draft: sampleRegistration({ fullName: RELATIVE, otherNames: RELATIVE_OTHER_NAME, familyProvince: "ardabil", notes: "He wrote to us in 1379" }),
    consentAt: new Date(),
  });
  caseId = registered.caseId;
  caseReference = registered.reference;
  coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, firstName: "Coordinator", languageCode: "en" });
  coordinator.sendCommand("start");
  const coordinatorMenu = await coordinator.waitForText("Hello");
  menuLabels = [...keyboardLabels(familyMenu), ...keyboardLabels(coordinatorMenu)];
  expect(menuLabels.length).toBeGreaterThan(10);
});
afterAll(() => bot?.stop());

function keyboardLabels(message: ChatMessage): string[] {
  return (message.replyKeyboard ?? []).flat();
}

/** Every command any role has, from the command lists the bot registers with Telegram. */
function everyCommand(): string[] {
  const roles: Role[] = ["family", "volunteer", "coordinator", "admin"];
  const names = roles.flatMap((role) => commandsFor(bot.app.i18n as never, "en", role).map((c) => c.command));
  return [...new Set(names)];
}

const conversationCount = () => bot.app.connection.collection(CONVERSATIONS_COLLECTION).countDocuments();
const userCount = () => bot.app.models.users.countDocuments();

function deepLink(): string {
  return `https://t.me/${bot.emulator.state.bot.username}?start=from_group`;
}

/** What any message in a group may contain: nothing of the family, their relative or their case. */
function expectNothingPersonal(messages: ChatMessage[]): void {
  for (const message of messages) {
    const text = plain(message.text ?? message.caption ?? "");
    for (const secret of [RELATIVE, "Farhad", RELATIVE_OTHER_NAME, MOTHER_NAME, "Rahimi", "1379", caseReference, String(mother.id)]) {
      expect(text).not.toContain(secret);
    }
    expect(message.inlineKeyboard).toBeUndefined();
    expect(message.replyKeyboard).toBeUndefined();
  }
}

/**
 * The bot handles one chat's updates in order: once the answer to a final mention is there (the
 * `expected`-th bot message in the group), everything sent before it was handled.
 */
async function sendMarker(group: EmulatedGroup, from: EmulatedUser, expected: number): Promise<void> {
  group.mentionBot(from, "are you there?");
  await waitUntil(() => group.botMessages().length >= expected, 15_000, `${expected} bot messages in the group`);
}

describe("the bot works in private chats only", () => {
  for (const type of ["group", "supergroup"] as const) {
    it(`in a ${type}, every command, menu button and a forged or old button shows nothing personal and starts no conversation`, async () => {
      // A cousin who never wrote to the bot in private is in the family's group, where the bot was added long ago.
      const cousin = bot.emulator.createUser({ firstName: "Kaveh", languageCode: "fa" });
      const group = bot.emulator.createGroup({ type, title: "Tavakoli family", members: [mother, coordinator, cousin], withBot: true });
      const conversationsBefore = await conversationCount();
      const usersBefore = await userCount();
      const motherPrivateBefore = mother.transcript().length;
      bot.emulator.clearCalls();

      const commands = everyCommand();
      expect(commands).toEqual(expect.arrayContaining(["start", "register", "mycases", "status", "case", "broadcast", "team", "invite", "managepetitions", "newpetition", "letter"]));
      for (const command of commands) group.sendCommand(mother, command);
      for (const command of commands) group.sendCommand(coordinator, command, { addressed: true });
      group.sendCommand(coordinator, "case", { payload: caseReference });
      group.sendCommand(mother, "status", { payload: caseReference });
      group.sendCommand(cousin, "mycases");
      for (const label of menuLabels) group.sendText(mother, label);
      for (const label of menuLabels) group.sendText(coordinator, label);
      // One deep-link line per command and for the marker, nothing for the menu buttons (plain text in a group is not for the bot).
      const expectedReplies = commands.length * 2 + 3 + 1;
      await sendMarker(group, cousin, expectedReplies);
      const replies = group.botMessages();
      expectNothingPersonal(replies);
      expect(replies).toHaveLength(expectedReplies);
      const allowedLines = ["fa", "en"].map((locale) => plain(bot.app.i18n.t(locale, "private-only-group", { link: deepLink() })));
      for (const reply of replies) expect(allowedLines).toContain(plain(reply.text));

      // A button from an old card and a forged one for the family's own case: a short answer, nothing shown.
      const oldCard = await bot.app.bot.api.sendMessage(group.id, "…", {
        reply_markup: { inline_keyboard: [[{ text: "Open", callback_data: `myc:view:${caseId}` }]] },
      });
      const answersBefore = mother.callbackAnswers().length;
      group.pressButton(mother, "Open");
      group.pressCallback(mother, replies[0]!.messageId, `myc:withdraw:${caseId}`);
      await waitUntil(() => mother.callbackAnswers().length === answersBefore + 2, 10_000, "two callback answers");
      for (const answer of mother.callbackAnswers().slice(answersBefore)) {
        expect(answer.text).toBe("این دکمه فقط در گفت‌وگوی خصوصی با ربات کار می‌کند.");
      }
      await sendMarker(group, cousin, expectedReplies + 2);
      expect(group.botMessages()).toHaveLength(expectedReplies + 2); // the old card and the marker's answer
      expect(group.transcript().find((m) => m.messageId === oldCard.message_id)?.edited).toBe(false);
      expectNothingPersonal(group.botMessages().filter((m) => m.messageId !== oldCard.message_id));

      // Only the deep-link lines went to the group; nothing went to anyone in private; nothing was stored.
      const calls = bot.emulator.calls.filter((c) => c.params.chat_id !== undefined);
      expect(new Set(calls.map((c) => c.method))).toEqual(new Set(["sendMessage"]));
      expect(calls.every((c) => c.params.chat_id === group.id)).toBe(true);
      expect(mother.transcript()).toHaveLength(motherPrivateBefore);
      expect(cousin.transcript()).toEqual([]);
      expect(await conversationCount()).toBe(conversationsBefore);
      expect(await userCount()).toBe(usersBefore);
      // The case itself is untouched by the forged "withdraw".
      mother.sendCommand("mycases");
      const list = await mother.waitForText("ثبت‌های شما");
      expect(list.inlineKeyboard?.flat().some((b) => b.text.includes(RELATIVE))).toBe(true);
    });
  }

  it("a mention of the bot or a reply to it gets the deep link; other chatter and other bots' commands get silence", async () => {
    const group = bot.emulator.createGroup({ type: "supergroup", members: [mother, coordinator], withBot: true });
    group.sendText(mother, "Good morning everyone");
    group.sendCommand(mother, "start@some_other_bot");
    group.sendText(coordinator, `Has anyone heard about ${RELATIVE}?`);
    group.mentionBot(mother, "hi");
    const [link] = await group.waitForReplies({ count: 1, timeoutMs: 10_000 });
    expect(plain(link!.text)).toContain(deepLink());
    expect(plain(link!.text)).toContain("فقط در گفت‌وگوی خصوصی");

    group.sendText(coordinator, "thanks", { replyTo: link!.messageId });
    const [second] = await group.waitForReplies({ count: 1, timeoutMs: 10_000 });
    expect(plain(second!.text)).toContain(deepLink());
    // In English for the coordinator, whose Telegram is in English.
    expect(plain(second!.text)).toContain("I work only in a private chat");
    expect(group.botMessages()).toHaveLength(2);
  });

  it("inline mode keeps working when someone types @bot in a group: it is not a chat message", async () => {
    mother.sendInlineQuery("", { chatType: "group" });
    const answer = await mother.waitForInlineAnswer({ timeoutMs: 10_000 });
    // No petition is open in this story: an empty, public answer; nothing personal either way.
    expect(answer.results).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain(RELATIVE);
  });

  it("the deep link opens the private chat with the usual greeting", async () => {
    const visitor = bot.emulator.createUser({ languageCode: "fa" });
    visitor.sendCommand("start", "from_group");
    const greeting = await visitor.waitForText("سلام");
    expect(greeting.replyKeyboard?.flat().length).toBeGreaterThan(0);
    expect(visitor.botMessages().map((m) => plain(m.text)).join("\n")).not.toContain(plain(bot.app.i18n.t("fa", "start-link-unknown")));
  });

  for (const type of ["group", "supergroup", "channel"] as const) {
    it(`added to a ${type}, the bot leaves at once and says nothing there`, async () => {
      const owner = bot.emulator.createUser({ firstName: "Owner", languageCode: "fa" });
      const group = bot.emulator.createGroup({ type, title: "Somewhere public", members: [owner] });
      const usersBefore = await userCount();
      bot.emulator.clearCalls();
      group.addBot(owner, { asAdministrator: type === "supergroup" });
      await group.waitForBotToLeave({ timeoutMs: 10_000 });
      await waitUntil(() => bot.emulator.callsOf("leaveChat").length > 0, 5_000, "leaveChat in the call log");
      expect(bot.emulator.callsOf("leaveChat").map((c) => [c.params.chat_id, c.ok])).toEqual([[group.id, true]]);
      // The bot's own "left" update is handled quietly too.
      await waitUntil(() => bot.emulator.pendingUpdateCount() === 0, 10_000, "no pending updates");
      expect(group.botMessages()).toEqual([]);
      expect(bot.emulator.callsOf("sendMessage")).toEqual([]);
      expect(await userCount()).toBe(usersBefore);
    });
  }

  it("private chats still work: the family sees its case, the coordinator opens it", async () => {
    mother.sendCommand("mycases");
    const list = await mother.waitForText("ثبت‌های شما");
    expect(list.inlineKeyboard?.flat().some((b) => b.text.includes(RELATIVE))).toBe(true);
    await press(mother, new RegExp(RELATIVE), RELATIVE_OTHER_NAME);

    coordinator.sendCommand("case", caseReference);
    await coordinator.waitForText("Families following this case: 1");
  });
});
