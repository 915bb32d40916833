// The chat as the user sees it: edits, deletions, button presses and waiting for the bot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi, fakeClock } from "./emulatorTestKit.js";

const clock = fakeClock();
let emu: TelegramEmulator;

beforeAll(async () => {
  emu = await TelegramEmulator.start({ now: clock.now, limits: { perChatBurst: 1000, globalPerSecond: 1000 } });
});

afterAll(async () => {
  await emu.stop();
});

const keyboard = (...labels: string[]) => ({ inline_keyboard: [labels.map((label) => ({ text: label, callback_data: `pick:${label}` }))] });

describe("transcript", () => {
  it("shows edits in place and hides deleted messages", async () => {
    const leila = emu.createUser({ firstName: "Leila", languageCode: "fa" });
    leila.sendCommand("start");
    const first = await callApi(emu, "sendMessage", { chat_id: leila.id, text: "در حال جستجو…" });
    const second = await callApi(emu, "sendMessage", { chat_id: leila.id, text: "to delete" });
    const messageId = first.body.result.message_id;

    const edited = await callApi(emu, "editMessageText", {
      chat_id: leila.id,
      message_id: messageId,
      text: "<b>پیدا شد</b>",
      parse_mode: "HTML",
      reply_markup: keyboard("OK"),
    });
    expect(edited.body.result).toMatchObject({ text: "پیدا شد", edit_date: expect.any(Number), reply_markup: keyboard("OK") });
    await callApi(emu, "deleteMessage", { chat_id: leila.id, message_id: second.body.result.message_id });

    expect(leila.transcript()).toEqual([
      expect.objectContaining({ from: "user", text: "/start" }),
      expect.objectContaining({
        from: "bot",
        messageId,
        text: "پیدا شد",
        parseMode: "HTML",
        entities: [{ type: "bold", offset: 0, length: 7 }],
        inlineKeyboard: [[{ text: "OK", callbackData: "pick:OK" }]],
        edited: true,
        editCount: 1,
      }),
    ]);
  });

  it("reports Telegram's errors for edits and deletes", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    const sent = await callApi(emu, "sendMessage", { chat_id: user.id, text: "same", reply_markup: keyboard("A") });
    const id = sent.body.result.message_id;
    const same = await callApi(emu, "editMessageText", { chat_id: user.id, message_id: id, text: "same", reply_markup: keyboard("A") });
    expect(same.body.description).toBe(
      "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    );
    const markupOnly = await callApi(emu, "editMessageReplyMarkup", { chat_id: user.id, message_id: id, reply_markup: keyboard("A") });
    expect(markupOnly.status).toBe(400);
    const removed = await callApi(emu, "editMessageReplyMarkup", { chat_id: user.id, message_id: id });
    expect(removed.body.result.reply_markup).toBeUndefined();
    expect((await callApi(emu, "editMessageText", { chat_id: user.id, message_id: 999, text: "x" })).body.description).toBe(
      "Bad Request: message to edit not found",
    );
    expect((await callApi(emu, "deleteMessage", { chat_id: user.id, message_id: 999 })).body.description).toBe(
      "Bad Request: message to delete not found",
    );
    expect((await callApi(emu, "editMessageText", { chat_id: user.id, message_id: 1, text: "x" })).body.description).toBe(
      "Bad Request: message can't be edited",
    );
  });
});

describe("buttons", () => {
  it("pressButton sends a callback_query for the newest matching button; the answer is recorded", async () => {
    const arta = emu.createUser({ firstName: "Arta", languageCode: "sq" });
    arta.sendCommand("start");
    await callApi(emu, "sendMessage", { chat_id: arta.id, text: "old", reply_markup: keyboard("Po", "Jo") });
    const newer = await callApi(emu, "sendMessage", { chat_id: arta.id, text: "new", reply_markup: keyboard("Po") });
    // Confirm everything so far; only the press remains.
    await callApi(emu, "getUpdates", { offset: emu.nextUpdateId() });

    const updateId = arta.pressButton(/^po$/i);
    const { body } = await callApi(emu, "getUpdates");
    const update = body.result.find((u: { update_id: number }) => u.update_id === updateId);
    expect(update.callback_query).toMatchObject({
      from: { id: arta.id, language_code: "sq" },
      data: "pick:Po",
      message: { message_id: newer.body.result.message_id, text: "new" },
      chat_instance: expect.any(String),
    });

    const queryId = update.callback_query.id;
    const answer = await callApi(emu, "answerCallbackQuery", { callback_query_id: queryId, text: "U ruajt", show_alert: true });
    expect(answer.body.result).toBe(true);
    expect(arta.callbackAnswers()).toEqual([{ text: "U ruajt", showAlert: true, at: clock.now() }]);

    const twice = await callApi(emu, "answerCallbackQuery", { callback_query_id: queryId });
    expect(twice.body.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });

  it("refuses callback answers after 15 minutes and texts over 200 characters", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    await callApi(emu, "sendMessage", { chat_id: user.id, text: "pick", reply_markup: keyboard("A") });
    const updateId = user.pressButton("A");
    const updates = (await callApi(emu, "getUpdates", { offset: updateId })).body.result;
    const id = updates[0].callback_query.id;
    expect((await callApi(emu, "answerCallbackQuery", { callback_query_id: id, text: "x".repeat(201) })).status).toBe(400);
    clock.advance(15 * 60 * 1000 + 1);
    expect((await callApi(emu, "answerCallbackQuery", { callback_query_id: id })).body.description).toMatch(/query is too old/);
    expect((await callApi(emu, "answerCallbackQuery", { callback_query_id: "nope" })).status).toBe(400);
  });

  it("explains which buttons are visible when the label is not there", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    await callApi(emu, "sendMessage", { chat_id: user.id, text: "pick", reply_markup: keyboard("Yes", "No") });
    expect(() => user.pressButton("Maybe")).toThrow(/Visible buttons: #\d+: "Yes", "No"/);
  });

  it("pressReplyButton sends the label of a visible reply keyboard button", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    await callApi(emu, "sendMessage", { chat_id: user.id, text: "lang?", reply_markup: { keyboard: [["فارسی", "English"]] } });
    user.pressReplyButton("فارسی");
    expect(user.transcript().at(-1)).toMatchObject({ from: "user", text: "فارسی" });
    expect(() => user.pressReplyButton("Deutsch")).toThrow(/Visible reply buttons: "فارسی", "English"/);
    await callApi(emu, "sendMessage", { chat_id: user.id, text: "ok", reply_markup: { remove_keyboard: true } });
    expect(user.lastBotMessage()?.removeKeyboard).toBe(true);
    expect(() => user.pressReplyButton("فارسی")).toThrow(/none/);
  });
});

describe("waiting for the bot", () => {
  it("waitForReplies counts sends and edits after the user's last action", async () => {
    const user = emu.createUser();
    user.sendText("first");
    const old = await callApi(emu, "sendMessage", { chat_id: user.id, text: "before" });
    user.sendText("second");
    const waiting = user.waitForReplies({ count: 2 });
    setTimeout(() => {
      void callApi(emu, "editMessageText", { chat_id: user.id, message_id: old.body.result.message_id, text: "edited" }).then(() =>
        callApi(emu, "sendMessage", { chat_id: user.id, text: "after" }),
      );
    }, 20);
    const replies = await waiting;
    expect(replies.map((m) => m.text)).toEqual(["edited", "after"]);
    await expect(user.waitForText(/aft/)).resolves.toMatchObject({ text: "after" });
  });

  it("rejects with the transcript tail when nothing comes", async () => {
    const user = emu.createUser({ firstName: "Quiet" });
    user.sendText("anyone there?");
    await expect(user.waitForReply({ timeoutMs: 50 })).rejects.toThrow(/waited 50 ms[\s\S]*user #1: anyone there\?/);
  });
});
