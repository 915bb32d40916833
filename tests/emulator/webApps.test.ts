// Mini Apps: web_app buttons and the menu button checked as Telegram checks them, and opened as a
// Telegram client opens them — the page's URL with init data signed by the bot's token.
import { parse, validate, validate3rd } from "@telegram-apps/init-data-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatedUser } from "../../src/emulator/index.js";
import { callApi, driver } from "./emulatorTestKit.js";

let emu: TelegramEmulator;
let maryam: EmulatedUser;
let reza: EmulatedUser;

const roomy = { globalPerSecond: 10_000, perChatPerSecond: 10_000, perChatBurst: 10_000 };
const deskUrl = "https://desk.example.org/desk/";

beforeAll(async () => {
  emu = await TelegramEmulator.start({ limits: roomy });
  maryam = emu.createUser({ firstName: "Maryam", lastName: "Karimi", languageCode: "fa" });
  maryam.sendCommand("start");
  reza = emu.createUser({ firstName: "Reza", username: "reza_volunteer", languageCode: "en" });
  reza.sendCommand("start");
});

afterAll(async () => {
  await emu.stop();
});

const inlineWebApp = (url: string) => ({ inline_keyboard: [[{ text: "🗂 میز کار", web_app: { url } }]] });
const keyboardWebApp = (url: string) => ({ keyboard: [[{ text: "Open the desk", web_app: { url } }], [{ text: "Help" }]], resize_keyboard: true });

/** The launch parameters a Mini App reads from its URL's fragment. */
function fragmentOf(launchUrl: string): URLSearchParams {
  return new URLSearchParams(new URL(launchUrl).hash.slice(1));
}

describe("web_app buttons, checked as Telegram checks them", () => {
  it("keeps an https Mini App button on an inline keyboard and shows its URL in the chat", async () => {
    const sent = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "میز کار", reply_markup: inlineWebApp(deskUrl) });
    expect(sent.status).toBe(200);
    expect(sent.body.result.reply_markup).toEqual(inlineWebApp(deskUrl));
    expect(maryam.lastBotMessage()?.inlineKeyboard).toEqual([[{ text: "🗂 میز کار", webAppUrl: deskUrl }]]);
  });

  it("refuses a plain-http Mini App URL with Telegram's words, but accepts this machine's own HTTP server", async () => {
    const remote = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "x", reply_markup: inlineWebApp("http://desk.example.org/desk/") });
    expect(remote.status).toBe(400);
    expect(remote.body.description).toBe(
      "Bad Request: inline keyboard button Web App URL 'http://desk.example.org/desk/' is invalid: Only HTTPS links are allowed",
    );
    const noScheme = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "x", reply_markup: inlineWebApp("desk.example.org") });
    expect(noScheme.body.description).toBe("Bad Request: inline keyboard button Web App URL 'desk.example.org' is invalid: Only HTTPS links are allowed");
    const notHttp = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "x", reply_markup: inlineWebApp("ftp://desk.example.org/") });
    expect(notHttp.body.description).toBe("Bad Request: inline keyboard button Web App URL 'ftp://desk.example.org/' is invalid: Wrong HTTP URL");
    for (const local of ["http://127.0.0.1:8080/desk/", "http://localhost:3000/desk/"]) {
      const sent = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "x", reply_markup: inlineWebApp(local) });
      expect(sent.status, local).toBe(200);
    }
  });

  it("checks a reply keyboard's Mini App button too, and the edit of an inline keyboard", async () => {
    const refused = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "x", reply_markup: keyboardWebApp("http://desk.example.org/") });
    expect(refused.body.description).toBe("Bad Request: keyboard button Web App URL 'http://desk.example.org/' is invalid: Only HTTPS links are allowed");
    const sent = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "منو", reply_markup: keyboardWebApp(deskUrl) });
    expect(sent.status).toBe(200);
    expect(maryam.lastBotMessage()).toMatchObject({ replyKeyboard: [["Open the desk"], ["Help"]], replyKeyboardWebApps: { "Open the desk": deskUrl } });

    const plain = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "y" });
    const edit = await callApi(emu, "editMessageReplyMarkup", {
      chat_id: maryam.id,
      message_id: plain.body.result.message_id,
      reply_markup: inlineWebApp("http://desk.example.org/"),
    });
    expect(edit.body.description).toBe("Bad Request: inline keyboard button Web App URL 'http://desk.example.org/' is invalid: Only HTTPS links are allowed");
  });

  it("refuses Mini App buttons outside private chats", async () => {
    const group = emu.createGroup({ type: "supergroup", title: "Volunteers", members: [reza] });
    group.addBot(reza);
    const inline = await callApi(emu, "sendMessage", { chat_id: group.id, text: "x", reply_markup: inlineWebApp(deskUrl) });
    expect(inline.body.description).toBe("Bad Request: BUTTON_TYPE_INVALID");
    const keyboard = await callApi(emu, "sendMessage", { chat_id: group.id, text: "x", reply_markup: keyboardWebApp(deskUrl) });
    expect(keyboard.body.description).toBe("Bad Request: web App buttons can be used in private chats only");
  });
});

describe("the menu button", () => {
  const deskButton = { type: "web_app", text: "Desk", web_app: { url: deskUrl } };

  it("keeps one per chat over the bot's default, and 'default' in a chat falls back to the bot's", async () => {
    expect((await callApi(emu, "getChatMenuButton", { chat_id: reza.id })).body.result).toEqual({ type: "commands" });
    expect((await callApi(emu, "setChatMenuButton", { chat_id: reza.id, menu_button: deskButton })).body.result).toBe(true);
    expect((await callApi(emu, "getChatMenuButton", { chat_id: reza.id })).body.result).toEqual(deskButton);
    expect(reza.menuButton()).toEqual(deskButton);
    expect(maryam.menuButton()).toEqual({ type: "commands" });

    const everyone = { type: "web_app", text: "Help", web_app: { url: "https://help.example.org/" } };
    await callApi(emu, "setChatMenuButton", { menu_button: everyone });
    expect(maryam.menuButton()).toEqual(everyone);
    expect(reza.menuButton()).toEqual(deskButton);

    // A role revoked: the bot puts the chat back to the default.
    await callApi(emu, "setChatMenuButton", { chat_id: reza.id, menu_button: { type: "default" } });
    expect(reza.menuButton()).toEqual(everyone);
    await callApi(emu, "setChatMenuButton", { menu_button: { type: "commands" } });
    expect((await callApi(emu, "getChatMenuButton")).body.result).toEqual({ type: "commands" });
    await callApi(emu, "setChatMenuButton", {});
    expect(maryam.menuButton()).toEqual({ type: "commands" });
  });

  it("answers a bad menu button as the Bot API server does", async () => {
    const cases: [unknown, string][] = [
      [{ type: "hologram" }, "Bad Request: can't parse menu button: MenuButton has unsupported type"],
      [{ type: "web_app", web_app: { url: deskUrl } }, `Bad Request: can't parse menu button: Can't find field "text"`],
      [{ type: "web_app", text: "Desk" }, `Bad Request: can't parse menu button: Can't find field "web_app"`],
      [{ type: "web_app", text: "Desk", web_app: { url: "http://desk.example.org/" } }, "Bad Request: menu button Web App URL 'http://desk.example.org/' is invalid: Only HTTPS links are allowed"],
    ];
    for (const [menuButton, description] of cases) {
      const answer = await callApi(emu, "setChatMenuButton", { chat_id: reza.id, menu_button: menuButton });
      expect(answer.status).toBe(400);
      expect(answer.body.description).toBe(description);
    }
    // Form bodies carry the button as JSON text.
    const form = await callApi(emu, "setChatMenuButton", { chat_id: reza.id, menu_button: deskButton }, { encoding: "form" });
    expect(form.body.result).toBe(true);
    expect(reza.menuButton()).toEqual(deskButton);
  });
});

describe("opening a Mini App", () => {
  it("opens an inline button's page with init data signed by the bot's token, as Telegram does", async () => {
    await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "میز کار", reply_markup: inlineWebApp(deskUrl) });
    const launch = maryam.openWebApp("🗂 میز کار");
    expect(launch).toMatchObject({ source: "inline_button", url: deskUrl, title: "🗂 میز کار" });

    // The bot's server checks it with the maintained library, exactly as it checks Telegram's.
    expect(() => validate(launch.initData, emu.token, { expiresIn: 3600 })).not.toThrow();
    expect(() => validate(launch.initData, "654321:ANOTHER-BOT", { expiresIn: 3600 })).toThrow();
    const forged = launch.initData.replace(encodeURIComponent(`"id":${maryam.id}`), encodeURIComponent(`"id":${reza.id}`));
    expect(forged).not.toBe(launch.initData);
    expect(() => validate(forged, emu.token, { expiresIn: 3600 })).toThrow();

    const data = parse(launch.initData);
    expect(data.user).toEqual({ id: maryam.id, first_name: "Maryam", last_name: "Karimi", language_code: "fa", allows_write_to_pm: true });
    expect(data.query_id).toMatch(/^AA[\w-]{10,}$/);
    expect(data.chat_type).toBe("private");
    expect(data.chat_instance).toBe(String(-(maryam.id * 7919 + 123456)));
    expect(Math.abs(data.auth_date.getTime() - Date.now())).toBeLessThan(5000);

    // Telegram's Ed25519 `signature` is there, but made with the emulator's key: it cannot pass for Telegram's.
    expect(data.signature).toMatch(/^[\w-]{80,}$/);
    await expect(validate3rd(launch.initData, 123456, { expiresIn: 3600 })).rejects.toThrow();

    expect(launch.launchUrl.startsWith(`${deskUrl}#`)).toBe(true);
    const fragment = fragmentOf(launch.launchUrl);
    expect(fragment.get("tgWebAppData")).toBe(launch.initData);
    expect(fragment.get("tgWebAppVersion")).toBe("8.0");
    expect(fragment.get("tgWebAppPlatform")).toBe("web");
    expect(JSON.parse(fragment.get("tgWebAppThemeParams")!)).toMatchObject({ bg_color: "#ffffff", text_color: "#1f2933", button_color: "#2f89d8" });
    // Spaces and Persian letters are percent-encoded, as Telegram's clients do (never "+").
    expect(launch.initData).not.toContain("+");
  });

  it("signs with the emulator's clock, so a page can tell an old launch from a fresh one", async () => {
    let now = Date.now() - 2 * 3600_000;
    const old = await TelegramEmulator.start({ limits: roomy, now: () => now });
    try {
      const user = old.createUser({ firstName: "Ali" });
      user.sendCommand("start");
      await callApi(old, "sendMessage", { chat_id: user.id, text: "x", reply_markup: inlineWebApp(deskUrl) });
      const stale = user.openWebApp("🗂 میز کار");
      expect(() => validate(stale.initData, old.token, { expiresIn: 3600 })).toThrow(/expired/i);
      now = Date.now();
      expect(() => validate(user.openWebApp("🗂 میز کار").initData, old.token, { expiresIn: 3600 })).not.toThrow();
    } finally {
      await old.stop();
    }
  });

  it("opens a reply keyboard's Mini App without a query_id, and the menu button's with one", async () => {
    await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "منو", reply_markup: keyboardWebApp(deskUrl) });
    const fromKeyboard = maryam.openWebApp("Open the desk");
    expect(fromKeyboard.source).toBe("keyboard_button");
    expect(parse(fromKeyboard.initData).query_id).toBeUndefined();
    expect(() => validate(fromKeyboard.initData, emu.token)).not.toThrow();

    await callApi(emu, "setChatMenuButton", { chat_id: maryam.id, menu_button: { type: "web_app", text: "Desk", web_app: { url: deskUrl } } });
    const fromMenu = maryam.openMenuButton();
    expect(fromMenu).toMatchObject({ source: "menu_button", title: "Desk", url: deskUrl });
    expect(parse(fromMenu.initData).query_id).toBeDefined();
    expect(() => validate(fromMenu.initData, emu.token)).not.toThrow();

    await callApi(emu, "setChatMenuButton", { chat_id: maryam.id, menu_button: { type: "commands" } });
    expect(() => maryam.openMenuButton()).toThrow(/opens no Mini App/);
    expect(() => maryam.openWebApp("No such app")).toThrow(/No Mini App button/);
  });

  it("lets another process open Mini Apps through the driver API", async () => {
    await callApi(emu, "setChatMenuButton", { chat_id: reza.id, menu_button: { type: "web_app", text: "Desk", web_app: { url: deskUrl } } });
    expect((await driver(emu, `/users/${reza.id}/menu`)).body).toEqual({ type: "web_app", text: "Desk", web_app: { url: deskUrl } });
    const menu = await driver(emu, `/users/${reza.id}/webapp`, { menu: true });
    expect(menu.status).toBe(200);
    expect(parse(menu.body.initData).user?.username).toBe("reza_volunteer");

    const sent = await callApi(emu, "sendMessage", { chat_id: reza.id, text: "desk", reply_markup: inlineWebApp(deskUrl) });
    const inline = await driver(emu, `/users/${reza.id}/webapp`, { label: "🗂 میز کار", messageId: sent.body.result.message_id });
    expect(inline.body).toMatchObject({ source: "inline_button", url: deskUrl });
    expect(() => validate(inline.body.initData, emu.token)).not.toThrow();

    const missing = await driver(emu, `/users/${reza.id}/webapp`, { label: "Nothing" });
    expect(missing.status).toBe(400);
    expect((await driver(emu, `/users/${reza.id}/webapp`, { label: "" })).status).toBe(400);
  });

  it("lets a Mini App answer once through its bot (answerWebAppQuery): the user's chat shows it via the bot, and the bot receives it", async () => {
    await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "میز کار", reply_markup: inlineWebApp(deskUrl) });
    const queryId = parse(maryam.openWebApp("🗂 میز کار").initData).query_id!;
    const result = { type: "article", id: "1", title: "Case", input_message_content: { message_text: "Case 1234-5678-9 is now being reviewed" } };
    const answered = await callApi(emu, "answerWebAppQuery", { web_app_query_id: queryId, result });
    expect(answered.body).toEqual({ ok: true, result: {} });
    expect(maryam.transcript().at(-1)).toMatchObject({ from: "user", text: "Case 1234-5678-9 is now being reviewed", viaBot: "family_reach_test_bot" });
    const updates = (await callApi(emu, "getUpdates", { timeout: 0 })).body.result as { message?: { text?: string; via_bot?: { id: number } } }[];
    expect(updates.at(-1)?.message).toMatchObject({ text: "Case 1234-5678-9 is now being reviewed", via_bot: { id: 123456 } });

    const again = await callApi(emu, "answerWebAppQuery", { web_app_query_id: queryId, result });
    expect(again.body.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
    const unknown = await callApi(emu, "answerWebAppQuery", { web_app_query_id: "AAforged", result });
    expect(unknown.status).toBe(400);
  });

  it("lets a reply keyboard's Mini App send data back: the bot receives web_app_data with the button's text", async () => {
    await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "منو", reply_markup: keyboardWebApp(deskUrl) });
    maryam.sendWebAppData("Open the desk", JSON.stringify({ province: "ardabil" }));
    const updates = (await callApi(emu, "getUpdates", { timeout: 0 })).body.result as { message?: Record<string, unknown> }[];
    expect(updates.at(-1)?.message).toMatchObject({ from: { id: maryam.id }, web_app_data: { data: '{"province":"ardabil"}', button_text: "Open the desk" } });
    expect(maryam.transcript().at(-1)).toMatchObject({ from: "user", webAppData: '{"province":"ardabil"}' });
    expect(() => maryam.sendWebAppData("Help", "x")).toThrow(/No Mini App button "Help"/);
    expect(() => maryam.sendWebAppData("Open the desk", "x".repeat(4097))).toThrow(/1-4096 bytes/);
    expect((await driver(emu, `/users/${maryam.id}/webappdata`, { buttonText: "Open the desk", data: "" })).status).toBe(400);
  });
});
