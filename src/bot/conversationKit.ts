import type { Conversation } from "@grammyjs/conversations";
import type { CallbackQueryContext } from "grammy";
import type { BotContext, ConversationContext } from "./context.js";

export type BotConversation = Conversation<BotContext, ConversationContext>;

/**
 * Waits for a press of one of this conversation's buttons. Commands, menu buttons and other
 * features' buttons are passed on to the rest of the bot (the conversation keeps its place); any
 * other input gets a hint and the same question stays open.
 */
export async function waitForButton(
  conversation: BotConversation,
  filters: RegExp | readonly RegExp[],
  hintKey: string,
): Promise<CallbackQueryContext<ConversationContext>> {
  const patterns = Array.isArray(filters) ? filters : [filters as RegExp];
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    if (data !== undefined && patterns.some((p) => p.test(data))) return ctx as CallbackQueryContext<ConversationContext>;
    if (ctx.isOutsideInput || ctx.callbackQuery) await conversation.skip({ next: true });
    await ctx.reply(ctx.t(hintKey));
  }
}

/** Starting a flow from a command or menu abandons whatever flow the user was in (nothing half-done is stored). */
export async function enterConversation(ctx: BotContext, name: string, ...args: unknown[]): Promise<void> {
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(name, ...args);
}
