import type { MiddlewareFn } from "grammy";
import { DatabaseUnavailableError } from "../../db/connection.js";
import type { UpdateContext } from "../context.js";

/** Fails fast (to the error boundary) when the database is known to be down, before any handler starts. */
export function databaseGate(): MiddlewareFn<UpdateContext> {
  return async (ctx, next) => {
    if (!ctx.services.isDatabaseAvailable()) throw new DatabaseUnavailableError();
    await next();
  };
}
