import type { MiddlewareFn } from "grammy";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import { UpdateInFlightElsewhereError } from "../../services/updateClaims.js";
import type { UpdateContext } from "../context.js";
import { isTelegramUnreachableError } from "../telegramUnreachable.js";

/**
 * Thrown while an update is handled when its effect is found stored already (a chat's conversation
 * state names it): a killed process saved it but never marked the update done. Finished, not replayed.
 */
export class UpdateAlreadyAppliedError extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} was applied already`);
    this.name = "UpdateAlreadyAppliedError";
  }
}

function isAlreadyApplied(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    if (current instanceof UpdateAlreadyAppliedError) return true;
    current = (current as { error?: unknown }).error ?? current.cause;
  }
  return false;
}

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
      if (isAlreadyApplied(error)) {
        ctx.log.info("update applied before a restart: finished without replaying it");
        await claims.complete(id).catch((failure: unknown) => ctx.log.warn({ err: (failure as Error).message }, "could not mark the update done"));
        return;
      }
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
