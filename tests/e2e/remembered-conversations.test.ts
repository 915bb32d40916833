// A polling process is the only writer of chats' conversation state (Telegram serves one poller):
// it remembers what it last wrote, so a conversation's next step reads nothing back
// (db/conversationStorage.ts). A second poller (Telegram answers 409) ends that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { refOf } from "../support/userRefs.js";
import { awayFromMinuteTicks, waitUntil } from "../support/waitUntil.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ config: { DATABASE_COMMAND_COUNTS: true } });
});
afterAll(async () => {
  await bot?.stop();
});

/** Reads of conversation state so far: finds over the conversations' connections. */
async function conversationReads(): Promise<number> {
  const times = (await (await fetch(`${bot.app.httpUrl}/metrics/database-time`)).json()) as Record<string, { count: number }>;
  return Object.entries(times)
    .filter(([name]) => name.startsWith("conversations") && name.endsWith("/find"))
    .reduce((sum, [, { count }]) => sum + count, 0);
}

describe("conversation state remembered by a polling bot", () => {
  it("a mother's registration steps read nothing back: each step's state is the one this process wrote", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    mother.sendCommand("register");
    await mother.waitForText("Before we start, please read this.");
    // The hourly jobs over stored conversations (reminders, idle ones dropped) read them too, at a minute's start.
    await awayFromMinuteTicks();
    const before = await conversationReads();
    await press(mother, "✅ I agree, continue", "Who are you to the person you are looking for?");
    await press(mother, "I am the mother", "What is their full name?");
    mother.sendText("Reza Karimi");
    await mother.waitForText("Other spellings");
    expect(await conversationReads()).toBe(before);
    // And what it remembers is what is stored: the same state, read by any other process.
    const key = `conv:${refOf(mother.id)}`;
    const remembered = await bot.app.conversations.read(key);
    bot.app.conversations.forgetRemembered();
    expect(await bot.app.conversations.read(key)).toEqual(remembered);
  }, 30_000);

  it("after a 409 (another process polls with the token), what it remembered is not relied on: it reads again", async () => {
    const sister = bot.emulator.createUser({ languageCode: "en" });
    sister.sendCommand("register");
    await sister.waitForText("Before we start, please read this.");
    await bot.emulator.waitForQuiet();
    await awayFromMinuteTicks();
    const key = `conv:${refOf(sister.id)}`;
    const reads = await conversationReads();
    await bot.app.conversations.read(key);
    expect(await conversationReads()).toBe(reads);
    // Another poller: its getUpdates ends the bot's long poll with 409.
    await waitUntil(
      async () => {
        await fetch(`${bot.emulator.apiRoot}/bot${bot.emulator.token}/getUpdates?timeout=0&limit=1&offset=-1`);
        const before = await conversationReads();
        await bot.app.conversations.read(key);
        return (await conversationReads()) > before;
      },
      10_000,
      "the bot's long poll answered 409",
    );
    // She carries on, her place read from the database.
    await press(sister, "✅ I agree, continue", "Who are you to the person you are looking for?");
  }, 30_000);
});
