import { Composer } from "grammy";
import type { BotContext } from "../../context.js";

/**
 * Telegram tells the bot when someone blocks it ("kicked") or comes back ("member"). A blocked user
 * is marked unreachable at once, so no broadcast tries them; any later message clears it
 * (loadProfile records the contact). Being added to a group is handled before this, by the
 * private-chats gate (leaveGroups.ts): only private chats reach the features.
 */
export function membershipFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("my_chat_member", async (ctx) => {
    if (ctx.myChatMember.chat.type !== "private") return;
    if (ctx.myChatMember.new_chat_member.status === "kicked") {
      await ctx.services.users.markUnreachable(ctx.myChatMember.from.id);
      ctx.log.info("user blocked the bot; marked unreachable");
    }
  });
  return composer;
}
