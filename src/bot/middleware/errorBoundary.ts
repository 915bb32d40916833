import type { I18n } from "@grammyjs/i18n";
import { GrammyError, type MiddlewareFn } from "grammy";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import { isUpdateInFlightElsewhere } from "../../services/updateClaims.js";
import { isTelegramUnreachableError } from "../telegramUnreachable.js";
import { sleep } from "../../sleep.js";
import type { UpdateContext } from "../context.js";
import { matchLocale } from "../i18n.js";
import { droppedAConversation } from "./conversationDropWatch.js";

/**
 * The last line of defence. A failing handler is logged with its update id and the user gets a calm
 * message; the process keeps serving. When the database is away, the user is told once per outage
 * that nothing they sent is lost, and the error is re-thrown so the poller (or Telegram's webhook
 * retry) delivers the update again once the database is back. When the error ended a conversation
 * the user was in, they are told honestly to start that step again (never "nothing was lost").
 * An update another live process is handling is passed on silently, to be fetched again; so is one
 * whose reply Telegram did not take (unreachable or 5xx): telling the user would fail the same way.
 * When Telegram asked us to wait longer than a reply may wait inside a handler (a 429 that
 * autoRetry did not sit out), the handler ends now and the calm message goes once the wait is over:
 * the user hears why nothing came, and no other update waits meanwhile.
 */
export function errorBoundary(i18n: I18n<UpdateContext>, defaultLocale: string): MiddlewareFn<UpdateContext> {
  const toldDuringOutage = new Set<number>();
  return async (ctx, next) => {
    try {
      await next();
      // The outage is over once an update went through with the database there: an update that
      // never needed it (a group's message, refused before the gate) does not end it.
      if (ctx.services.isDatabaseAvailable()) toldDuringOutage.clear();
    } catch (error) {
      if (isUpdateInFlightElsewhere(error)) throw error;
      const chatId = ctx.chat?.id;
      const floodWaitSeconds = floodWaitOf(error);
      const tell = async (text: string): Promise<void> => {
        if (floodWaitSeconds === undefined) return safeReply(ctx, text);
        ctx.log.warn({ retryAfterSeconds: floodWaitSeconds }, "Telegram asked to wait before replying; the user is told after the wait");
        void sleep(floodWaitSeconds * 1000).then(() => safeReply(ctx, text));
      };
      const locale = ctx.profile?.locale ?? matchLocale(i18n.locales, ctx.from?.language_code) ?? defaultLocale;
      if (droppedAConversation(error)) {
        // The answers given so far are gone with the conversation; retrying this update cannot bring them back.
        ctx.log.error({ err: describeError(error) }, "handler failed; the conversation was ended");
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        if (chatId !== undefined) await tell(i18n.t(locale, "error-conversation-dropped"));
        return;
      }
      // Before the database check: a dropped connection to Telegram reads like one to the database.
      if (isTelegramUnreachableError(error)) {
        ctx.log.warn({ err: describeError(error).message }, "Telegram unreachable; update will be retried");
        throw error;
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
      if (chatId !== undefined) await tell(i18n.t(locale, "error-generic"));
    }
  };
}

async function safeReply(ctx: UpdateContext, text: string): Promise<void> {
  try {
    await ctx.reply(text);
  } catch (error) {
    ctx.log.warn({ err: describeError(error) }, "could not tell the user about an error");
  }
}

/** Seconds Telegram asked us to wait (a 429's retry_after), if that is what failed. */
function floodWaitOf(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  return error.parameters.retry_after ?? 1;
}

/** Error name, message and stack only: never the update or its text. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "NonError", message: String(error) };
}
