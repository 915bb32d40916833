import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "./context.js";

export type BotConversation = Conversation<BotContext, ConversationContext>;

/** Starting a flow from a command or menu abandons whatever flow the user was in (nothing half-done is stored). */
export async function enterConversation(ctx: BotContext, name: string, ...args: unknown[]): Promise<void> {
  if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  await ctx.conversation.enter(name, ...args);
}
