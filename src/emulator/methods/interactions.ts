// answerCallbackQuery, answerInlineQuery, sendChatAction, getChat, getFile and small acknowledgements.
import { z } from "zod";
import { badRequest, chatNotFound } from "../botApiError.js";
import type { FileKind } from "../fileStore.js";
import { boolParam, chatIdParam, intParam, parseParams, stringParam } from "../validation.js";
import { botUser, enqueueGroupMembershipChange, enqueueUpdate, nowSeconds, privateChat, telegramUser } from "../emulatorState.js";
import type { TelegramObject } from "../types.js";
import { immediate, notAMember, writableChat, type MethodSpec } from "./methodTypes.js";

/** Telegram forgets callback queries after 15 minutes. */
const callbackQueryLifetimeMs = 15 * 60 * 1000;

const answerCallbackSchema = z.looseObject({
  callback_query_id: stringParam,
  text: z.string().optional(),
  show_alert: boolParam.optional(),
  url: z.string().optional(),
  cache_time: intParam.optional(),
});

const answerCallbackQuery: MethodSpec = {
  name: "answerCallbackQuery",
  prepare(params, { state }) {
    const p = parseParams(answerCallbackSchema, params);
    const query = state.queries.callbackQuery(p.callback_query_id);
    if (!query || query.answered || state.now() - query.at > callbackQueryLifetimeMs) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    if (p.text !== undefined && [...p.text].length > 200) throw badRequest("MESSAGE_TOO_LONG");
    return immediate(() => {
      query.answered = true;
      state.store.recordCallbackAnswer(query.userId, {
        ...(p.text !== undefined && p.text !== "" ? { text: p.text } : {}),
        ...(p.show_alert !== undefined ? { showAlert: p.show_alert } : {}),
        at: state.now(),
      });
      return true;
    });
  },
};

const answerInlineSchema = z.looseObject({
  inline_query_id: stringParam,
  results: z.array(z.looseObject({ type: z.string(), id: z.string() })),
  cache_time: intParam.optional(),
  is_personal: boolParam.optional(),
  next_offset: z.string().optional(),
});

/** Telegram drops an inline query that is not answered within about 10 seconds. */
const inlineQueryLifetimeMs = 10_000;

const answerInlineQuery: MethodSpec = {
  name: "answerInlineQuery",
  prepare(params, { state }) {
    const p = parseParams(answerInlineSchema, params);
    if (p.results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
    const ids = p.results.map((r) => r.id);
    if (ids.some((id) => id === "" || Buffer.byteLength(id, "utf8") > 64)) throw badRequest("RESULT_ID_INVALID");
    if (new Set(ids).size !== ids.length) throw badRequest("RESULT_ID_DUPLICATE");
    // Queries the emulator did not issue (a raw injected update) are accepted and not recorded.
    const query = state.queries.inlineQuery(p.inline_query_id);
    if (query && (query.answer || state.now() - query.at > inlineQueryLifetimeMs)) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    return immediate(() => {
      if (query) {
        state.store.recordInlineAnswer(query, {
          queryId: query.id,
          query: query.query,
          results: p.results,
          ...(p.cache_time !== undefined ? { cacheTime: p.cache_time } : {}),
          ...(p.is_personal !== undefined ? { isPersonal: p.is_personal } : {}),
          ...(p.next_offset !== undefined ? { nextOffset: p.next_offset } : {}),
          at: state.now(),
        });
      }
      return true;
    });
  },
};

const chatActions = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const chatActionSchema = z.looseObject({ chat_id: chatIdParam, action: z.string({ error: "parameter \"action\" is required" }) });

const sendChatAction: MethodSpec = {
  name: "sendChatAction",
  blockable: true,
  prepare(params, { state }) {
    const p = parseParams(chatActionSchema, params);
    const target = writableChat(state, p.chat_id);
    if (!chatActions.has(p.action)) throw badRequest("wrong parameter action in request");
    return { chatId: target.id, run: () => true };
  },
};

const chatSchema = z.looseObject({ chat_id: chatIdParam });

const getChat: MethodSpec = {
  name: "getChat",
  prepare(params, { state }) {
    const target = writableChat(state, parseParams(chatSchema, params).chat_id);
    if (target.group) return immediate(() => ({ ...target.chat, accent_color_id: 0, max_reaction_count: 11 }));
    const user = target.user!;
    return immediate(() => ({
      id: user.id,
      type: "private",
      first_name: user.firstName,
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      accent_color_id: user.id % 7,
      max_reaction_count: 11,
    }));
  },
};

const fileExtension: Record<FileKind, string> = {
  photo: "jpg",
  document: "pdf",
  voice: "oga",
  sticker: "webp",
  video: "mp4",
  audio: "mp3",
  animation: "mp4",
};

const getFile: MethodSpec = {
  name: "getFile",
  prepare(params, { state }) {
    const p = parseParams(z.looseObject({ file_id: z.string() }), params);
    const file = state.files.get(p.file_id);
    if (!file) throw badRequest("invalid file_id");
    return immediate(() => ({
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.fileSize,
      file_path: `${file.kind}s/file_${file.fileUniqueId}.${fileExtension[file.kind]}`,
    }));
  },
};

/** Accepted so a bot that calls them does not crash; the emulator has nothing to show for them. */
const acknowledged = ["setMessageReaction", "pinChatMessage", "unpinChatMessage", "unpinAllChatMessages"].map(
  (name): MethodSpec => ({
    name,
    prepare(params, { state }) {
      writableChat(state, parseParams(chatSchema, params).chat_id);
      return immediate(() => true);
    },
  }),
);

/**
 * The bot leaves a group, supergroup or channel. Telegram then sends the bot its own my_chat_member
 * (member → left); afterwards sends to the chat get 403.
 */
const leaveChat: MethodSpec = {
  name: "leaveChat",
  prepare(params, { state }) {
    const chatId = parseParams(chatSchema, params).chat_id;
    const group = typeof chatId === "number" ? state.store.group(chatId) : undefined;
    if (!group) {
      if (typeof chatId === "number" && state.store.user(chatId)) throw badRequest("chat member status can't be changed in private chats");
      throw chatNotFound();
    }
    if (group.botStatus === "left") throw notAMember(group);
    return immediate(() => {
      const before = group.botStatus;
      state.store.updateGroup(group, { botStatus: "left" });
      enqueueGroupMembershipChange(state, group, botUser(state), before, "left");
      return true;
    });
  },
};

const answerWebAppSchema = z.looseObject({
  web_app_query_id: stringParam,
  result: z.looseObject({ type: z.string(), id: z.string() }),
});

/** Telegram lets a Mini App's query be answered once, for a limited time (like a callback query). */
const webAppQueryLifetimeMs = callbackQueryLifetimeMs;

/**
 * A Mini App opened from an inline or menu button answers through its bot: the result is sent in
 * the user's name, "via @bot", to the chat the app was opened from — and reaches the bot as a message.
 * Only results with text (input_message_content.message_text, as an article has) are modelled.
 */
const answerWebAppQuery: MethodSpec = {
  name: "answerWebAppQuery",
  prepare(params, { state }) {
    const p = parseParams(answerWebAppSchema, params);
    const query = state.queries.webAppQuery(p.web_app_query_id);
    if (!query || query.answered || state.now() - query.at > webAppQueryLifetimeMs) {
      throw badRequest("query is too old and response timeout expired or query ID is invalid");
    }
    const content = p.result.input_message_content as TelegramObject | undefined;
    const text = typeof content?.message_text === "string" ? content.message_text : undefined;
    if (text === undefined || text.trim() === "") throw badRequest("message text is empty");
    const user = state.store.user(query.userId);
    if (!user) throw chatNotFound();
    return immediate(() => {
      query.answered = true;
      const stored = state.store.addMessage(user.id, "user", (messageId) => ({
        message_id: messageId,
        from: telegramUser(user),
        chat: privateChat(user),
        date: nowSeconds(state),
        via_bot: botUser(state),
        text,
      }));
      enqueueUpdate(state, { message: stored.message });
      return {};
    });
  },
};

export const interactionMethods: MethodSpec[] = [
  answerWebAppQuery,
  leaveChat,
  answerCallbackQuery,
  answerInlineQuery,
  sendChatAction,
  getChat,
  getFile,
  ...acknowledged,
];
