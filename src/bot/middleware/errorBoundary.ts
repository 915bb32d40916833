import type { I18n } from "@grammyjs/i18n";
import type { MiddlewareFn } from "grammy";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import { isUpdateInFlightElsewhere } from "../../services/updateClaims.js";
import type { BotContext } from "../context.js";
import { matchLocale } from "../i18n.js";
import { droppedAConversation } from "./conversationDropWatch.js";

/**
 * The last line of defence. A failing handler is logged with its update id and the user gets a calm
 * message; the process keeps serving. When the database is away, the user is told once per outage
 * that nothing they sent is lost, and the error is re-thrown so the poller (or Telegram's webhook
 * retry) delivers the update again once the database is back. When the error ended a conversation
 * the user was in, they are told honestly to start that step again (never "nothing was lost").
 * An update another live process is handling is passed on silently, to be fetched again.
 */
export function errorBoundary(i18n: I18n<BotContext>, defaultLocale: string): MiddlewareFn<BotContext> {
  const toldDuringOutage = new Set<number>();
  return async (ctx, next) => {
    try {
      await next();
      toldDuringOutage.clear();
    } catch (error) {
      if (isUpdateInFlightElsewhere(error)) throw error;
      const chatId = ctx.chat?.id;
      const locale = ctx.profile?.locale ?? matchLocale(i18n.locales, ctx.from?.language_code) ?? defaultLocale;
      if (droppedAConversation(error)) {
        // The answers given so far are gone with the conversation; retrying this update cannot bring them back.
        ctx.log.error({ err: describeError(error) }, "handler failed; the conversation was ended");
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        if (chatId !== undefined) await safeReply(ctx, i18n.t(locale, "error-conversation-dropped"));
        return;
      }
      if (isDatabaseUnavailableError(error)) {
        ctx.log.warn("database unavailable; update will be retried");
        // Stops the button's spinner now; the retry's own answer is then refused by Telegram, harmlessly
        // (see expiredCallbackAnswers.ts).
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        if (chatId !== undefined && !toldDuringOutage.has(chatId)) {
          toldDuringOutage.add(chatId);
          await safeReply(ctx, i18n.t(locale, "error-database-unavailable"));
        }
        throw error;
      }
      ctx.log.error({ err: describeError(error) }, "handler failed");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (chatId !== undefined) await safeReply(ctx, i18n.t(locale, "error-generic"));
    }
  };
}

async function safeReply(ctx: BotContext, text: string): Promise<void> {
  try {
    await ctx.reply(text);
  } catch (error) {
    ctx.log.warn({ err: describeError(error) }, "could not tell the user about an error");
  }
}

/** Error name, message and stack only: never the update or its text. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "NonError", message: String(error) };
}
