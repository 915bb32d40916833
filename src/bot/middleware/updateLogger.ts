import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import type { UpdateContext } from "../context.js";

/**
 * Tags every log line of an update with its id, kind and chat type: never its content, and never
 * who sent it (no user id, no private chat id), so a log cannot list who uses the bot.
 */
export function updateLogger(root: Logger): MiddlewareFn<UpdateContext> {
  return async (ctx, next) => {
    const kind = Object.keys(ctx.update).find((k) => k !== "update_id");
    ctx.log = root.child({ update_id: ctx.update.update_id, kind, ...(ctx.chat ? { chat_type: ctx.chat.type } : {}) });
    const started = Date.now();
    await next();
    ctx.log.debug({ ms: Date.now() - started }, "update handled");
  };
}
