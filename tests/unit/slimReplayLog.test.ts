import { describe, expect, it } from "vitest";
import type { ConversationData, VersionedState } from "@grammyjs/conversations";
import { slimReplayLog } from "../../src/bot/features/idleConversations/slimReplayLog.js";

const user = { id: 100001, is_bot: false, first_name: "Maryam", last_name: "Karimi", username: "maryam_k", language_code: "fa" };
const chat = { id: 100001, type: "private", first_name: "Maryam", last_name: "Karimi", username: "maryam_k" };
const bot = { id: 123456, is_bot: true, first_name: "Family Reach", username: "family_reach_bot" };
const keyboard = { inline_keyboard: [[{ text: "Fars", callback_data: "rgc:familyProvince:fars" }]] };
const sent = { message_id: 7, from: bot, chat, date: 1795880218, text: "Summary: Reza Karimi, born 1962", reply_markup: keyboard };

function logOf(...receive: unknown[]): VersionedState<ConversationData> {
  return {
    version: [0, 2],
    state: {
      registration: [
        {
          args: '[{"edit":null}]',
          interrupts: [9],
          replay: { send: receive.map((_, i) => ({ payload: `op${i}` })), receive: receive.map((returnValue, send) => ({ send, returnValue })) },
        },
      ],
    },
  };
}
const received = (log: VersionedState<ConversationData>) => log.state!.registration![0]!.replay.receive.map((op) => op.returnValue);

describe("the replay log a conversation stores", () => {
  it("keeps what the user sent, whole, with only the ids and language of the sender and chat", () => {
    const typed = { update_id: 5, message: { message_id: 9, from: user, chat, date: 1795880220, text: "Reza Karimi", entities: [] } };
    const shared = { update_id: 6, message: { message_id: 10, from: user, chat, date: 1795880221, contact: { phone_number: "+989121234567", first_name: "Maryam", user_id: 100001 } } };
    const photo = { update_id: 7, message: { message_id: 11, from: user, chat, date: 1795880222, photo: [{ file_id: "AgAD", file_unique_id: "u", width: 90, height: 90 }], caption: "my brother" } };
    expect(received(slimReplayLog(logOf(typed, shared, photo)))).toEqual([
      { update_id: 5, message: { message_id: 9, from: { id: 100001, is_bot: false, first_name: "", language_code: "fa" }, chat: { id: 100001, type: "private" }, date: 1795880220, text: "Reza Karimi", entities: [] } },
      {
        update_id: 6,
        message: {
          message_id: 10,
          from: { id: 100001, is_bot: false, first_name: "", language_code: "fa" },
          chat: { id: 100001, type: "private" },
          date: 1795880221,
          contact: { phone_number: "+989121234567", first_name: "Maryam", user_id: 100001 },
        },
      },
      {
        update_id: 7,
        message: {
          message_id: 11,
          from: { id: 100001, is_bot: false, first_name: "", language_code: "fa" },
          chat: { id: 100001, type: "private" },
          date: 1795880222,
          photo: [{ file_id: "AgAD", file_unique_id: "u", width: 90, height: 90 }],
          caption: "my brother",
        },
      },
    ]);
  });

  it("keeps of a press its id and data, and of the message pressed on only what a reply or an edit needs", () => {
    const press = { update_id: 8, callback_query: { id: "q1", from: user, message: sent, chat_instance: "-79", data: "rgc:familyProvince:fars" } };
    expect(received(slimReplayLog(logOf(press)))).toEqual([
      {
        update_id: 8,
        callback_query: {
          id: "q1",
          from: { id: 100001, is_bot: false, first_name: "", language_code: "fa" },
          message: { message_id: 7, chat: { id: 100001, type: "private" }, date: 1795880218 },
          chat_instance: "-79",
          data: "rgc:familyProvince:fars",
        },
      },
    ]);
  });

  it("keeps of a message the bot sent its id, chat and date (not its text or keyboard), and any other result as it is", () => {
    const sendMessage = { ok: true, res: { ok: true, result: sent } };
    const answered = { ok: true, res: { ok: true, result: true } };
    const failed = { ok: false, err: { message: "Bad Request: message is not modified", error: "{}" } };
    const external = { ok: true, ret: { reference: "FR-1234", locations: [{ id: "camp-a", name: "Camp A" }] } };
    expect(received(slimReplayLog(logOf(sendMessage, answered, failed, external, 1795880218, "fa")))).toEqual([
      { ok: true, res: { ok: true, result: { message_id: 7, chat: { id: 100001, type: "private" }, date: 1795880218 } } },
      answered,
      failed,
      external,
      1795880218,
      "fa",
    ]);
  });

  it("leaves the conversation's arguments, interrupts and send log alone, and slimming twice changes nothing more", () => {
    const log = logOf({ update_id: 5, message: { message_id: 9, from: user, chat, date: 1, text: "/register" } }, { ok: true, res: { ok: true, result: sent } });
    const slim = slimReplayLog(log);
    const [before, after] = [log.state!.registration![0]!, slim.state!.registration![0]!];
    expect(after.args).toBe(before.args);
    expect(after.interrupts).toEqual(before.interrupts);
    expect(after.replay.send).toEqual(before.replay.send);
    expect(slim.version).toEqual(log.version);
    expect(slimReplayLog(slim)).toEqual(slim);
    // No name of the user's Telegram profile, no text the bot sent, survives.
    expect(JSON.stringify(slim)).not.toMatch(/Maryam|maryam_k|Summary|Fars/);
  });
});
