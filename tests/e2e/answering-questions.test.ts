import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { waitUntil } from "../support/waitUntil.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { systemClock } from "../../src/clock.js";
import { createConversationStorage } from "../../src/db/conversationStorage.js";
import { CONVERSATION_STEPS_VERSION, openConversationNames, type StoredConversations } from "../../src/bot/features/idleConversations/index.js";

// Every question of every conversation is asked the same way (src/bot/ask.ts) and every button is
// unpacked the same way (src/bot/buttons.ts): these stories hold for all of them.

const COORDINATOR_ID = 930001;
const EXPIRED = "This button is no longer valid.";
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ adminIds: [COORDINATOR_ID] });
});
afterAll(() => bot?.stop());

/** Waits for the next answer to a button press and returns its text. */
async function nextCallbackAnswer(user: EmulatedUser, before: number): Promise<string | undefined> {
  await waitUntil(() => user.callbackAnswers().length > before, 5_000, "the press answered");
  return user.callbackAnswers().at(-1)?.text;
}

describe("a question waits for its answer, whatever else arrives", () => {
  it("a father who presses an old button, sends a sticker and looks at his registrations mid-way keeps his place and his answers", async () => {
    const father = bot.emulator.createUser({ languageCode: "en" });
    father.sendCommand("register");
    await father.waitForText("Before we start, please read this.");
    await press(father, "✅ I agree, continue", "Who are you to the person you are looking for?");
    await press(father, "I am the father", "What is their full name?");
    await answer(father, "Bahram Sadeghi", "Other spellings");

    // The relation question's button is still on the screen: it is old now, and says so.
    const shown = father.botMessages().length;
    let answers = father.callbackAnswers().length;
    father.pressButton("I am the mother");
    expect(await nextCallbackAnswer(father, answers)).toBe(EXPIRED);

    // A sticker where text is asked: what is wanted, and the same question again.
    father.sendSticker();
    await father.waitForText("Please write your answer as a message.");
    await father.waitForText("Other spellings");

    // A command mid-way is handled by its feature; the registration keeps waiting.
    father.sendCommand("mycases");
    await father.waitForText("You have not registered anyone yet.");
    expect(father.botMessages().slice(shown).map((m) => plain(m.text))).toEqual([
      "Please write your answer as a message.",
      expect.stringContaining("Other spellings"),
      expect.stringContaining("You have not registered anyone yet."),
    ]);

    // A choice meant for an earlier question is refused the same way as any old button.
    await answer(father, "Bahram Sadeghi-Tabrizi", "a man or a woman");
    answers = father.callbackAnswers().length;
    father.pressCallback(father.lastBotMessage()!.messageId, "rgc:relation:father");
    expect(await nextCallbackAnswer(father, answers)).toBe(EXPIRED);

    await press(father, "Man", "In which year were they born?");
    await answer(father, "1960", "In which year did they leave");
    await answer(father, "1981", "From where did they leave");
    await press(father, "⏭ Skip", "Where do you believe they are now?");
    await press(father, "I do not know", "If you have a photo");
    await press(father, "⏭ Skip", "anything else");
    await press(father, "⏭ Skip", "In which province");
    await press(father, "Tehran", "In which city");
    await press(father, "⏭ Skip", "last have any contact");
    await press(father, "⏭ Skip", "How was that last contact?");
    await press(father, "No contact at all", "How would you like");
    await press(father, "Here in Telegram", "Please check your answers.");
    const summary = plain(father.lastBotMessage()?.text);
    expect(summary).toContain("Name: Bahram Sadeghi");
    expect(summary).toContain("Other names: Bahram Sadeghi-Tabrizi");
    expect(summary).toContain("I am the father");
  });

  it("a coordinator composing news who types instead of pressing is told to use the buttons; an old audience button does nothing", async () => {
    const coordinator = bot.emulator.createUser({ id: COORDINATOR_ID, languageCode: "en" });
    coordinator.sendCommand("broadcast");
    await coordinator.waitForText("Who should receive this message?");
    await answer(coordinator, "families please", "Please choose one of the buttons.");
    await press(coordinator, "🗣 Families who read a language", "Which language?");

    const answers = coordinator.callbackAnswers().length;
    coordinator.pressButton("📁 Families whose case has a status");
    expect(await nextCallbackAnswer(coordinator, answers)).toBe(EXPIRED);

    await press(coordinator, "English", "All provinces, or choose some");
    await press(coordinator, "🌐 All provinces", "Send the message in");
    await answer(coordinator, "A meeting on Friday.", "Send the");
    await press(coordinator, "✖️ Cancel", "Discarded. Nothing was sent.");
  });
});

describe("a button outside any conversation", () => {
  it("a forged or stale button of a feature gets the one answer and shows nothing", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    mother.sendCommand("start");
    const greeting = await mother.waitForReply();
    const shown = mother.botMessages().length;
    for (const forged of ["myc:view:not-an-id", "myd:print", "pv:" + "x".repeat(40), "lang:"]) {
      const answers = mother.callbackAnswers().length;
      mother.pressCallback(greeting.messageId, forged);
      expect(await nextCallbackAnswer(mother, answers)).toBe(EXPIRED);
    }
    mother.sendCommand("mycases");
    await mother.waitForText("You have not registered anyone yet.");
    expect(mother.botMessages().length).toBe(shown + 1);
  });
});

describe("a conversation stored by an older version of the bot", () => {
  it("a mother half way through registering when the bot was updated is told once that it was cleared, and starts again", async () => {
    const mother = bot.emulator.createUser({ languageCode: "fa" });
    mother.sendCommand("register");
    await mother.waitForText("پیش از شروع، لطفاً این را بخوانید.");
    await press(mother, "✅ موافقم، ادامه", "مرحلهٔ ۱ از ۱۴");
    await press(mother, "مادرش هستم", "نام کامل او چیست؟");

    // Her place was stored by the steps of an older release: the same log, an older version.
    const store = createConversationStorage<StoredConversations>(bot.app.connection, { cipher: testCipher, clock: systemClock, namesOf: openConversationNames });
    const key = `conv:${refOf(mother.id)}`;
    await bot.emulator.waitForQuiet(); // her last answer handled and her place stored
    const stored = await store.read(key);
    if (!stored || !("state" in stored)) throw new Error("no conversation stored");
    expect(stored.state.version[1]).toBe(CONVERSATION_STEPS_VERSION);
    await store.write(key, { ...stored.state, version: [stored.state.version[0], CONVERSATION_STEPS_VERSION - 1] });
    // The new release is a new process: it remembers nothing of her chat.
    bot.app.conversations.forgetRemembered();

    mother.sendText("امیر حسن‌زاده");
    const told = plain((await mother.waitForText("ربات به‌روز شد")).text);
    expect(told).toContain("هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد");
    expect(await store.read(key)).toBeUndefined();

    // Told once; /register starts from the beginning.
    mother.sendCommand("register");
    await mother.waitForText("پیش از شروع، لطفاً این را بخوانید.");
    expect(mother.botMessages().filter((m) => plain(m.text).includes("ربات به‌روز شد"))).toHaveLength(1);
  });
});
