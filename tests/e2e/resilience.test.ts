import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotServices } from "../../src/bot/services.js";
import { withDatabaseName } from "../../src/db/server/index.js";
import { plain, startTestBot, type TestBot } from "../support/botHarness.js";
import { press } from "../support/chatSteps.js";
import { helpCommandUpdate, unreachableWebhook, WEBHOOK_SECRET, webhookHeaders } from "../support/webhookUpdates.js";
import { createTestDatabase } from "../support/database.js";
import { mongoHostPort, startTcpProxy, type TcpProxy } from "../support/tcpProxy.js";
import { waitUntil } from "../support/waitUntil.js";
import { refOf } from "../support/userRefs.js";

describe("a handler that throws", () => {
  let bot: TestBot;
  let failNextLocaleChange = false;
  beforeAll(async () => {
    const wrapServices = (services: BotServices): BotServices => ({
      ...services,
      users: {
        ...services.users,
        setLocale: async (userId, locale) => {
          if (failNextLocaleChange) {
            failNextLocaleChange = false;
            throw new Error("simulated bug");
          }
          return services.users.setLocale(userId, locale);
        },
      },
    });
    bot = await startTestBot({ overrides: { wrapServices } });
  });
  afterAll(() => bot?.stop());

  it("tells the user calmly that nothing was lost, and the bot keeps serving", async () => {
    const user = bot.emulator.createUser({ languageCode: "fa" });
    user.sendCommand("language");
    await user.waitForReply();
    failNextLocaleChange = true;
    user.pressButton("English");
    expect(plain((await user.waitForReply()).text)).toContain("مشکلی از طرف ما پیش آمد");
    user.sendCommand("help");
    expect(plain((await user.waitForReply()).text)).toContain("/language");
    await press(user, "English", "Language changed to English.");
  });
});

describe("updates delivered twice", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot?.stop());

  it("handles a repeated update_id once", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    await user.waitForReply();
    const updateId = bot.emulator.nextUpdateId();
    const update = {
      update_id: updateId,
      message: {
        message_id: 9001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: "private", first_name: user.firstName },
        from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: "en" },
        text: "/help",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      },
    };
    bot.emulator.injectUpdate(update);
    await user.waitForText("/language");
    bot.emulator.injectUpdate(update);
    user.sendCommand("language");
    await user.waitForText("Choose your language:");
    const helps = user.botMessages().filter((m) => plain(m.text).includes("/cancel – stop"));
    expect(helps).toHaveLength(1);
  });
});

describe("the database goes away and comes back", () => {
  let bot: TestBot;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const database = await createTestDatabase();
    proxy = await startTcpProxy(mongoHostPort(database.uri));
    const viaProxy = database.uri.replace(/:\d+\//, `:${proxy.port}/`);
    bot = await startTestBot({ mongoUri: withDatabaseName(viaProxy, database.name) });
  });
  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
  });

  it("answers 'temporarily unavailable', then handles the message once the database is back, without a restart", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    await user.waitForReply();

    await proxy.cut();
    await waitUntil(() => !bot.app.services.isDatabaseAvailable(), 15_000);
    user.sendCommand("help");
    expect(plain((await user.waitForReply({ timeoutMs: 10_000 })).text)).toContain("temporarily unavailable");

    await proxy.restore();
    // The same /help is handled once the database answers again: nothing the user sent was lost.
    await user.waitForText("/cancel – stop", { timeoutMs: 30_000 });
    user.sendCommand("start");
    expect(plain((await user.waitForReply({ timeoutMs: 10_000 })).text)).toContain("Hello.");
  }, 60_000);
});

describe("webhook mode", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      config: { webhook: unreachableWebhook },
    });
  });
  afterAll(() => bot?.stop());

  it("refuses a request without the secret token with 401 and changes nothing", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start"); // start the chat in the emulator; not delivered, webhook URL is unreachable
    const url = `${bot.app.httpUrl}/telegram/webhook`;
    const refused = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(helpCommandUpdate(500001, user.id)) });
    expect(refused.status).toBe(401);
    const wrong = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong-secret-value" }, body: JSON.stringify(helpCommandUpdate(500002, user.id)) });
    expect(wrong.status).toBe(401);
    expect(await bot.app.models.processedUpdates.countDocuments({ _id: { $in: [500001, 500002] } })).toBe(0);
  });

  it("handles an update with the secret, and the same update again only once", async () => {
    const user = bot.emulator.createUser({ languageCode: "en" });
    user.sendCommand("start");
    const url = `${bot.app.httpUrl}/telegram/webhook`;
    const headers = webhookHeaders;
    const first = await fetch(url, { method: "POST", headers, body: JSON.stringify(helpCommandUpdate(600001, user.id)) });
    expect(first.status).toBe(200);
    const again = await fetch(url, { method: "POST", headers, body: JSON.stringify(helpCommandUpdate(600001, user.id)) });
    expect(again.status).toBe(200);
    await user.waitForText("/cancel – stop");
    await bot.emulator.waitForQuiet();
    expect(user.botMessages().filter((m) => plain(m.text).includes("/cancel – stop"))).toHaveLength(1);
    expect(bot.emulator.callsOf("setWebhook").at(-1)?.params).toMatchObject({ url: unreachableWebhook.url, secret_token: WEBHOOK_SECRET });
  });
});

describe("bad configuration", () => {
  it("prints every bad variable and exits with code 2, starting nothing", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: root,
        env: { PATH: process.env.PATH, BOT_TOKEN: "not-a-token", BOT_MODE: "webhook", PORT: "http" },
      });
      let stderr = "";
      let stdout = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.stdout.on("data", (d) => (stdout += d));
      child.on("exit", (code) => resolve({ code, stderr, stdout }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toMatch(/BOT_TOKEN: must look like/);
    expect(result.stderr).toMatch(/PORT:/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe("");
  });
});

describe("someone blocks the bot", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot?.stop());

  it("is marked unreachable at once (no broadcast will try them) and reachable again when they come back", async () => {
    const user = bot.emulator.createUser({ languageCode: "fa" });
    user.sendCommand("start");
    await user.waitForReply();
    bot.emulator.blockBot(user.id);
    await waitUntil(async () => (await bot.app.models.users.findById(refOf(user.id)).lean())?.unreachableSince != null, 5_000, "marked unreachable");
    user.sendCommand("start");
    await user.waitForReply();
    await waitUntil(async () => (await bot.app.models.users.findById(refOf(user.id)).lean())?.unreachableSince == null, 5_000, "reachable again");
  });
});
