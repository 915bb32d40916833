import type { MiddlewareFn } from "grammy";
import type { Logger } from "../../logger.js";
import type { BotContext } from "../context.js";

/** Tags every log line of an update with its id and kind (never its content). */
export function updateLogger(root: Logger): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const kind = Object.keys(ctx.update).find((k) => k !== "update_id");
    ctx.log = root.child({ update_id: ctx.update.update_id, kind });
    const started = Date.now();
    await next();
    ctx.log.debug({ ms: Date.now() - started }, "update handled");
  };
}
