import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/** Errors that ended a conversation the user was in (the conversations plugin leaves one that throws). */
const droppingErrors = new WeakSet<object>();

/**
 * Installed right after the conversations plugin: when an error ends a conversation that was active
 * before this update, the error is marked, so the error boundary tells the user honestly that they
 * must start that step again. If saving the conversation state then fails too (the database is
 * away), a different error leaves the plugin and the stored conversation is intact: not marked.
 */
export function conversationDropWatch(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const before = ctx.conversation.active();
    try {
      await next();
    } catch (error) {
      const after = ctx.conversation.active();
      const dropped = Object.entries(before).some(([name, count]) => (after[name] ?? 0) < count);
      if (dropped && typeof error === "object" && error !== null) droppingErrors.add(error);
      throw error;
    }
  };
}

export function droppedAConversation(error: unknown): boolean {
  return typeof error === "object" && error !== null && droppingErrors.has(error);
}
