import type { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import type { Message } from "grammy/types";
import { fromGroupStartPayload } from "../../domain/startPayload.js";
import type { UpdateContext } from "../context.js";
import { leaveWhenAddedToGroup } from "../features/membership/leaveGroups.js";
import { matchLocale } from "../i18n.js";

/**
 * Every feature runs in private chats only: in a group everyone would see what the bot shows, and
 * conversation state is kept per chat, so group members would share one conversation. Updates from
 * a group, supergroup or channel stop here, before anything reads or writes the database:
 * - a command, a mention of the bot or a reply to it gets one line with a link to a private chat;
 * - a button pressed on a message there (an old or forged one) gets a short answer, nothing else;
 * - the bot being added leaves the chat (features/membership/leaveGroups.ts);
 * - anything else: silence.
 * A button pressed on a message without a chat (an inline message, where the bot puts only link
 * buttons, or a game) is not ours: its spinner stops with the expired-button note, nothing else —
 * a handler would have no chat to answer in. Other updates without a chat (inline queries, which
 * show only public petition cards) pass on.
 */
export function privateChatsOnly(i18n: I18n<UpdateContext>, defaultLocale: string): MiddlewareFn<UpdateContext> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (ctx.callbackQuery && chat === undefined) {
      const locale = matchLocale(i18n.locales, ctx.from?.language_code) ?? defaultLocale;
      await ctx.answerCallbackQuery({ text: i18n.t(locale, "error-button-expired") }).catch((error: unknown) => ctx.log.warn({ err: error }, "could not answer a button without a chat"));
      return;
    }
    if (chat === undefined || chat.type === "private") return next();
    const locale = matchLocale(i18n.locales, ctx.from?.language_code) ?? defaultLocale;
    if (ctx.myChatMember) return leaveWhenAddedToGroup(ctx);
    if (ctx.callbackQuery) {
      try {
        await ctx.answerCallbackQuery({ text: i18n.t(locale, "private-only-button") });
        ctx.log.info({ group_chat_id: chat.id, outcome: "button refused" }, "button pressed outside a private chat");
      } catch (error) {
        ctx.log.warn({ group_chat_id: chat.id, outcome: "could not answer", err: error }, "button pressed outside a private chat");
      }
      return;
    }
    const message = ctx.message ?? ctx.channelPost;
    if (!message || !isAddressedToBot(message, { id: ctx.me.id, username: ctx.services.botUsername() })) return;
    const link = `https://t.me/${ctx.services.botUsername()}?start=${fromGroupStartPayload()}`;
    try {
      await ctx.reply(i18n.t(locale, "private-only-group", { link }), {
        reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true },
        link_preview_options: { is_disabled: true },
      });
      ctx.log.info({ group_chat_id: chat.id, outcome: "pointed to a private chat" }, "message to the bot outside a private chat");
    } catch (error) {
      // A group that does not let the bot write: nothing more to do there.
      ctx.log.warn({ group_chat_id: chat.id, outcome: "could not answer", err: error }, "message to the bot outside a private chat");
    }
  };
}

/** A command for this bot (`/x` or `/x@thisbot`), a mention of it, or a reply to one of its messages. */
export function isAddressedToBot(message: Message, bot: { id: number; username: string }): boolean {
  if (message.reply_to_message?.from?.id === bot.id) return true;
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const username = bot.username.toLowerCase();
  return entities.some((entity) => {
    const part = text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    switch (entity.type) {
      case "bot_command": {
        const at = part.indexOf("@");
        return entity.offset === 0 && (at < 0 || part.slice(at + 1) === username);
      }
      case "mention":
        return part === `@${username}`;
      case "text_mention":
        return entity.user.id === bot.id;
      default:
        return false;
    }
  });
}
