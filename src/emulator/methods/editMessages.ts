// editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage(s).
import { z } from "zod";
import { badRequest } from "../botApiError.js";
import type { StoredMessage } from "../chatRecords.js";
import type { EmulatorState } from "../emulatorState.js";
import { nowSeconds } from "../emulatorState.js";
import { captionText, messageText } from "../formattedText.js";
import { parseInlineKeyboardOnly, type ReplyMarkup } from "../replyMarkup.js";
import type { TelegramObject } from "../types.js";
import { arrayParam, chatIdParam, intParam, parseParams, stringParam } from "../validation.js";
import { immediate, writableChat, type MethodSpec } from "./methodTypes.js";

const target = {
  chat_id: chatIdParam.optional(),
  message_id: intParam.optional(),
  inline_message_id: z.string().optional(),
  reply_markup: z.unknown().optional(),
};

const notModified = () =>
  badRequest(
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );

function editableMessage(state: EmulatorState, p: { chat_id?: number | string; message_id?: number; inline_message_id?: string }): StoredMessage {
  if (p.inline_message_id !== undefined) throw badRequest("message to edit not found");
  if (p.chat_id === undefined) throw badRequest("chat_id is empty");
  if (p.message_id === undefined) throw badRequest("message identifier is not specified");
  const chatId = writableChat(state, p.chat_id).id;
  const stored = state.store.message(chatId, p.message_id);
  if (!stored) throw badRequest("message to edit not found");
  if (stored.from !== "bot") throw badRequest("message can't be edited");
  return stored;
}

/** Reply keyboards are chat state, not part of the message, so edits keep them. */
function markupAfterEdit(stored: StoredMessage, inline: ReplyMarkup | undefined): ReplyMarkup | undefined {
  if (inline) return inline;
  return stored.markup?.kind === "inline" ? undefined : stored.markup;
}

function applyEdit(
  state: EmulatorState,
  stored: StoredMessage,
  changes: TelegramObject,
  removeKeys: string[],
  inline: ReplyMarkup | undefined,
  parseMode?: string,
): TelegramObject {
  const next: TelegramObject = { ...stored.message, ...changes };
  for (const key of removeKeys) if (!(key in changes)) delete next[key];
  delete next.reply_markup;
  if (inline?.kind === "inline") next.reply_markup = inline.markup;
  if (sameContent(stored.message, next)) throw notModified();
  next.edit_date = nowSeconds(state);
  state.store.replaceMessage(stored, next, {
    ...(parseMode !== undefined ? { parseMode } : {}),
    markup: markupAfterEdit(stored, inline),
  });
  return next;
}

const contentKeys = ["text", "entities", "caption", "caption_entities", "reply_markup"];

function sameContent(a: TelegramObject, b: TelegramObject): boolean {
  return contentKeys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

const hasMedia = (m: TelegramObject): boolean => ["photo", "document", "voice", "video", "audio", "animation"].some((k) => k in m);

const editTextSchema = z.looseObject({ ...target, text: stringParam.optional(), parse_mode: z.string().optional(), entities: arrayParam.optional() });

const editMessageText: MethodSpec = {
  name: "editMessageText",
  prepare(params, { state }) {
    const p = parseParams(editTextSchema, params);
    const stored = editableMessage(state, p);
    if (typeof stored.message.text !== "string") throw badRequest("there is no text in the message to edit");
    const formatted = messageText(p.text, p.parse_mode, p.entities);
    const inline = parseInlineKeyboardOnly(p.reply_markup, { privateChat: stored.chatId > 0 });
    const changes: TelegramObject = { text: formatted.text };
    if (formatted.entities.length > 0) changes.entities = formatted.entities;
    return immediate(() => applyEdit(state, stored, changes, ["entities"], inline, p.parse_mode ?? ""));
  },
};

const editCaptionSchema = z.looseObject({
  ...target,
  caption: stringParam.optional(),
  parse_mode: z.string().optional(),
  caption_entities: arrayParam.optional(),
});

const editMessageCaption: MethodSpec = {
  name: "editMessageCaption",
  prepare(params, { state }) {
    const p = parseParams(editCaptionSchema, params);
    const stored = editableMessage(state, p);
    if (!hasMedia(stored.message)) throw badRequest("there is no caption in the message to edit");
    const caption = captionText(p.caption, p.parse_mode, p.caption_entities);
    const inline = parseInlineKeyboardOnly(p.reply_markup, { privateChat: stored.chatId > 0 });
    const changes: TelegramObject = {};
    if (caption) changes.caption = caption.text;
    if (caption && caption.entities.length > 0) changes.caption_entities = caption.entities;
    return immediate(() => applyEdit(state, stored, changes, ["caption", "caption_entities"], inline, p.parse_mode ?? ""));
  },
};

const editMarkupSchema = z.looseObject(target);

const editMessageReplyMarkup: MethodSpec = {
  name: "editMessageReplyMarkup",
  prepare(params, { state }) {
    const p = parseParams(editMarkupSchema, params);
    const stored = editableMessage(state, p);
    const inline = parseInlineKeyboardOnly(p.reply_markup, { privateChat: stored.chatId > 0 });
    return immediate(() => applyEdit(state, stored, {}, [], inline));
  },
};

const deleteSchema = z.looseObject({ chat_id: chatIdParam, message_id: intParam });

const deleteMessage: MethodSpec = {
  name: "deleteMessage",
  prepare(params, { state }) {
    const p = parseParams(deleteSchema, params);
    const chatId = writableChat(state, p.chat_id).id;
    const stored = state.store.message(chatId, p.message_id);
    if (!stored) throw badRequest("message to delete not found");
    return immediate(() => {
      state.store.deleteMessage(stored);
      return true;
    });
  },
};

const deleteManySchema = z.looseObject({ chat_id: chatIdParam, message_ids: z.array(intParam).min(1).max(100) });

const deleteMessages: MethodSpec = {
  name: "deleteMessages",
  prepare(params, { state }) {
    const p = parseParams(deleteManySchema, params);
    const chatId = writableChat(state, p.chat_id).id;
    return immediate(() => {
      for (const id of p.message_ids) {
        const stored = state.store.message(chatId, id);
        if (stored) state.store.deleteMessage(stored);
      }
      return true;
    });
  },
};

export const editMethods: MethodSpec[] = [editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage, deleteMessages];
