import type { UpdateContext } from "../../context.js";

/**
 * The bot works in private chats only. Added to a group, supergroup or channel, it leaves at once
 * and logs only that chat's id (a group's id, not a person's) and the outcome. Called by the
 * private-chats gate before anything reads or writes the database for that chat.
 */
export async function leaveWhenAddedToGroup(ctx: UpdateContext): Promise<void> {
  const change = ctx.myChatMember;
  if (!change || change.chat.type === "private") return;
  const status = change.new_chat_member.status;
  if (status !== "member" && status !== "administrator") return;
  const groupChatId = change.chat.id;
  try {
    await ctx.api.leaveChat(groupChatId);
    ctx.log.info({ group_chat_id: groupChatId, outcome: "left" }, "added to a non-private chat; left it");
  } catch (error) {
    ctx.log.warn({ group_chat_id: groupChatId, outcome: "leave failed", err: error }, "added to a non-private chat; could not leave");
  }
}
