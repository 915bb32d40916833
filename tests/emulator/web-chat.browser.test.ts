// The web chat page in a real headless Chromium: a Persian-speaking user starts the bot and presses a button.
import { existsSync } from "node:fs";
import { Bot, InlineKeyboard } from "grammy";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// .ci/run installs Debian's chromium; without it this test fails with a clear message (never skipped).
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);

describe("web chat", () => {
  let emu: TelegramEmulator;
  let bot: Bot;
  let polling: Promise<void>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    emu = await TelegramEmulator.start();
    bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply(`سلام <b>${ctx.from?.first_name}</b>، به ربات خوش آمدید`, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text("ادامه", "continue"),
      }),
    );
    bot.callbackQuery("continue", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "باشه" });
      await ctx.editMessageText("مرحله بعد: نام شهر را بنویسید");
    });
    bot.on("message:text", (ctx) => ctx.reply(`<script>alert(1)</script> ${ctx.message.text}`));
    await new Promise<void>((resolve) => {
      polling = bot.start({ onStart: () => resolve(), timeout: 5 });
    });
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await polling;
    await emu?.stop();
  });

  it("lets a new Persian-speaking user start the bot, read the RTL reply and press its button", async () => {
    await page.goto(emu.webUrl);
    await page.getByTestId("new-user-name").fill("Ali");
    await page.getByTestId("new-user-language").selectOption("fa");
    await page.getByTestId("create-user").click();

    await page.getByTestId("composer").fill("/start");
    await page.getByTestId("send").click();

    const reply = page.locator('[data-testid="message"][data-from="bot"]').last();
    await reply.getByText("به ربات خوش آمدید").waitFor();
    expect(await reply.getAttribute("dir")).toBe("auto");
    // dir="auto" resolves to right-to-left because the text starts with Persian.
    expect(await reply.locator(".text").evaluate((el) => el.matches(":dir(rtl)"))).toBe(true);
    expect(await reply.locator("b").textContent()).toBe("Ali");

    const userBubble = page.locator('[data-testid="message"][data-from="user"]').last();
    expect(await userBubble.textContent()).toContain("/start");

    await page.getByTestId("inline-button").filter({ hasText: "ادامه" }).click();
    await reply.getByText("مرحله بعد").waitFor();
    await page.getByTestId("callback-answer").getByText("باشه").waitFor();
    expect(await page.getByTestId("inline-button").count()).toBe(0);
    expect(await reply.getAttribute("data-edited")).toBe("true");
  });

  it("shows bot markup as text, never as HTML", async () => {
    await page.getByTestId("composer").fill("تهران");
    await page.getByTestId("composer").press("Enter");
    const reply = page.locator('[data-testid="message"][data-from="bot"]').last();
    await reply.getByText("<script>alert(1)</script> تهران").waitFor();
    expect(await page.locator(".messages script").count()).toBe(0);
  });
});
