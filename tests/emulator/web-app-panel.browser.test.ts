// Mini Apps in the web chat, in a real headless Chromium: a volunteer presses the bot's "desk" button,
// the page opens in a panel beside the chat with init data signed by the bot's token, and the page's
// own server accepts it — the same path a bot's Mini App takes inside Telegram.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse, validate } from "@telegram-apps/init-data-node";
import { Bot, InlineKeyboard, Keyboard } from "grammy";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// .ci/run installs Debian's chromium; without it this test fails with a clear message (never skipped).
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);

/** A Mini App's page: reads its launch parameters from the fragment and asks its server who it is. */
const miniAppPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Mini App</title></head>
<body>
<p id="who">…</p><p id="theme"></p><p id="platform"></p>
<button id="send" type="button">Send</button> <button id="close" type="button">Close</button>
<script src="/app.js"></script>
</body></html>`;

const miniAppScript = `
const launch = new URLSearchParams(location.hash.slice(1));
const theme = JSON.parse(launch.get("tgWebAppThemeParams") || "{}");
document.body.style.background = theme.bg_color || "";
document.getElementById("theme").textContent = "button " + theme.button_color;
document.getElementById("platform").textContent = launch.get("tgWebAppPlatform") + " " + launch.get("tgWebAppVersion");
fetch("/whoami", { headers: { authorization: "tma " + launch.get("tgWebAppData") } })
  .then((r) => r.text())
  .then((text) => { document.getElementById("who").textContent = text; });
// What telegram-web-app.js does in a web client: JSON events posted to the parent window.
const post = (eventType, eventData) => window.parent.postMessage(JSON.stringify({ eventType, eventData }), "*");
document.getElementById("send").onclick = () => post("web_app_data_send", { data: "province=ardabil" });
document.getElementById("close").onclick = () => post("web_app_close", {});
`;

/** The page's server: checks the init data with the maintained library and the bot's token. */
function startMiniAppServer(botToken: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/whoami") {
      const initData = (req.headers.authorization ?? "").replace(/^tma /, "");
      try {
        validate(initData, botToken, { expiresIn: 3600 });
        const user = parse(initData).user;
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(`سلام ${user?.first_name} #${user?.id}`);
      } catch {
        res.writeHead(401, { "content-type": "text/plain" }).end("unauthorized");
      }
      return;
    }
    if (req.url === "/app.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(miniAppScript);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(miniAppPage);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("Mini Apps in the web chat", () => {
  let emu: TelegramEmulator;
  let bot: Bot;
  let polling: Promise<void>;
  let miniApp: Server;
  let appUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    emu = await TelegramEmulator.start({ limits: { perChatPerSecond: 100, perChatBurst: 100 } });
    miniApp = await startMiniAppServer(emu.token);
    appUrl = `http://127.0.0.1:${(miniApp.address() as AddressInfo).port}/desk/`;
    bot = new Bot(emu.token, { client: { apiRoot: emu.apiRoot } });
    bot.command("start", async (ctx) => {
      await ctx.setChatMenuButton({ chat_id: ctx.chat.id, menu_button: { type: "web_app", text: "میز", web_app: { url: appUrl } } });
      await ctx.reply("میز کار را باز کنید", { reply_markup: new InlineKeyboard().webApp("🗂 میز کار", appUrl) });
    });
    bot.command("form", (ctx) => ctx.reply("فرم را پر کنید", { reply_markup: new Keyboard().webApp("فرم استان", appUrl).resized() }));
    bot.on("message:web_app_data", (ctx) => ctx.reply(`دریافت شد: ${ctx.message.web_app_data.data} (${ctx.message.web_app_data.button_text})`));
    await new Promise<void>((resolve) => {
      polling = bot.start({ onStart: () => resolve(), timeout: 5 });
    });
    browser = await chromium.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await polling;
    await emu?.stop();
    await new Promise((resolve) => miniApp?.close(resolve));
  });

  it("opens the bot's Mini App button in a panel beside the chat, signed for this user", async () => {
    await page.goto(emu.webUrl);
    await page.getByTestId("new-user-name").fill("Leila");
    await page.getByTestId("create-user").click();
    await page.getByTestId("composer").fill("/start");
    await page.getByTestId("send").click();

    const button = page.locator('[data-testid="inline-button"][data-web-app="true"]');
    await button.getByText("🗂 میز کار").waitFor();
    expect(await page.getByTestId("web-app-panel").isHidden()).toBe(true);
    await button.click();

    const panel = page.getByTestId("web-app-panel");
    await panel.waitFor();
    // Titled with the bot's name, as Telegram's clients do.
    expect(await page.getByTestId("web-app-title").textContent()).toBe("Family Reach Test");
    const frame = page.frameLocator('[data-testid="web-app-frame"]');
    const userId = (await emu.state.store.listUsers()).find((u) => u.firstName === "Leila")!.id;
    // The page's server validated the init data with the bot's token and read the user from it.
    await frame.getByText(`سلام Leila #${userId}`).waitFor();
    await frame.getByText("button #2f89d8").waitFor();
    await frame.getByText("web 8.0").waitFor();
    const src = await page.getByTestId("web-app-frame").getAttribute("src");
    expect(src?.startsWith(`${appUrl}#tgWebAppData=`)).toBe(true);

    await page.getByTestId("web-app-close").click();
    expect(await panel.isHidden()).toBe(true);
    expect(await page.getByTestId("web-app-frame").getAttribute("src")).toBe("about:blank");
  });

  it("shows the chat's menu button when the bot set a Mini App there, and opens it", async () => {
    const menu = page.getByTestId("menu-button");
    await menu.getByText("میز").waitFor();
    await menu.click();
    await page.getByTestId("web-app-panel").waitFor();
    await page.frameLocator('[data-testid="web-app-frame"]').getByText(/^سلام Leila #\d+$/).waitFor();
  });

  it("closes when the Mini App asks, and a reply keyboard's Mini App sends its data to the bot", async () => {
    const frame = page.frameLocator('[data-testid="web-app-frame"]');
    await frame.getByRole("button", { name: "Close" }).click();
    await page.getByTestId("web-app-panel").waitFor({ state: "hidden" });

    await page.getByTestId("composer").fill("/form");
    await page.getByTestId("send").click();
    await page.locator('[data-testid="reply-button"][data-web-app="true"]').getByText("فرم استان").click();
    await frame.getByText(/^سلام Leila #\d+$/).waitFor();
    await frame.getByRole("button", { name: "Send" }).click();
    // Telegram closes a keyboard Mini App that sent its data; the bot receives it as web_app_data.
    await page.getByTestId("web-app-panel").waitFor({ state: "hidden" });
    await page.locator('[data-testid="message"][data-from="bot"]').getByText("دریافت شد: province=ardabil (فرم استان)").waitFor();
  });
});
