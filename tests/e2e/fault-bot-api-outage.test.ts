// Issue #13, faults: Telegram's Bot API (the emulator) stops answering for 30 s, then answers with a
// 429 storm. The bot does not crash or busy-loop, obeys every retry_after, and handles every update
// the families sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { captureLogs } from "../support/logCapture.js";
import { startRegistration } from "../support/registrationSteps.js";
import { helpCommandUpdate, unreachableWebhook, webhookHeaders } from "../support/webhookUpdates.js";
import { waitUntil } from "../support/waitUntil.js";
import { updateDone } from "../support/updateClaims.js";

const SILENCE_MS = 30_000;
const HELP = "/cancel – stop";
const STORM = { rate: 0.5, retryAfterSeconds: 2 };

const helpAnswers = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(HELP)).length;

describe("the Bot API is silent for 30 s, then storms with 429s", () => {
  let bot: TestBot;
  const logs = captureLogs("warn");
  beforeAll(async () => {
    bot = await startTestBot({ logger: logs.logger, emulator: { faults: { seed: 13 } } });
  });
  afterAll(() => bot?.stop());

  it("keeps polling with a bounded backoff, obeys every retry_after, and answers every message exactly once", async () => {
    const { emulator } = bot;
    const families = Array.from({ length: 6 }, () => emulator.createUser({ languageCode: "en" }));
    for (const user of families) {
      user.sendCommand("start");
      await user.waitForText("Hello.");
    }
    const [caught, early, late, ...stormy] = families as [EmulatedUser, EmulatedUser, EmulatedUser, ...EmulatedUser[]];
    const sister = emulator.createUser({ languageCode: "en" });
    await startRegistration(sister);
    await press(sister, "I am the sister", "What is their full name?");

    // A father's /help and a sister's answer are being answered when Telegram goes silent: the
    // replies are held, then their connections dropped.
    emulator.setFaults({ heldChatIds: [caught.id, sister.id] });
    const inFlight = [caught.sendCommand("help"), sister.sendText("Reza Karimi")];
    const beingHandled = async (updateId: number) => (await bot.app.models.processedUpdates.findById(updateId).lean())?.state === "processing";
    for (const updateId of inFlight) await waitUntil(() => beingHandled(updateId), 5_000, "replies in flight");
    const silenceStarts = Date.now();
    emulator.setFaults({ unreachable: "reset", heldChatIds: [] });

    // Families write during the silence: nothing reaches the bot, and nothing is lost.
    early.sendCommand("help");
    await waitUntil(() => Date.now() - silenceStarts >= SILENCE_MS / 2, SILENCE_MS, "half the silence");
    late.sendCommand("help");
    early.sendCommand("help");
    await waitUntil(() => Date.now() - silenceStarts >= SILENCE_MS, SILENCE_MS, "the 30 s of silence");
    const duringSilence = emulator.calls.filter((call) => call.at >= silenceStarts);
    const getUpdatesDuringSilence = duringSilence.filter((call) => call.method === "getUpdates").length;

    // Telegram answers again, with a storm: half the sends are refused with retry_after 2 s.
    const stormStarts = Date.now();
    emulator.setFaults({ unreachable: null, floodStorm: STORM });
    for (const user of stormy) user.sendCommand("help");
    await waitUntil(
      () => helpAnswers(caught) === 1 && helpAnswers(early) === 2 && helpAnswers(late) === 1 && stormy.every((user) => helpAnswers(user) === 1),
      40_000,
      "every /help answered",
    );
    emulator.setFaults({ floodStorm: null });
    await emulator.waitForQuiet();

    // The sister's reply was sent again once Telegram answered: her registration goes on from her answer.
    await sister.waitForText("Other spellings", { timeoutMs: 10_000 });
    await press(sister, "⏭ Skip", "a man or a woman", { timeoutMs: 10_000 });
    await emulator.waitForQuiet();

    // Exactly once each: none lost, none twice.
    expect([caught, early, late, ...stormy].map(helpAnswers)).toEqual([1, 2, 1, 1, 1, 1]);
    expect(emulator.pendingUpdateCount()).toBe(0);
    // No busy loop: a handful of getUpdates in 30 s (the poller's backoff doubles up to 10 s).
    expect(getUpdatesDuringSilence).toBeGreaterThanOrEqual(3);
    expect(getUpdatesDuringSilence).toBeLessThanOrEqual(12);
    // And no long deafness: the waits between tries stay under the poller's 10 s cap (auto-retry's own
    // backoff, doubling up to an hour, is not used for getUpdates), so the bot hears again soon after.
    const polls = emulator.callsOf("getUpdates").filter((call) => call.at >= silenceStarts);
    const firstAnswered = polls.findIndex((call) => call.ok);
    const gaps = polls.slice(1, firstAnswered + 1).map((call, i) => call.at - polls[i]!.at);
    expect(Math.max(...gaps)).toBeLessThan(12_500);
    // Every 429 of the storm was obeyed: no call for that chat came before its retry_after was over.
    const stormCalls = emulator.calls.filter((call) => call.at >= stormStarts);
    const refused = stormCalls.filter((call) => call.errorCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(stormCalls.filter((call) => call.retryAfterViolationMs !== undefined)).toEqual([]);
    // Nothing failed past the error boundary, no user was told "something went wrong".
    expect(logs.lines.some((line) => line.includes("update failed outside the error boundary") || line.includes("handler failed"))).toBe(false);
    for (const user of [...families, sister]) expect(user.botMessages().some((m) => /went wrong|try again|start that step again/i.test(plain(m.text)))).toBe(false);
    expect(sister.botMessages().filter((m) => plain(m.text).includes("Other spellings"))).toHaveLength(1);
  }, 90_000);
});

describe("a reply that fails past its retry budget (here: none)", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ overrides: { replyOutageBudgetMs: 0 } });
  });
  afterAll(() => bot?.stop());

  it("polling: the update is fetched again after a backoff and answered once Telegram is back", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    await answer(user, "/start", "Hello.");
    bot.emulator.setFaults({ heldChatIds: [user.id] });
    const asked = user.sendCommand("help");
    await waitUntil(async () => (await bot.app.models.processedUpdates.findById(asked).lean())?.state === "processing", 5_000, "the reply in flight");
    bot.emulator.setFaults({ unreachable: "reset", heldChatIds: [] });
    await waitUntil(async () => (await bot.app.models.processedUpdates.findById(asked).lean()) === null, 5_000, "the update given back");
    bot.emulator.setFaults({ unreachable: null });
    await user.waitForText(HELP, { timeoutMs: 15_000 });
    await bot.emulator.waitForQuiet();
    expect(helpAnswers(user)).toBe(1);
    expect(await updateDone(bot.app.models, asked)).toBe(true);
  });
});

describe("webhook mode while the Bot API is down", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ config: { webhook: unreachableWebhook }, overrides: { replyOutageBudgetMs: 0 } });
  });
  afterAll(() => bot?.stop());

  it("answers 503 when the reply cannot be sent, so Telegram delivers the update again, and handles it once when it does", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start"); // opens the chat in the emulator; the webhook URL itself is unreachable
    const post = () => fetch(`${bot.app.httpUrl}/telegram/webhook`, { method: "POST", headers: webhookHeaders, body: JSON.stringify(helpCommandUpdate(900001, user.id)) });

    bot.emulator.setFaults({ unreachable: "reset" });
    expect((await post()).status).toBe(503);
    expect(await bot.app.models.processedUpdates.findById(900001).lean()).toBeNull();

    bot.emulator.setFaults({ unreachable: null });
    expect((await post()).status).toBe(200);
    await user.waitForText(HELP);
    expect((await post()).status).toBe(200);
    await bot.emulator.waitForQuiet();
    expect(helpAnswers(user)).toBe(1);
  });
});
