import type { CallbackQueryContext } from "grammy";
import type { AppealInput } from "../../../domain/petitions/content.js";
import type { ConversationContext } from "../../context.js";
import type { BotConversation } from "../../conversationKit.js";

export type TextOrButton =
  | { kind: "text"; text: string; ctx: ConversationContext }
  | { kind: "button"; data: string; ctx: CallbackQueryContext<ConversationContext> };

/**
 * Waits for typed text or a press of one of this step's buttons. Like waitForButton, commands,
 * menu buttons and other features' buttons go on to the rest of the bot; anything else (a photo,
 * a sticker) gets the hint and the question stays open.
 */
export async function waitForTextOrButton(conversation: BotConversation, buttons: readonly RegExp[], hintKey: string): Promise<TextOrButton> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && buttons.some((p) => p.test(data))) return { kind: "button", data, ctx: ctx as CallbackQueryContext<ConversationContext> };
    if (ctx.isOutsideInput || ctx.callbackQuery) await conversation.skip({ next: true });
    const text = ctx.message?.text;
    if (text !== undefined) return { kind: "text", text, ctx };
    await ctx.reply(ctx.t(hintKey));
  }
}

export type AppealMessage =
  | { kind: "appeal"; input: AppealInput; ctx: ConversationContext }
  | { kind: "button"; data: string; ctx: CallbackQueryContext<ConversationContext> };

/** Waits for what a user sends as an appeal: text, a photo, a voice message — or anything else, to be answered kindly. */
export async function waitForAppealMessage(conversation: BotConversation, buttons: readonly RegExp[]): Promise<AppealMessage> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && buttons.some((p) => p.test(data))) return { kind: "button", data, ctx: ctx as CallbackQueryContext<ConversationContext> };
    if (ctx.isOutsideInput || ctx.callbackQuery || !ctx.message) await conversation.skip({ next: true });
    return { kind: "appeal", input: appealInputOf(ctx.message!), ctx };
  }
}

function appealInputOf(message: NonNullable<ConversationContext["message"]>): AppealInput {
  if (message.text !== undefined) return { kind: "text", text: message.text };
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1]!;
    return {
      kind: "photo",
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      ...(largest.file_size !== undefined ? { fileSize: largest.file_size } : {}),
      ...(message.caption !== undefined ? { caption: message.caption } : {}),
    };
  }
  if (message.voice) {
    return {
      kind: "voice",
      fileId: message.voice.file_id,
      fileUniqueId: message.voice.file_unique_id,
      duration: message.voice.duration,
      ...(message.voice.file_size !== undefined ? { fileSize: message.voice.file_size } : {}),
    };
  }
  if (message.sticker) return { kind: "unsupported", what: "sticker" };
  if (message.video) return { kind: "unsupported", what: "video" };
  if (message.video_note) return { kind: "unsupported", what: "video_note" };
  if (message.animation) return { kind: "unsupported", what: "animation" };
  if (message.audio) return { kind: "unsupported", what: "audio" };
  if (message.document) return { kind: "unsupported", what: "document" };
  if (message.location) return { kind: "unsupported", what: "location" };
  if (message.contact) return { kind: "unsupported", what: "contact" };
  return { kind: "unsupported", what: "other" };
}
