import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Models } from "../../src/db/models/index.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { plain, startTestBot } from "../support/botHarness.js";
import { answer } from "../support/chatSteps.js";
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

/** The offsets the bot confirmed to Telegram since `from` calls ago (a getUpdates offset confirms everything below it). */
const confirmedOffsetsSince = (from: number): number[] =>
  emulator
    .callsOf("getUpdates")
    .slice(from)
    .map((call) => Number((call.params as { offset?: number }).offset ?? 0));

describe("one slow chat never stalls the others", () => {
  it("a mother's reply hangs on her slow connection; a father asks meanwhile and is answered at once; the bot is killed, and after the restart she gets her answer once and he none twice", async () => {
    let bot = world.startBot();
    const mother = emulator.createUser({ firstName: "Parvin", languageCode: "en" });
    const father = emulator.createUser({ firstName: "Hamid", languageCode: "en" });
    // The process starts (tsx compiles src/ first: seconds on a busy machine) before the first answer.
    mother.sendCommand("start");
    await mother.waitForText("Hello.", { timeoutMs: 30_000 });
    await answer(father, "/start", "Hello.");

    // Telegram holds every message to the mother: her chat is now slow.
    emulator.setFaults({ heldChatIds: [mother.id] });
    const pollsBefore = emulator.callsOf("getUpdates").length;
    const motherAsks = mother.sendCommand("help");
    await waitUntil(() => emulator.callsOf("getUpdates").slice(pollsBefore).some((call) => Number((call.params as { offset?: number }).offset) === motherAsks), 10_000, "her update fetched");

    // The father is not kept waiting behind her.
    const askedAt = Date.now();
    const fatherAsks = father.sendCommand("help");
    await father.waitForText("register a missing relative", { timeoutMs: 10_000 });
    const answeredInMs = Date.now() - askedAt;
    expect(answeredInMs).toBeLessThan(3_000);
    console.info(`slow chat: the other family was answered in ${answeredInMs} ms while one reply was held`);
    expect(mother.botMessages().filter((m) => plain(m.text).includes("register a missing relative"))).toHaveLength(0);

    // Nothing past her unfinished update was confirmed, although the bot fetched on: his handled update is still pending too.
    expect(fatherAsks).toBeGreaterThan(motherAsks);
    await waitUntil(() => emulator.callsOf("getUpdates").length > pollsBefore + 3, 5_000, "the bot keeps polling");
    expect(Math.max(...confirmedOffsetsSince(pollsBefore))).toBe(motherAsks);
    expect(emulator.pendingUpdateCount()).toBe(2);
    await waitUntil(() => updateDone(models, fatherAsks), 5_000, "his update recorded as handled");
    expect(await models.processedUpdates.findById(motherAsks).lean()).toMatchObject({ state: "processing" });
    expect(await updateDone(models, motherAsks)).toBe(false);

    // The process dies with her reply still in flight.
    bot.kill("SIGKILL");
    await exited(bot);
    // Telegram sees the dead process's request go away: that reply is never delivered.
    await waitUntil(() => emulator.callsOf("sendMessage").some((call) => call.description?.startsWith("emulated hold: the client went away")), 5_000, "held reply abandoned");
    emulator.setFaults({ heldChatIds: [] });
    expect(mother.botMessages().filter((m) => plain(m.text).includes("register a missing relative"))).toHaveLength(0);

    // After the restart she is answered (once the dead process's claim is stale), and he is not answered twice.
    bot = world.startBot();
    await mother.waitForText("register a missing relative", { timeoutMs: 40_000 });
    await waitUntil(() => emulator.pendingUpdateCount() === 0, 10_000, "both updates confirmed");
    expect(mother.botMessages().filter((m) => plain(m.text).includes("register a missing relative"))).toHaveLength(1);
    expect(father.botMessages().filter((m) => plain(m.text).includes("register a missing relative"))).toHaveLength(1);

    bot.kill("SIGTERM");
    await exited(bot);
  }, 120_000);
});

describe("Telegram asks the bot to wait longer than a reply may wait", () => {
  it("a brother taps /help twice; the second answer would have to wait 10 s, so the handler ends at once, and after the wait he is told calmly to try again", async () => {
    const bot = await startTestBot({ emulator: { limits: { perChatPerSecond: 0.1, perChatBurst: 1, globalPerSecond: 1000 } } });
    try {
      const brother = bot.emulator.createUser({ firstName: "Kian", languageCode: "en" });
      const sister = bot.emulator.createUser({ firstName: "Sara", languageCode: "en" });
      await answer(brother, "/help", "register a missing relative");
      const askedAt = Date.now();
      brother.sendCommand("help");
      await waitUntil(() => bot.emulator.callsOf("sendMessage").some((call) => call.errorCode === 429), 5_000, "the second reply refused with a 429");
      // His chat is not kept busy for the 10 s: his sister is answered meanwhile.
      await answer(sister, "/help", "register a missing relative");
      expect(Date.now() - askedAt).toBeLessThan(5_000);
      const calm = await brother.waitForText("Please try again.", { timeoutMs: 20_000 });
      expect(Date.now() - askedAt).toBeGreaterThanOrEqual(9_000);
      expect(plain(calm.text)).toContain("Nothing you sent was lost");
      expect(brother.botMessages().filter((m) => plain(m.text).includes("register a missing relative"))).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
