import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Models } from "../../src/db/models/index.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { HEARTBEAT_TTL_MS } from "../../src/services/instanceHeartbeat.js";
import { plain } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { startRegistration } from "../support/registrationSteps.js";
import { exited, openBotProcessWorld, type BotProcessWorld } from "../support/botProcess.js";
import { waitUntil } from "../support/waitUntil.js";
import { updateDone } from "../support/updateClaims.js";

let world: BotProcessWorld;
let emulator: TelegramEmulator;
let models: Models;

beforeAll(async () => {
  world = await openBotProcessWorld();
  ({ emulator, models } = world);
});
afterAll(() => world?.close());

/** A person's pace (the real process keeps its flood limit of 12 updates in 3 s). */
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("the bot process dies in the middle of an update", () => {
  it("a sister types her brother's name, the bot is killed (kill -9) while asking the next question and restarted at once: she gets that question exactly once, and one case is saved", async () => {
    let bot = world.startBot();
    const sister = emulator.createUser({ firstName: "Mina", languageCode: "en" });
    sister.sendCommand("start");
    await sister.waitForText("Hello.", { timeoutMs: 30_000 });
    await startRegistration(sister);
    await press(sister, "I am the sister", "What is their full name?");

    // Telegram holds the bot's next message: the process is now in the middle of handling her answer.
    emulator.setFaults({ timeoutRate: 1, timeoutMs: 120_000 });
    const nameUpdate = sister.sendText("Reza Karimi");
    await waitUntil(() => emulator.callsOf("sendMessage").some((call) => call.description?.startsWith("emulated timeout")), 10_000, "reply held in flight");
    expect(await models.processedUpdates.findById(nameUpdate).lean()).toMatchObject({ state: "processing" });
    const killedOwner = (await models.processedUpdates.findById(nameUpdate).lean())!.owner;
    bot.kill("SIGKILL");
    await exited(bot);
    emulator.setFaults({ timeoutRate: 0 });

    const restartedAt = Date.now();
    bot = world.startBot();
    await sister.waitForText("Other spellings", { timeoutMs: 30_000 });
    const recoveryMs = Date.now() - restartedAt;
    // The killed process ran on this machine and its pid is gone, so its claim is taken at once (processIdentity.ts);
    // the bound is what a process elsewhere would need: its heartbeat gone stale (HEARTBEAT_TTL_MS), then one poll retry.
    expect(recoveryMs).toBeLessThan(HEARTBEAT_TTL_MS + 8_000);
    console.info(`crash recovery: the held update was handled ${recoveryMs} ms after the restart`);
    await waitUntil(() => updateDone(models, nameUpdate), 5_000, "update marked done");
    const claim = await models.processedUpdates.findById(nameUpdate).lean();
    expect(claim!.owner).not.toBe(killedOwner);

    // She carries on where she was; nothing was asked twice.
    await pause();
    await press(sister, "⏭ Skip", "a man or a woman");
    await pause();
    await press(sister, "Man", "In which year were they born?");
    await pause();
    await answer(sister, "1962", "In which year did they leave");
    await pause();
    await answer(sister, "1982", "From where did they leave");
    await pause();
    await press(sister, "⏭ Skip", "Where do you believe they are now?");
    await pause();
    await press(sister, "I do not know", "If you have a photo");
    await pause();
    await press(sister, "⏭ Skip", "anything else that could help");
    await pause();
    await press(sister, "⏭ Skip", "In which province do you live?");
    await pause();
    await press(sister, "Fars", "In which city or town?");
    await pause();
    await press(sister, "⏭ Skip", "last have any contact");
    await pause();
    await press(sister, "⏭ Skip", "How was that last contact?");
    await pause();
    await press(sister, "A letter", "How would you like the association to reach you?");
    await pause();
    sister.pressButton("Here in Telegram");
    const summary = plain((await sister.waitForText("Please check your answers.")).text);
    expect(summary).toContain("Reza Karimi");
    await pause();
    await press(sister, "✅ Save", "saved");

    const texts = sister.botMessages().map((m) => plain(m.text));
    expect(texts.filter((t) => t.includes("What is their full name?"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("Other spellings"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("Please check your answers."))).toHaveLength(1);
    expect(await models.cases.countDocuments({})).toBe(1);

    // A graceful stop removes the heartbeat, so the next start need not wait for it to go stale.
    const heartbeat = `instance:${claim!.owner}`;
    expect(await models.leases.countDocuments({ _id: heartbeat })).toBe(1);
    bot.kill("SIGTERM");
    expect(await exited(bot)).toBe(0);
    expect(await models.leases.countDocuments({ _id: heartbeat })).toBe(0);
  }, 120_000);
});
