// Issue #13, faults: the database stops for 10 s while families are registering and writing, and
// comes back. The bot keeps running, each writer hears "temporarily unavailable" once, nothing
// busy-loops meanwhile, and afterwards everything goes on without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedUser } from "../../src/emulator/index.js";
import { withDatabaseName } from "../../src/db/server/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { answer, press } from "../support/chatSteps.js";
import { createTestDatabase } from "../support/database.js";
import { captureLogs } from "../support/logCapture.js";
import { startRegistration } from "../support/registrationSteps.js";
import { mongoHostPort, startTcpProxy, type TcpProxy } from "../support/tcpProxy.js";
import { refOf } from "../support/userRefs.js";
import { waitFor, waitUntil } from "../support/waitUntil.js";

const OUTAGE_MS = 10_000;
const UNAVAILABLE = "temporarily unavailable";
const NEWS = "The delegation leaves on Monday.";

describe("the database stops for 10 s while families write", () => {
  let bot: TestBot;
  let proxy: TcpProxy;
  const logs = captureLogs("warn");
  beforeAll(async () => {
    const database = await createTestDatabase();
    proxy = await startTcpProxy(mongoHostPort(database.uri));
    bot = await startTestBot({ mongoUri: withDatabaseName(database.uri.replace(/:\d+\//, `:${proxy.port}/`), database.name), logger: logs.logger });
  });
  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
  });

  const unavailableAnswers = (user: EmulatedUser) => user.botMessages().filter((m) => plain(m.text).includes(UNAVAILABLE));
  const warningsMatching = (text: string, from: number, to: number) => logs.lines.slice(from, to).filter((line) => line.includes(text)).length;

  it("tells each writer once, keeps running without a busy loop, and goes on from the saved answers once it is back", async () => {
    const sisters = [bot.emulator.createUser({ languageCode: "en" }), bot.emulator.createUser({ languageCode: "en" }), bot.emulator.createUser({ languageCode: "en" })];
    for (const sister of sisters) {
      await startRegistration(sister);
      await press(sister, "I am the sister", "What is their full name?");
    }
    const askers = [bot.emulator.createUser({ languageCode: "en" }), bot.emulator.createUser({ languageCode: "en" })];
    const quiet = [bot.emulator.createUser({ languageCode: "en" }), bot.emulator.createUser({ languageCode: "en" })];
    for (const user of [...askers, ...quiet]) {
      user.sendCommand("start");
      await user.waitForText("Hello.");
    }
    const cousin = bot.emulator.createUser({ languageCode: "en" });
    const familyGroup = bot.emulator.createGroup({ type: "group", title: "Karimi family", members: [cousin], withBot: true });
    await bot.emulator.waitForQuiet();

    // News for the quiet families falls due in the middle of the outage: the outbox sends it afterwards.
    const cutAt = Date.now();
    await bot.app.services.delivery.enqueue(
      { jobId: "news-during-outage", kind: "broadcast", defaultLocale: "en", notBefore: new Date(cutAt + 3_000), contentByLocale: { en: { text: NEWS } } },
      quiet.map((user) => ({ userId: refOf(user.id), locale: "en" })),
    );
    const logsAtCut = logs.lines.length;
    const getUpdatesAtCut = bot.emulator.callsOf("getUpdates").length;
    await proxy.cut();
    await waitUntil(() => !bot.app.services.isDatabaseAvailable(), 8_000, "outage noticed");

    // Everyone who writes hears once that the service is away, and nothing they wrote is lost.
    sisters.forEach((sister, i) => sister.sendText(`Reza Karimi ${i}`));
    for (const user of askers) user.sendCommand("help");
    for (const user of [...sisters, ...askers]) expect(plain((await user.waitForReply({ timeoutMs: 8_000 })).text)).toContain(UNAVAILABLE);
    // A message in a group needs no database; it must not make the bot forget whom it told.
    familyGroup.sendCommand(cousin, "start");
    await waitUntil(() => familyGroup.botMessages().length > 0, 5_000, "group answered");
    // The scheduled jobs fail calmly while the database is away (node-cron catches and logs the same way).
    await expect(bot.app.scheduler.runNow("run-due-reminders").catch(() => false)).resolves.toBe(false);
    // And they write again, as people do when nothing seems to happen.
    await waitUntil(() => Date.now() - cutAt > OUTAGE_MS / 2, OUTAGE_MS, "half the outage");
    sisters.forEach((sister, i) => sister.sendText(`Reza Karimy ${i}, Reza Kareemi`));
    for (const user of askers) user.sendCommand("help");
    await waitUntil(() => Date.now() - cutAt >= OUTAGE_MS, OUTAGE_MS, "the outage's 10 s");

    const logsAtRestore = logs.lines.length;
    const getUpdatesDuringOutage = bot.emulator.callsOf("getUpdates").length - getUpdatesAtCut;
    await proxy.restore();

    // Both messages of every writer are handled, in order, without a restart.
    for (const sister of sisters) {
      await sister.waitForText("Other spellings", { timeoutMs: 30_000 });
      await sister.waitForText("a man or a woman", { timeoutMs: 10_000 });
    }
    for (const user of askers) await waitUntil(() => user.botMessages().filter((m) => plain(m.text).includes("/cancel – stop")).length === 2, 10_000, "both /help answered");
    await waitFor(() => bot.app.services.delivery.progress("news-during-outage"), (p) => p?.state === "done", 15_000, "news sent");
    await bot.emulator.waitForQuiet();

    for (const user of [...sisters, ...askers]) expect(unavailableAnswers(user)).toHaveLength(1);
    for (const user of quiet) {
      expect(unavailableAnswers(user)).toHaveLength(0);
      expect(user.botMessages().filter((m) => m.text === NEWS)).toHaveLength(1);
    }
    // No busy loop: the poller waited with a growing backoff, the outbox's tick stayed at about one a second.
    const pollerRetries = warningsMatching("the update will be fetched again", logsAtCut, logsAtRestore);
    const deliveryTicksFailed = warningsMatching("delivery tick failed", logsAtCut, logsAtRestore);
    expect(pollerRetries).toBeGreaterThan(0);
    expect(pollerRetries).toBeLessThanOrEqual(8);
    expect(deliveryTicksFailed).toBeGreaterThan(0);
    expect(deliveryTicksFailed).toBeLessThanOrEqual(OUTAGE_MS / 1_000 + 3);
    expect(getUpdatesDuringOutage).toBeLessThanOrEqual(30);
    expect(logs.lines.some((line) => line.includes("update failed outside the error boundary"))).toBe(false);

    // The registration goes on from the answers saved before and during the outage.
    const [first] = sisters;
    await press(first!, "Man", "In which year were they born?");
    await answer(first!, "1962", "In which year did they leave");
    await answer(first!, "1982", "From where did they leave");
    await press(first!, "⏭ Skip", "Where do you believe they are now?");
    await press(first!, "I do not know", "If you have a photo");
    await press(first!, "⏭ Skip", "anything else that could help");
    await press(first!, "⏭ Skip", "In which province do you live?");
    await press(first!, "Fars", "In which city or town?");
    await press(first!, "⏭ Skip", "last have any contact");
    await press(first!, "⏭ Skip", "How was that last contact?");
    await press(first!, "A letter", "How would you like the association to reach you?");
    first!.pressButton("Here in Telegram");
    const summary = plain((await first!.waitForText("Please check your answers.")).text);
    expect(summary).toContain("Reza Karimi 0");
    expect(summary).toContain("Reza Karimy 0");
    await press(first!, "✅ Save", "Your registration is saved.");
    expect(await bot.app.models.cases.countDocuments({})).toBe(1);
    expect(await bot.app.scheduler.runNow("run-due-reminders")).toBe(true);
  }, 60_000);
});
