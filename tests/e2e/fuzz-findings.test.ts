import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { sampleRegistration } from "../support/fixtures.js";
import { openPetition } from "../support/petitions.js";
import { captureLogs } from "../support/logCapture.js";
import { waitUntil } from "../support/waitUntil.js";

// What the fuzz storm (tests/e2e/fuzz.test.ts) found, each as the one story that shows it.

const { logger, lines: logLines } = captureLogs("info");
const errorLines = () => logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

const ADMIN_ID = 6_139_000_001;
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ logger, adminIds: [ADMIN_ID] });
});
afterAll(() => bot?.stop());

/** A press of `data` on message `messageId` of the user's chat, which Telegram no longer has (deleted, or never there: forged). */
function pressOnMessageThatIsGone(user: EmulatedUser, messageId: number, data: string): void {
  const query = bot.emulator.state.queries.addCallbackQuery(user.id, messageId, data);
  bot.emulator.injectUpdate({
    callback_query: {
      id: query.id,
      from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: "en" },
      chat_instance: "1",
      message: { message_id: messageId, from: { id: 1, is_bot: true, first_name: "Bot" }, chat: { id: user.id, type: "private" }, date: 0, text: "?" },
      data,
    },
  });
}

/** A press Telegram would send for a button without callback data (a game button), on a message the user sees. */
function pressWithoutData(user: EmulatedUser, messageId: number): void {
  const query = bot.emulator.state.queries.addCallbackQuery(user.id, messageId, "");
  const message = bot.emulator.state.store.message(user.id, messageId)?.message;
  bot.emulator.injectUpdate({
    callback_query: { id: query.id, from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: "en" }, chat_instance: "1", message, game_short_name: "nogame" },
  });
}

describe("a press without callback data still stops its spinner", () => {
  it("on the menu and in the middle of a registration", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    const menu = await user.waitForText("Choose from the menu below.");
    pressWithoutData(user, menu.messageId);
    await waitUntil(() => user.callbackAnswers().length === 1, 5_000, "the press without data answered");

    user.sendCommand("register");
    const consent = await user.waitForText("Before we start, please read this.");
    pressWithoutData(user, consent.messageId);
    await waitUntil(() => user.callbackAnswers().length === 2, 5_000, "the press without data answered mid-way");
    expect(user.callbackAnswers().map((a) => a.text)).toEqual(["This button is no longer valid.", "This button is no longer valid."]);
    // The registration is where it was.
    await press(user, "✅ I agree, continue", "Who are you to the person you are looking for?");
  });
});

describe("a button on a message without a chat (an inline message) is not ours", () => {
  it("a press with any of our buttons' data is answered as expired, starts nothing and logs no error", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    await user.waitForText("Choose from the menu below.");
    // Data of real buttons: the registration's consent and resume, a signing step, the language, my data.
    const data = ["rgk:agree", "rgr:continue", "rgr:restart", "psn:full", "lang:en", "myd:send"];
    for (const [i, value] of data.entries()) {
      const query = bot.emulator.state.queries.addCallbackQuery(user.id, 0, value);
      bot.emulator.injectUpdate({
        callback_query: { id: query.id, from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: "en" }, chat_instance: "1", inline_message_id: `inline${i}`, data: value },
      });
    }
    await waitUntil(() => user.callbackAnswers().length === data.length, 10_000, "every press answered");
    expect(new Set(user.callbackAnswers().map((a) => a.text))).toEqual(new Set(["This button is no longer valid."]));
    expect(errorLines()).toEqual([]);
    // Nothing was started: /register begins at the consent screen.
    user.sendCommand("register");
    await user.waitForText("Before we start, please read this.");
  });
});

describe("a busy poller", () => {
  it("handles a burst from many chats without piling listeners on its signal (no MaxListenersExceededWarning)", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const crowd = Array.from({ length: 60 }, () => bot.emulator.createUser({ languageCode: "en" }));
      for (const user of crowd) user.sendCommand("help");
      await Promise.all(crowd.map((user) => user.waitForReply({ timeoutMs: 30_000 })));
      await bot.emulator.waitForQuiet({ quietMs: 1_500, timeoutMs: 30_000 });
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => w.startsWith("MaxListenersExceededWarning"))).toEqual([]);
  });
});

describe("a consent press on a message that cannot be edited", () => {
  it("agree goes on to the first question, and no error is logged", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("register");
    await user.waitForText("Before we start, please read this.");
    const errorsBefore = errorLines().length;
    pressOnMessageThatIsGone(user, 999_001, "rgk:agree");
    await user.waitForText("Who are you to the person you are looking for?");
    await waitUntil(() => user.callbackAnswers().length === 1, 5_000, "the press answered");
    expect(errorLines().slice(errorsBefore)).toEqual([]);
  });

  it("decline says that nothing was stored, and no error is logged", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("register");
    await user.waitForText("Before we start, please read this.");
    const errorsBefore = errorLines().length;
    pressOnMessageThatIsGone(user, 999_002, "rgk:decline");
    await user.waitForText("Nothing was stored. You can register later from the menu.");
    await waitUntil(() => user.callbackAnswers().length === 1, 5_000, "the press answered");
    await bot.emulator.waitForQuiet();
    expect(errorLines().slice(errorsBefore)).toEqual([]);
  });
});

describe("a button whose message is gone still reports what it did", () => {
  it("a family confirms withdrawing her case from a confirmation that cannot be edited: she reads that it was withdrawn", async () => {
    const family = bot.emulator.createUser({ languageCode: "en" });
    family.sendCommand("start");
    await family.waitForText("Choose from the menu below.");
    await bot.app.services.cases.register({ userId: family.id, locale: "en", draft: sampleRegistration({ fullName: "Kaveh Goneconfirm", familyProvince: "fars" }), consentAt: new Date() });
    family.sendCommand("mycases");
    await family.waitForText("Your registrations (1)");
    await press(family, /^Kaveh Goneconfirm/, "Case");
    const confirm = await (async () => {
      family.pressButton("🗑 Withdraw and delete");
      return family.waitForText("Withdraw the registration of");
    })();
    const yes = confirm.inlineKeyboard!.flat().find((b) => b.text === "Yes, withdraw and delete")!.callbackData!;
    const errorsBefore = errorLines().length;
    // The same press, arriving for a message Telegram no longer has (deleted meanwhile).
    pressOnMessageThatIsGone(family, 999_100, yes);
    await family.waitForText("was withdrawn and what you told us was deleted.");
    await bot.emulator.waitForQuiet();
    expect(errorLines().slice(errorsBefore)).toEqual([]);
    expect(family.botMessages().filter((m) => m.text?.startsWith("Sorry"))).toEqual([]);
  });
});

describe("an invitation cancelled from a role question that cannot be edited", () => {
  it("the coordinator reads that it was cancelled, and no error is logged", async () => {
    const admin = bot.emulator.createUser({ id: ADMIN_ID, languageCode: "en" });
    admin.sendCommand("invite");
    const question = await admin.waitForText("Which role should the invitation grant?");
    const cancel = question.inlineKeyboard!.flat().find((b) => b.callbackData?.endsWith(":cancel"))!.callbackData!;
    const errorsBefore = errorLines().length;
    pressOnMessageThatIsGone(admin, 999_200, cancel);
    await admin.waitForText("Invitation cancelled.");
    await bot.emulator.waitForQuiet();
    expect(errorLines().slice(errorsBefore)).toEqual([]);
  });
});

describe("a signer whose step's message is gone signs on", () => {
  it("'Without a name' pressed for a message Telegram no longer has: the next question comes, no error is logged", async () => {
    const ref = await openPetition(bot.app.services.petitions, { userId: ADMIN_ID });
    const signer = bot.emulator.createUser({ languageCode: "en" });
    signer.sendCommand("start", `p_${ref}`);
    const card = await signer.waitForText("Let them call home");
    const question = await (async () => {
      signer.pressButton("✍️ Sign", { messageId: card.messageId });
      return signer.waitForText("How should your name appear");
    })();
    const anonymous = question.inlineKeyboard!.flat().find((b) => b.text === "👤 Without a name")!.callbackData!;
    const errorsBefore = errorLines().length;
    pressOnMessageThatIsGone(signer, 999_300, anonymous);
    await signer.waitForText("You will sign without a name.");
    await signer.waitForText("Which province do you live in?");
    await press(signer, "🌍 I live outside Iran", "In which country do you live?");
    expect(errorLines().slice(errorsBefore)).toEqual([]);
  });
});
