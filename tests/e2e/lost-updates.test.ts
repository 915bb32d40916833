import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotServices } from "../../src/bot/services.js";
import { withDatabaseName } from "../../src/db/server/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { helpCommandUpdate, unreachableWebhook, webhookHeaders } from "../support/webhookUpdates.js";
import { press } from "../support/chatSteps.js";
import { answerEveryQuestion, startRegistration } from "../support/registrationSteps.js";
import { createTestDatabase } from "../support/database.js";
import { mongoHostPort, startTcpProxy, type TcpProxy } from "../support/tcpProxy.js";
import { waitUntil } from "../support/waitUntil.js";
import { updateDone } from "../support/updateClaims.js";

const TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid";

describe("the database goes away while families are using the bot", () => {
  let bot: TestBot;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const database = await createTestDatabase();
    proxy = await startTcpProxy(mongoHostPort(database.uri));
    bot = await startTestBot({ mongoUri: withDatabaseName(database.uri.replace(/:\d+\//, `:${proxy.port}/`), database.name) });
  });
  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
  });

  async function outage(during: () => Promise<void>): Promise<void> {
    await proxy.cut();
    await waitUntil(() => !bot.app.services.isDatabaseAvailable(), 15_000, "outage noticed");
    await during();
    await proxy.restore();
  }

  it("a father presses a language button during the outage: the spinner stops at once, and the language changes once the database is back", async () => {
    const father = bot.emulator.createUser({ languageCode: "fa" });
    father.sendCommand("language");
    await father.waitForText("زبان خود را انتخاب کنید");

    await outage(async () => {
      father.pressButton("English");
      expect(plain((await father.waitForReply({ timeoutMs: 10_000 })).text)).toContain("سرویس موقتاً در دسترس نیست");
      expect(father.callbackAnswers()).toHaveLength(1);
    });

    // The retried press answers the same query again; Telegram refuses that, and the action goes on.
    await father.waitForText("Language changed to English.", { timeoutMs: 30_000 });
    const refused = bot.emulator.callsOf("answerCallbackQuery").filter((call) => !call.ok);
    expect(refused.map((call) => call.description)).toContain(TOO_OLD);
    expect(father.botMessages().filter((m) => plain(m.text).includes("Language changed to English."))).toHaveLength(1);
    expect(father.botMessages().some((m) => plain(m.text).includes("went wrong"))).toBe(false);
  }, 60_000);

  it("a sister types her brother's name during the outage: she is told it is not lost, and her registration goes on from there", async () => {
    const sister = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(sister);
    const pressed = sister.pressButton("I am the sister");
    await sister.waitForText("What is their full name?");
    await waitUntil(() => updateDone(bot.app.models, pressed), 5_000, "press handled");

    await outage(async () => {
      sister.sendText("Reza Karimi");
      expect(plain((await sister.waitForReply({ timeoutMs: 10_000 })).text)).toContain("temporarily unavailable");
    });

    await sister.waitForText("Other spellings", { timeoutMs: 30_000 });
    await press(sister, "⏭ Skip", "a man or a woman");
    expect(sister.botMessages().some((m) => /went wrong|start that step again/.test(plain(m.text)))).toBe(false);
  }, 60_000);
});

describe("a bug ends a conversation", () => {
  let bot: TestBot;
  let failNextSave = false;
  beforeAll(async () => {
    const wrapServices = (services: BotServices): BotServices => ({
      ...services,
      cases: {
        ...services.cases,
        register: async (...args) => {
          if (failNextSave) {
            failNextSave = false;
            throw new Error("simulated bug");
          }
          return services.cases.register(...args);
        },
      },
    });
    bot = await startTestBot({ overrides: { wrapServices } });
  });
  afterAll(() => bot?.stop());

  it("a mother whose registration fails on saving is told honestly to start it again, not that nothing was lost; starting again works", async () => {
    const mother = bot.emulator.createUser({ languageCode: "en" });
    await startRegistration(mother);
    await answerEveryQuestion(mother, "Reza Karimi");

    failNextSave = true;
    mother.pressButton("✅ Save");
    const told = plain((await mother.waitForText("start that step again")).text);
    expect(told).toContain("what you were doing was stopped before it was finished. Please start that step again");
    expect(told).not.toMatch(/lost/i);
    expect(await bot.app.models.cases.countDocuments({})).toBe(0);

    // The conversation really is gone: its buttons no longer do anything.
    mother.pressButton("◀️ Back");
    await waitUntil(() => mother.callbackAnswers().some((a) => a.text === "This button is no longer valid."), 5_000, "old button refused");

    await startRegistration(mother);
    await answerEveryQuestion(mother, "Reza Karimi");
    await press(mother, "✅ Save", "Your registration is saved.");
    expect(await bot.app.models.cases.countDocuments({})).toBe(1);
  }, 60_000);
});

describe("webhook mode, with another bot process still handling an update", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ config: { webhook: unreachableWebhook } });
  });
  afterAll(() => bot?.stop());

  it("answers 503 while that process is alive (Telegram retries), and handles the update once that process is gone", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start"); // opens the chat in the emulator; the webhook URL itself is unreachable
    const update = helpCommandUpdate(800001, user.id);
    const post = () =>
      fetch(`${bot.app.httpUrl}/telegram/webhook`, {
        method: "POST",
        headers: webhookHeaders,
        body: JSON.stringify(update),
      });
    // Another process claimed it and is alive (its heartbeat is fresh).
    await bot.app.models.processedUpdates.create({ _id: 800001, state: "processing", owner: "other-process", claimedAt: new Date() });
    await bot.app.models.leases.create({ _id: "instance:other-process", holder: "other-process", until: new Date(Date.now() + 60_000) });

    expect((await post()).status).toBe(503);
    await bot.emulator.waitForQuiet();
    expect(user.botMessages().some((m) => plain(m.text).includes("/cancel – stop"))).toBe(false);

    // That process was killed: its heartbeat goes stale, and Telegram's retry is handled here.
    await bot.app.models.leases.updateOne({ _id: "instance:other-process" }, { $set: { until: new Date(Date.now() - 1) } });
    expect((await post()).status).toBe(200);
    await user.waitForText("/cancel – stop");
    expect((await post()).status).toBe(200);
    await bot.emulator.waitForQuiet();
    expect(user.botMessages().filter((m) => plain(m.text).includes("/cancel – stop"))).toHaveLength(1);
    expect(await updateDone(bot.app.models, 800001)).toBe(true);
  });
});
