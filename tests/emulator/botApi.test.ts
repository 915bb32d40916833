// The Bot API surface a bot meets first: auth, routing, body encodings and Telegram's 400s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatedUser } from "../../src/emulator/index.js";
import { callApi } from "./emulatorTestKit.js";

let emu: TelegramEmulator;
let maryam: EmulatedUser;

beforeAll(async () => {
  // Flood limits have their own tests; here they would only get in the way.
  emu = await TelegramEmulator.start({ limits: { globalPerSecond: 10_000, perChatPerSecond: 10_000, perChatBurst: 10_000 } });
  maryam = emu.createUser({ firstName: "Maryam", languageCode: "fa" });
  maryam.sendCommand("start");
});

afterAll(async () => {
  await emu.stop();
});

describe("bot identity and routing", () => {
  it("getMe describes the bot from its token and username", async () => {
    const { status, body } = await callApi(emu, "getMe");
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      result: expect.objectContaining({
        id: 123456,
        is_bot: true,
        username: "family_reach_test_bot",
        can_join_groups: true,
        supports_inline_queries: true,
        first_name: expect.any(String),
      }),
    });
  });

  it("answers a wrong token with 401 Unauthorized", async () => {
    const { status, body } = await callApi(emu, "getMe", {}, { token: "123456:WRONG" });
    expect(status).toBe(401);
    expect(body).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
  });

  it("answers an unknown method with 404 Not Found and logs it", async () => {
    const { status, body } = await callApi(emu, "sendTelepathy", { chat_id: maryam.id });
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    expect(emu.callsOf("sendTelepathy").at(-1)).toMatchObject({ ok: false, errorCode: 404 });
  });

  it("treats method names case-insensitively", async () => {
    const { body } = await callApi(emu, "GETME");
    expect(body.ok).toBe(true);
  });

  it("accepts form-encoded and query-string parameters with JSON-valued fields", async () => {
    const keyboard = { inline_keyboard: [[{ text: "Yes", callback_data: "yes" }]] };
    const form = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "form", reply_markup: keyboard }, { encoding: "form" });
    expect(form.body.result.reply_markup).toEqual(keyboard);
    const query = await callApi(emu, "sendMessage", { chat_id: String(maryam.id), text: "query" }, { encoding: "query" });
    expect(query.body.result.text).toBe("query");
  });
});

describe("sendMessage", () => {
  it("returns a Telegram-shaped Message with per-chat increasing ids", async () => {
    const first = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "سلام مریم" });
    const second = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "دوباره سلام" });
    expect(first.body.result).toMatchObject({
      from: { id: 123456, is_bot: true },
      chat: { id: maryam.id, type: "private", first_name: "Maryam" },
      text: "سلام مریم",
      date: expect.any(Number),
    });
    expect(second.body.result.message_id).toBe(first.body.result.message_id + 1);
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ["empty text", { text: "" }, "Bad Request: message text is empty"],
    ["whitespace text", { text: "   " }, "Bad Request: message text is empty"],
    ["4097 characters", { text: "a".repeat(4097) }, "Bad Request: message is too long"],
    [
      "65-byte callback_data",
      { text: "hi", reply_markup: { inline_keyboard: [[{ text: "x", callback_data: "ب".repeat(32) + "x" }]] } },
      "Bad Request: BUTTON_DATA_INVALID",
    ],
    [
      "keyboard that is not an array of arrays",
      { text: "hi", reply_markup: { inline_keyboard: [{ text: "x", callback_data: "x" }] } },
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays',
    ],
    [
      "button without an action",
      { text: "hi", reply_markup: { inline_keyboard: [[{ text: "x" }]] } },
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    ],
    [
      "HTML with an unclosed tag",
      { text: "<b>hello", parse_mode: "HTML" },
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    ],
    [
      "HTML with an unknown tag",
      { text: "hi <foo>x</foo>", parse_mode: "HTML" },
      `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 3`,
    ],
    [
      "MarkdownV2 with an unescaped dot",
      { text: "Done.", parse_mode: "MarkdownV2" },
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    ],
  ];

  it.each(cases)("rejects %s with 400", async (_name, params, description) => {
    const { status, body } = await callApi(emu, "sendMessage", { chat_id: maryam.id, ...params });
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, error_code: 400, description });
  });

  it("accepts exactly 64 bytes of callback_data and 4096 characters after tags are removed", async () => {
    const data = "ب".repeat(32);
    const { body } = await callApi(emu, "sendMessage", {
      chat_id: maryam.id,
      text: `<b>${"x".repeat(4096)}</b>`,
      parse_mode: "HTML",
      reply_markup: { inline_keyboard: [[{ text: "ok", callback_data: data }]] },
    });
    expect(body.ok).toBe(true);
    expect(body.result.entities).toEqual([{ type: "bold", offset: 0, length: 4096 }]);
  });

  it("rejects a caption over 1024 characters", async () => {
    const photo = await callApi(emu, "sendPhoto", { chat_id: maryam.id, photo: "https://example.org/a.jpg", caption: "c".repeat(1025) });
    expect(photo.body).toEqual({ ok: false, error_code: 400, description: "Bad Request: message caption is too long" });
  });

  it("requires chat_id and a chat the user has started", async () => {
    const missing = await callApi(emu, "sendMessage", { text: "hi" });
    expect(missing.body.description).toBe("Bad Request: chat_id is empty");
    const stranger = emu.createUser({ firstName: "Stranger" });
    const notStarted = await callApi(emu, "sendMessage", { chat_id: stranger.id, text: "hi" });
    expect(notStarted.status).toBe(400);
    expect(notStarted.body.description).toBe("Bad Request: chat not found");
    stranger.sendText("hello");
    const started = await callApi(emu, "sendMessage", { chat_id: stranger.id, text: "hi" });
    expect(started.body.ok).toBe(true);
  });

  it("validates reply keyboards and remembers them for the user", async () => {
    const bad = await callApi(emu, "sendMessage", { chat_id: maryam.id, text: "pick", reply_markup: { keyboard: [["a"], "b"] } });
    expect(bad.body.description).toBe('Bad Request: field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
    const good = await callApi(emu, "sendMessage", {
      chat_id: maryam.id,
      text: "pick",
      reply_markup: { keyboard: [["Yes", { text: "No" }]], resize_keyboard: true },
    });
    expect(good.body.result.reply_markup).toBeUndefined();
    expect(maryam.lastBotMessage()?.replyKeyboard).toEqual([["Yes", "No"]]);
  });
});

describe("media", () => {
  it("sendPhoto with a URL returns photo sizes whose file_id can be sent again", async () => {
    const first = await callApi(emu, "sendPhoto", { chat_id: maryam.id, photo: "https://example.org/a.jpg", caption: "<i>عکس</i>", parse_mode: "HTML" });
    expect(first.body.result.photo).toHaveLength(3);
    expect(first.body.result.caption_entities).toEqual([{ type: "italic", offset: 0, length: 3 }]);
    const fileId = first.body.result.photo[2].file_id;
    const again = await callApi(emu, "sendPhoto", { chat_id: maryam.id, photo: fileId });
    expect(again.body.result.photo[2].file_id).toBe(fileId);
    const wrong = await callApi(emu, "sendDocument", { chat_id: maryam.id, document: fileId });
    expect(wrong.body.description).toBe("Bad Request: can't use file of type Photo as Document");
    const unknown = await callApi(emu, "sendVoice", { chat_id: maryam.id, voice: "nonsense" });
    expect(unknown.body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
  });

  it("accepts multipart uploads and getFile knows the result", async () => {
    const form = new FormData();
    form.set("chat_id", String(maryam.id));
    form.set("document", new Blob([Buffer.from("%PDF-1.4 test")]), "report.pdf");
    form.set("reply_markup", JSON.stringify({ inline_keyboard: [[{ text: "Open", url: "https://example.org" }]] }));
    const response = await fetch(`${emu.apiRoot}/bot${emu.token}/sendDocument`, { method: "POST", body: form });
    const body = (await response.json()) as { result: { document: { file_id: string }; reply_markup: { inline_keyboard: { url: string }[][] } } };
    expect(body.result.document).toMatchObject({ file_name: "report.pdf", mime_type: "application/pdf", file_size: 13 });
    expect(body.result.reply_markup.inline_keyboard[0]![0]!.url).toBe("https://example.org");
    const file = await callApi(emu, "getFile", { file_id: body.result.document.file_id });
    expect(file.body.result.file_path).toMatch(/^documents\//);
  });
});

describe("commands and menu button", () => {
  it("stores commands per scope and language", async () => {
    const fa = [{ command: "start", description: "شروع" }];
    const en = [{ command: "start", description: "Start" }, { command: "help", description: "Help" }];
    await callApi(emu, "setMyCommands", { commands: fa, language_code: "fa" });
    await callApi(emu, "setMyCommands", { commands: en, scope: { type: "all_private_chats" } });
    expect((await callApi(emu, "getMyCommands", { language_code: "fa" })).body.result).toEqual(fa);
    expect((await callApi(emu, "getMyCommands", { scope: { type: "all_private_chats" } })).body.result).toEqual(en);
    expect((await callApi(emu, "getMyCommands")).body.result).toEqual([]);
    await callApi(emu, "deleteMyCommands", { language_code: "fa" });
    expect((await callApi(emu, "getMyCommands", { language_code: "fa" })).body.result).toEqual([]);
  });

  it("rejects invalid commands", async () => {
    const upper = await callApi(emu, "setMyCommands", { commands: [{ command: "Start", description: "x" }] });
    expect(upper.body.description).toBe("Bad Request: BOT_COMMAND_INVALID");
    const longDescription = await callApi(emu, "setMyCommands", { commands: [{ command: "start", description: "d".repeat(257) }] });
    expect(longDescription.status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, description: "x" }));
    expect((await callApi(emu, "setMyCommands", { commands: many })).status).toBe(400);
  });

  it("keeps a menu button per chat with a default", async () => {
    expect((await callApi(emu, "getChatMenuButton")).body.result).toEqual({ type: "commands" });
    const button = { type: "web_app", text: "Open", web_app: { url: "https://example.org/app" } };
    await callApi(emu, "setChatMenuButton", { chat_id: maryam.id, menu_button: button });
    expect((await callApi(emu, "getChatMenuButton", { chat_id: maryam.id })).body.result).toEqual(button);
    expect((await callApi(emu, "getChatMenuButton")).body.result).toEqual({ type: "commands" });
  });

  it("sendChatAction checks the action", async () => {
    expect((await callApi(emu, "sendChatAction", { chat_id: maryam.id, action: "typing" })).body.result).toBe(true);
    expect((await callApi(emu, "sendChatAction", { chat_id: maryam.id, action: "dancing" })).body.description).toBe(
      "Bad Request: wrong parameter action in request",
    );
  });
});
