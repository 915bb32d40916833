import { PETITION_LIMITS } from "../../../domain/petitions/content.js";
import type { ConversationContext } from "../../context.js";
import { ask } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { collectAppeal } from "./appealInput.js";
import { petitionText } from "./conversationInput.js";
import { saveAppeal } from "./signConversation.js";

export const APPEAL_CONVERSATION = "petitionAppeal";
export const LETTER_CONVERSATION = "letterToRelative";

/** A personal appeal added later to a signature the user already gave. */
export async function appealConversation(conversation: BotConversation, ctx: ConversationContext, ref: string): Promise<void> {
  await saveAppeal(conversation, ctx, ref);
}

async function askName(conversation: BotConversation, ctx: ConversationContext, key: string, limit: number): Promise<string> {
  const answer = await ask(conversation, { prompt: () => ctx.reply(ctx.t(key)), text: (text) => petitionText(text, limit), hint: "pet-letter-type-name" });
  return answer.value;
}

/**
 * A standalone letter to a relative in the camp: to whom, how it is signed, then the letter
 * itself. The association collects letters for a delegation to deliver; nothing promises more.
 */
export async function letterConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  await ctx.reply(ctx.t("pet-letter-intro"));
  const recipientName = await askName(conversation, ctx, "pet-letter-ask-recipient", PETITION_LIMITS.letterRecipient);
  const senderName = await askName(conversation, ctx, "pet-letter-ask-sender", PETITION_LIMITS.letterSender);
  const content = await collectAppeal(conversation, ctx, "pet-letter-ask-content");
  if (!content) return;
  const saved = await conversation.external(async (outside) => {
    const result = await outside.services.appeals.addLetter(outside.from!.id, { recipientName, senderName, content });
    if (result.ok) outside.log.info({ kind: content.kind }, "letter saved");
    return result.ok;
  });
  await ctx.reply(ctx.t(saved ? "pet-letter-saved" : "pet-letter-too-many"));
}
