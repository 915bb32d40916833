// sendMessage, sendPhoto, sendDocument, sendVoice, copyMessage, forwardMessage.
import { z } from "zod";
import { badRequest } from "../botApiError.js";
import { botUser, nowSeconds, type EmulatorState } from "../emulatorState.js";
import type { FileKind, NewFile, StoredFile } from "../fileStore.js";
import { captionText, messageText, type FormattedText } from "../formattedText.js";
import { parseReplyMarkup, type ReplyMarkup } from "../replyMarkup.js";
import type { TelegramObject } from "../types.js";
import { arrayParam, boolParam, chatIdParam, intParam, parseParams, stringParam } from "../validation.js";
import { writableChat, type ChatTarget, type MethodContext, type MethodSpec } from "./methodTypes.js";

const sendBase = {
  chat_id: chatIdParam,
  reply_markup: z.unknown().optional(),
  allow_paid_broadcast: boolParam.optional(),
  reply_parameters: z.looseObject({ message_id: intParam, allow_sending_without_reply: boolParam.optional() }).optional(),
  reply_to_message_id: intParam.optional(),
  disable_notification: boolParam.optional(),
  protect_content: boolParam.optional(),
};

const sendMessageSchema = z.looseObject({
  ...sendBase,
  text: stringParam.optional(),
  parse_mode: z.string().optional(),
  entities: arrayParam.optional(),
});

const sendMediaSchema = z.looseObject({
  ...sendBase,
  caption: stringParam.optional(),
  parse_mode: z.string().optional(),
  caption_entities: arrayParam.optional(),
  duration: intParam.optional(),
});

interface BotMessageInput {
  target: ChatTarget;
  content: TelegramObject;
  markup: ReplyMarkup | undefined;
  parseMode: string | undefined;
  replyTo: TelegramObject | undefined;
}

export function storeBotMessage(state: EmulatorState, input: BotMessageInput): TelegramObject {
  const stored = state.store.addMessage(
    input.target.id,
    "bot",
    (messageId) => ({
      message_id: messageId,
      // Channel posts carry the channel as their sender instead of the bot.
      ...(input.target.group?.type === "channel" ? { sender_chat: input.target.chat } : { from: botUser(state) }),
      chat: input.target.chat,
      date: nowSeconds(state),
      ...(input.replyTo ? { reply_to_message: input.replyTo } : {}),
      ...input.content,
      // Telegram echoes only inline keyboards in the returned Message.
      ...(input.markup?.kind === "inline" ? { reply_markup: input.markup.markup } : {}),
    }),
    {
      ...(input.parseMode ? { parseMode: input.parseMode } : {}),
      ...(input.markup ? { markup: input.markup } : {}),
    },
  );
  return stored.message;
}

function repliedMessage(
  state: EmulatorState,
  chatId: number,
  p: { reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean }; reply_to_message_id?: number },
): TelegramObject | undefined {
  const id = p.reply_parameters?.message_id ?? p.reply_to_message_id;
  if (id === undefined) return undefined;
  const target = state.store.message(chatId, id);
  if (target) {
    const { reply_to_message: _nested, ...message } = target.message;
    return message;
  }
  if (p.reply_parameters?.allow_sending_without_reply) return undefined;
  throw badRequest("message to be replied not found");
}

/** What every send shares once its content is checked: reply markup, the replied-to message, paid broadcast. */
function sendTo(
  state: EmulatorState,
  target: ChatTarget,
  p: Parameters<typeof repliedMessage>[2] & { reply_markup?: unknown; allow_paid_broadcast?: boolean | undefined; parse_mode?: string | undefined },
  content: () => TelegramObject,
): { chatId: number; paid: boolean; run(): TelegramObject } {
  const markup = parseReplyMarkup(p.reply_markup, { privateChat: target.group === undefined });
  const replyTo = repliedMessage(state, target.id, p);
  return {
    chatId: target.id,
    paid: p.allow_paid_broadcast === true,
    run: () => storeBotMessage(state, { target, content: content(), markup, parseMode: p.parse_mode, replyTo }),
  };
}

const withText = (key: "entities" | "caption_entities", formatted: FormattedText | undefined, textKey: "text" | "caption") =>
  formatted
    ? { [textKey]: formatted.text, ...(formatted.entities.length > 0 ? { [key]: formatted.entities } : {}) }
    : {};

const sendMessage: MethodSpec = {
  name: "sendMessage",
  sending: true,
  prepare(params, { state }) {
    const p = parseParams(sendMessageSchema, params);
    const target = writableChat(state, p.chat_id);
    const formatted = messageText(p.text, p.parse_mode, p.entities);
    return sendTo(state, target, p, () => withText("entities", formatted, "text"));
  },
};

const mimeByExtension: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  ogg: "audio/ogg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Validates the media argument now; creates new files only when the call really goes through. */
function mediaSource(ctx: MethodContext, field: FileKind, value: unknown, fallback: NewFile): () => StoredFile {
  const attached = typeof value === "string" && value.startsWith("attach://") ? value.slice("attach://".length) : undefined;
  const upload = attached !== undefined ? ctx.uploads.get(attached) : value === undefined ? ctx.uploads.get(field) : undefined;
  if (attached !== undefined && !upload) throw badRequest(`wrong file identifier/HTTP URL specified`);
  if (upload) {
    const extension = upload.filename.split(".").pop()?.toLowerCase() ?? "";
    return () =>
      ctx.state.files.create({
        ...fallback,
        fileSize: upload.size,
        fileName: upload.filename,
        content: upload.data,
        mimeType: mimeByExtension[extension] ?? fallback.mimeType ?? "application/octet-stream",
      });
  }
  if (typeof value === "string" && /^https?:\/\//i.test(value)) return () => ctx.state.files.create(fallback);
  const known = ctx.state.files.resolve(value, field, fallback);
  return () => known;
}

function mediaMethod(name: string, kind: "photo" | "document" | "voice"): MethodSpec {
  return {
    name,
    sending: true,
    prepare(params, ctx) {
      const { state } = ctx;
      const p = parseParams(sendMediaSchema, params);
      const target = writableChat(state, p.chat_id);
      const file = mediaSource(ctx, kind, params[kind], { kind, ...(p.duration !== undefined ? { duration: p.duration } : {}) });
      const caption = captionText(p.caption, p.parse_mode, p.caption_entities);
      return sendTo(state, target, p, () => ({ [kind]: file().telegramValue, ...withText("caption_entities", caption, "caption") }));
    },
  };
}

const copySchema = z.looseObject({
  ...sendBase,
  from_chat_id: chatIdParam,
  message_id: intParam,
  caption: stringParam.optional(),
  parse_mode: z.string().optional(),
  caption_entities: arrayParam.optional(),
});

const copiedKeys = ["text", "entities", "photo", "document", "voice", "video", "sticker", "contact", "caption", "caption_entities"];

function sourceMessage(state: EmulatorState, chatId: number | string, messageId: number, what: string): TelegramObject {
  const source = typeof chatId === "number" ? state.store.message(chatId, messageId) : undefined;
  if (!source) throw badRequest(`message to ${what} not found`);
  return Object.fromEntries(Object.entries(source.message).filter(([key]) => copiedKeys.includes(key)));
}

const copyMessage: MethodSpec = {
  name: "copyMessage",
  sending: true,
  prepare(params, { state }) {
    const p = parseParams(copySchema, params);
    const target = writableChat(state, p.chat_id);
    const content = sourceMessage(state, p.from_chat_id, p.message_id, "copy");
    const caption = captionText(p.caption, p.parse_mode, p.caption_entities);
    if (caption) Object.assign(content, withText("caption_entities", caption, "caption"));
    const send = sendTo(state, target, p, () => content);
    // copyMessage answers with the new message's id only.
    return { ...send, run: () => ({ message_id: send.run().message_id }) };
  },
};

const forwardMessage: MethodSpec = {
  name: "forwardMessage",
  sending: true,
  prepare(params, { state }) {
    const p = parseParams(copySchema, params);
    const target = writableChat(state, p.chat_id);
    const content = sourceMessage(state, p.from_chat_id, p.message_id, "forward");
    const original = state.store.message(Number(p.from_chat_id), p.message_id)!.message;
    const origin = { type: "user", sender_user: original.from, date: original.date };
    return {
      chatId: target.id,
      paid: p.allow_paid_broadcast === true,
      run: () =>
        storeBotMessage(state, { target, content: { forward_origin: origin, ...content }, markup: undefined, parseMode: undefined, replyTo: undefined }),
    };
  },
};

export const sendMethods: MethodSpec[] = [
  sendMessage,
  mediaMethod("sendPhoto", "photo"),
  mediaMethod("sendDocument", "document"),
  mediaMethod("sendVoice", "voice"),
  copyMessage,
  forwardMessage,
];
