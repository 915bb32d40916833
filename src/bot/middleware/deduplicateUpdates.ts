import type { MiddlewareFn } from "grammy";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import type { BotContext } from "../context.js";

/** Handles each update_id once, whether it comes again from a webhook retry or a restarted poller. */
export function deduplicateUpdates(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const claims = ctx.services.updateClaims;
    const id = ctx.update.update_id;
    if (!(await claims.claim(id))) {
      ctx.log.info("duplicate update skipped");
      return;
    }
    try {
      await next();
    } catch (error) {
      // The update will be delivered again: let that delivery claim it.
      if (isDatabaseUnavailableError(error)) await claims.release(id).catch(() => undefined);
      throw error;
    }
    await claims.complete(id);
  };
}
