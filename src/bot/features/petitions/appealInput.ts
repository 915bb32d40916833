import { replacePressedMessage } from "../../buttons.js";
import { InlineKeyboard } from "grammy";
import { APPEAL_LIMITS, checkAppeal, type AppealContent, type AppealRejection } from "../../../domain/petitions/content.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { appealCancel } from "./callbacks.js";
import { appealInputOf } from "./conversationInput.js";

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

function rejectionMessage(rejection: AppealRejection): Parsed<never> {
  const refused = (error: string, variables: Record<string, number> = {}): Parsed<never> => ({ ok: false, error, variables });
  switch (rejection.reason) {
    case "text-empty":
      return refused("pet-error-text-empty");
    case "text-too-long":
    case "caption-too-long":
      return refused("pet-appeal-error-too-long", { limit: rejection.limit });
    case "photo-too-large":
      return refused("pet-appeal-error-photo-too-large", { limit: rejection.limitMb });
    case "voice-too-long":
      return refused("pet-appeal-error-voice-too-long", { minutes: rejection.limitMinutes });
    case "voice-too-large":
      return refused("pet-appeal-error-voice-too-large", { limit: rejection.limitMb });
    case "unsupported":
      return refused(UNSUPPORTED_KEYS[rejection.what], { minutes: APPEAL_LIMITS.voiceSeconds / 60 });
  }
}

/**
 * Asks for an appeal or letter — text, a photo of a handwritten page, or a voice message — and
 * keeps asking, with a clear reason, until one is within the limits. Null when the user cancels.
 */
export async function collectAppeal(conversation: BotConversation, ctx: ConversationContext, promptKey: string): Promise<AppealContent | null> {
  const answer = await ask(conversation, {
    prompt: () =>
      ctx.reply(ctx.t(promptKey, { limit: APPEAL_LIMITS.textChars, minutes: APPEAL_LIMITS.voiceSeconds / 60 }), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), appealCancel.pack({})),
      }),
    buttons: { cancel: appealCancel },
    message: (message): Parsed<AppealContent> => {
      const checked = checkAppeal(appealInputOf(message));
      return checked.ok ? checked : rejectionMessage(checked);
    },
  });
  if (answer.kind === "message") return answer.value;
  await replacePressedMessage(answer.ctx, ctx.t("pet-appeal-cancelled"));
  return null;
}
