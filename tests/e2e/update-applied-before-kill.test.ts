// Found by tests/e2e/chaos-kill.test.ts: a process killed after it saved a chat's conversation but
// before it marked the update done left the update to be taken over and replayed — into a
// conversation that had already moved on, so the answer to one question became the answer to the
// next (a birth year stored as the year they left). The state now names the updates it holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { waitUntil } from "../support/waitUntil.js";

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
    await waitUntil(async () => (await app.models.processedUpdates.findById(nameUpdate).lean())?.state === "done", 5_000, "the name handled");
    const questionsBefore = sister.botMessages().length;

    // As a process killed right after saving her conversation leaves it: the claim still `processing`,
    // its owner gone (no heartbeat). The next process receives the update again (it was never confirmed).
    app = await bot.restart();
    await app.models.processedUpdates.updateOne({ _id: nameUpdate }, { $set: { state: "processing", owner: "killed-process" } }).exec();
    emulator.injectUpdate({ update_id: nameUpdate, message: messageOf(sister.id, "Reza Karimi") });
    await waitUntil(async () => (await app.models.processedUpdates.findById(nameUpdate).lean())?.owner !== "killed-process", 10_000, "the update taken over");
    await emulator.waitForQuiet();
    expect(await app.models.processedUpdates.findById(nameUpdate).lean()).toMatchObject({ state: "done" });
    // Nothing new was asked: the name did not become the answer to "Other spellings".
    expect(sister.botMessages()).toHaveLength(questionsBefore);

    await press(sister, "⏭ Skip", "a man or a woman");
    await press(sister, "Man", "In which year were they born?");
    const texts = sister.botMessages().map((message) => plain(message.text));
    expect(texts.filter((text) => text.includes("a man or a woman"))).toHaveLength(1);
    expect(texts.filter((text) => text.includes("Other spellings"))).toHaveLength(1);
  });
});

function messageOf(userId: number, text: string): Record<string, unknown> {
  const stored = bot.emulator.state.store.visibleMessages(userId).find((message) => message.from === "user" && message.message.text === text);
  if (!stored) throw new Error(`no message "${text}" from ${userId}`);
  return stored.message;
}
