import type { MiddlewareFn } from "grammy";
import { can, type Permission } from "../../domain/roles.js";
import type { BotContext } from "../context.js";

/**
 * The one role guard, placed in front of every privileged handler
 * (`feature.command("team", requirePermission("team.list"), showTeam)`). It checks the roles the
 * server holds for the sender; everyone else gets a polite refusal. Hiding a button is never the protection.
 */
export function requirePermission(permission: Permission): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (can(ctx.profile.actor, permission)) return next();
    ctx.log.warn({ permission }, "permission denied");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("error-not-allowed"), show_alert: true });
    else await ctx.reply(ctx.t("error-not-allowed"));
  };
}

/** The same guard around one action: for menu entries, and handlers whose permission depends on a button's data. */
export async function withPermission(ctx: BotContext, permission: Permission, run: () => unknown): Promise<void> {
  await requirePermission(permission)(ctx, async () => void (await run()));
}
