// Found by tests/e2e/chaos-kill.test.ts: a process killed after it saved a chat's conversation but
// before it marked the update done left the update to be taken over and replayed — into a
// conversation that had already moved on, so the answer to one question became the answer to the
// next (a birth year stored as the year they left). The state now names the updates it holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERSATIONS_COLLECTION } from "../../src/db/models/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { refOf } from "../support/userRefs.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";
import { updateDone } from "../support/updateClaims.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot?.stop());

describe("an answer saved by a process that was killed before it marked the update done", () => {
  it("is not applied a second time when the update is taken over: the next question still waits for its own answer", async () => {
    const { emulator } = bot;
    let app = bot.app;
    const sister = emulator.createUser({ firstName: "Mina", languageCode: "en" });
    await startRegistration(sister);
    await press(sister, "I am the sister", "What is their full name?");
    const nameUpdate = sister.sendText("Reza Karimi");
    await sister.waitForText("Other spellings");
    await waitUntil(() => updateDone(app.models, nameUpdate), 5_000, "the name handled");
    const questionsBefore = sister.botMessages().length;

    // As a process killed right after saving her conversation leaves it: the claim still `processing`,
    // its owner gone (no heartbeat). The next process receives the update again (it was never confirmed).
    app = await bot.restart();
    await app.models.processedUpdates.updateOne({ _id: nameUpdate }, { $set: { state: "processing", owner: "killed-process" } }).exec();
    await app.models.updateCompletions.deleteOne({ _id: nameUpdate }).exec();
    emulator.injectUpdate({ update_id: nameUpdate, message: messageOf(sister.id, "Reza Karimi") });
    await waitUntil(async () => (await app.models.processedUpdates.findById(nameUpdate).lean())?.owner !== "killed-process", 10_000, "the update taken over");
    await emulator.waitForQuiet();
    expect(await updateDone(app.models, nameUpdate)).toBe(true);
    // Nothing new was asked: the name did not become the answer to "Other spellings".
    expect(sister.botMessages()).toHaveLength(questionsBefore);

    await press(sister, "⏭ Skip", "a man or a woman");
    await press(sister, "Man", "In which year were they born?");
    const texts = sister.botMessages().map((message) => plain(message.text));
    expect(texts.filter((text) => text.includes("a man or a woman"))).toHaveLength(1);
    expect(texts.filter((text) => text.includes("Other spellings"))).toHaveLength(1);
  });
});

describe("a press handled by a process killed before it saved the conversation", () => {
  it("is handled again: the edit it repeats finds the message edited already, and the next question comes (again) instead of an error", async () => {
    const { emulator, app } = bot;
    const brother = emulator.createUser({ firstName: "Arash", languageCode: "en" });
    brother.sendCommand("register");
    await brother.waitForText("Before we start, please read this.");
    const consent = brother.botMessages().at(-1)!;
    const agree = consent.inlineKeyboard!.flat().find((button) => button.text === "✅ I agree, continue")!.callbackData!;
    const conversations = app.connection.db!.collection(CONVERSATIONS_COLLECTION);
    const key = { key: `conv:${refOf(brother.id)}` };
    // Saved once the /register update is finished (just after its reply).
    const beforeThePress = await waitFor(() => conversations.findOne(key), (doc) => doc !== null, 5_000, "the conversation saved");

    const pressed = brother.pressCallback(consent.messageId, agree);
    await brother.waitForText("Who are you to the person you are looking for?");
    await waitUntil(() => updateDone(app.models, pressed), 5_000, "the press handled");
    // The process that did this (the consent's buttons removed, the first question sent) was killed
    // before it saved the conversation: the state is still the one from before the press.
    await conversations.replaceOne(key, beforeThePress!);
    // The process that gets the press again was started afresh: it remembers nothing of the chat.
    app.conversations.forgetRemembered();
    brother.pressCallback(consent.messageId, agree);

    await brother.waitForText("Who are you to the person you are looking for?");
    await emulator.waitForQuiet();
    const texts = brother.botMessages().map((message) => plain(message.text));
    expect(texts.filter((text) => text.includes("went wrong"))).toEqual([]);
    expect(texts.filter((text) => text.includes("Who are you to the person you are looking for?"))).toHaveLength(2);
    await press(brother, "I am the brother", "What is their full name?");
  });
});

function messageOf(userId: number, text: string): Record<string, unknown> {
  const stored = bot.emulator.state.store.visibleMessages(userId).find((message) => message.from === "user" && message.message.text === text);
  if (!stored) throw new Error(`no message "${text}" from ${userId}`);
  return stored.message;
}
