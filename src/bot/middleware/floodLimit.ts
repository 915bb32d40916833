import type { I18n } from "@grammyjs/i18n";
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { UpdateContext } from "../context.js";
import { matchLocale } from "../i18n.js";

/**
 * Per-user flood limit on incoming updates (@grammyjs/ratelimiter, in memory). A person pressing
 * faster than any human is told once per window to slow down, instead of being ignored silently.
 */
export function floodLimit(i18n: I18n<UpdateContext>, defaultLocale: string, settings = { limit: 12, timeFrameMs: 3_000 }): MiddlewareFn<UpdateContext> {
  const warnedAt = new Map<number, number>();
  return limit<UpdateContext, never>({
    timeFrame: settings.timeFrameMs,
    limit: settings.limit,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.log.warn("flood limit reached; update dropped");
      const userId = ctx.from?.id;
      // Only in a private chat: in a group the warning would be one more message to everyone.
      if (userId === undefined || ctx.chat?.type !== "private") return;
      const last = warnedAt.get(userId) ?? 0;
      if (Date.now() - last < settings.timeFrameMs) return;
      if (warnedAt.size > 10_000) warnedAt.clear();
      warnedAt.set(userId, Date.now());
      const locale = matchLocale(i18n.locales, ctx.from?.language_code) ?? defaultLocale;
      await ctx.reply(i18n.t(locale, "error-too-fast")).catch(() => undefined);
    },
  });
}
