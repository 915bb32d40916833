import type { MiddlewareFn } from "grammy";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import { UpdateInFlightElsewhereError } from "../../services/updateClaims.js";
import type { UpdateContext } from "../context.js";
import { isTelegramUnreachableError } from "../telegramUnreachable.js";

/**
 * Handles each update_id once, whether it comes again from a webhook retry or a restarted poller.
 * One that a live process is still handling is neither handled nor confirmed: it is asked for again.
 */
export function deduplicateUpdates(): MiddlewareFn<UpdateContext> {
  return async (ctx, next) => {
    const claims = ctx.services.updateClaims;
    const id = ctx.update.update_id;
    const outcome = await claims.claim(id);
    if (outcome === "duplicate") {
      ctx.log.info("duplicate update skipped");
      return;
    }
    if (outcome === "busy") throw new UpdateInFlightElsewhereError(id);
    try {
      await next();
    } catch (error) {
      // The update will be delivered again: let that delivery claim it.
      if (isDatabaseUnavailableError(error) || isTelegramUnreachableError(error)) await claims.release(id).catch(() => undefined);
      // Any other error is answered by the error boundary: the update is finished.
      else await claims.complete(id).catch(() => undefined);
      throw error;
    }
    // Handled: a failure to record it must not make Telegram deliver it again.
    await claims.complete(id).catch((error: unknown) => ctx.log.warn({ err: (error as Error).message }, "could not mark the update done"));
  };
}
