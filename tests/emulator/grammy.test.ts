// An unmodified grammY bot runs against the emulator, by long polling and by webhook.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { waitUntil } from "./emulatorTestKit.js";

function familyBot(emu: TelegramEmulator): Bot {
  const bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
  bot.command("start", (ctx) =>
    ctx.reply(`<b>سلام ${ctx.from?.first_name}!</b> Welcome.`, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text("ثبت نام", "register").text("English", "lang:en"),
    }),
  );
  bot.callbackQuery("register", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "ثبت شد" });
    await ctx.editMessageText("✅ ثبت نام انجام شد");
  });
  bot.command("photo", (ctx) => ctx.replyWithPhoto(new InputFile(Buffer.from("fake jpeg"), "card.jpg"), { caption: "Card" }));
  bot.command("empty", async (ctx) => {
    try {
      await ctx.reply("");
    } catch (error) {
      await ctx.reply(error instanceof GrammyError ? `error ${error.error_code}: ${error.description}` : "unknown");
    }
  });
  bot.on("message:text", (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
  return bot;
}

describe("grammY by long polling", () => {
  let emu: TelegramEmulator;
  let bot: Bot;
  let polling: Promise<void>;

  beforeAll(async () => {
    emu = await TelegramEmulator.start();
    bot = familyBot(emu);
    await new Promise<void>((resolve) => {
      polling = bot.start({ onStart: () => resolve(), timeout: 5 });
    });
  });

  afterAll(async () => {
    await bot.stop();
    await polling;
    await emu.stop();
  });

  it("greets with HTML and an inline keyboard, then handles the button press", async () => {
    const zahra = emu.createUser({ firstName: "Zahra", languageCode: "fa" });
    zahra.sendCommand("start");
    const greeting = await zahra.waitForReply();
    expect(greeting).toMatchObject({
      text: "سلام Zahra! Welcome.",
      parseMode: "HTML",
      entities: [{ type: "bold", offset: 0, length: 11 }],
      inlineKeyboard: [[{ text: "ثبت نام", callbackData: "register" }, { text: "English", callbackData: "lang:en" }]],
    });

    zahra.pressButton("ثبت نام");
    const edited = await zahra.waitForText("انجام شد");
    expect(edited).toMatchObject({ messageId: greeting.messageId, edited: true });
    expect(edited.inlineKeyboard).toBeUndefined();
    expect(zahra.callbackAnswers()).toEqual([expect.objectContaining({ text: "ثبت شد" })]);
  });

  it("uploads a photo with multipart and sees Telegram's errors as GrammyError", async () => {
    const user = emu.createUser();
    user.sendCommand("photo");
    expect(await user.waitForReply()).toMatchObject({ caption: "Card", photo: expect.any(String) });
    user.sendCommand("empty");
    expect((await user.waitForReply()).text).toBe("error 400: Bad Request: message text is empty");
  });

  it("echoes text and confirms updates", async () => {
    const user = emu.createUser();
    user.sendText("hello");
    expect((await user.waitForReply()).text).toBe("echo: hello");
    expect(emu.callsOf("getMe")).toHaveLength(1);
    expect(emu.callsOf("deleteWebhook")).toHaveLength(1);
  });
});

describe("grammY by webhook", () => {
  let emu: TelegramEmulator;
  let server: Server;

  beforeAll(async () => {
    emu = await TelegramEmulator.start();
    const bot = familyBot(emu);
    await bot.init();
    server = createServer(webhookCallback(bot, "http", { secretToken: "hook_secret" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await bot.api.setWebhook(`http://127.0.0.1:${port}/`, { secret_token: "hook_secret" });
  });

  afterAll(async () => {
    await emu.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it("delivers updates to grammY's webhookCallback and the bot replies", async () => {
    const user = emu.createUser({ firstName: "Besa", languageCode: "sq" });
    user.sendCommand("start");
    expect((await user.waitForReply()).text).toBe("سلام Besa! Welcome.");
    user.pressButton("ثبت نام");
    await user.waitForText("انجام شد");
    // The webhook answers after the handler's calls, so confirmation trails the edit slightly.
    await waitUntil(() => emu.pendingUpdateCount() === 0);
  });
});
