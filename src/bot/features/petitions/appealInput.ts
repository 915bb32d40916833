import { InlineKeyboard } from "grammy";
import { APPEAL_LIMITS, checkAppeal, type AppealContent, type AppealRejection } from "../../../domain/petitions/content.js";
import type { ConversationContext } from "../../context.js";
import type { BotConversation } from "../../conversationKit.js";
import { appealCancel } from "./callbacks.js";
import { waitForAppealMessage } from "./conversationInput.js";

const UNSUPPORTED_KEYS: Record<Extract<AppealRejection, { reason: "unsupported" }>["what"], string> = {
  sticker: "pet-appeal-error-sticker",
  video: "pet-appeal-error-video",
  video_note: "pet-appeal-error-video",
  animation: "pet-appeal-error-video",
  audio: "pet-appeal-error-audio",
  document: "pet-appeal-error-document",
  location: "pet-appeal-error-other",
  contact: "pet-appeal-error-other",
  other: "pet-appeal-error-other",
};

function rejectionMessage(ctx: ConversationContext, rejection: AppealRejection): string {
  switch (rejection.reason) {
    case "text-empty":
      return ctx.t("pet-error-text-empty");
    case "text-too-long":
    case "caption-too-long":
      return ctx.t("pet-appeal-error-too-long", { limit: rejection.limit });
    case "photo-too-large":
      return ctx.t("pet-appeal-error-photo-too-large", { limit: rejection.limitMb });
    case "voice-too-long":
      return ctx.t("pet-appeal-error-voice-too-long", { minutes: rejection.limitMinutes });
    case "voice-too-large":
      return ctx.t("pet-appeal-error-voice-too-large", { limit: rejection.limitMb });
    case "unsupported":
      return ctx.t(UNSUPPORTED_KEYS[rejection.what], { minutes: APPEAL_LIMITS.voiceSeconds / 60 });
  }
}

/**
 * Asks for an appeal or letter — text, a photo of a handwritten page, or a voice message — and
 * keeps asking, with a clear reason, until one is within the limits. Null when the user cancels.
 */
export async function collectAppeal(conversation: BotConversation, ctx: ConversationContext, promptKey: string): Promise<AppealContent | null> {
  await ctx.reply(ctx.t(promptKey, { limit: APPEAL_LIMITS.textChars, minutes: APPEAL_LIMITS.voiceSeconds / 60 }), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), appealCancel.pack({})),
  });
  for (;;) {
    const received = await waitForAppealMessage(conversation, [appealCancel.filter]);
    if (received.kind === "button") {
      await received.ctx.answerCallbackQuery();
      await received.ctx.editMessageText(ctx.t("pet-appeal-cancelled"));
      return null;
    }
    const checked = checkAppeal(received.input);
    if (checked.ok) return checked.value;
    await ctx.reply(rejectionMessage(ctx, checked));
  }
}
