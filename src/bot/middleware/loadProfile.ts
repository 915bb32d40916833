import type { MiddlewareFn } from "grammy";
import type { UpdateContext } from "../context.js";

/** Loads (or creates) the sender's record: their remembered language and their roles, from the server. */
export function loadProfile(): MiddlewareFn<UpdateContext> {
  return async (ctx, next) => {
    if (ctx.from && !ctx.from.is_bot) ctx.profile = await ctx.services.users.touch(ctx.from.id);
    await next();
  };
}
