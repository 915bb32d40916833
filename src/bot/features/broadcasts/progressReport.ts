import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard, type Api } from "grammy";
import { inlineKeyboard } from "../../../delivery/renderContent.js";
import type { DeliveryJobSummary, DeliveryProgress, DeliveryProgressListener, MessageRenderer } from "../../../delivery/types.js";
import { formatDigits } from "../../../domain/digits.js";
import type { Logger } from "../../../logger.js";
import type { BotContext } from "../../context.js";
import { jobControl } from "./callbacks.js";

/** The live progress line a sender sees, in their language. */
export function progressText(i18n: I18n<BotContext>, locale: string, progress: DeliveryProgress, final: boolean): string {
  const n = (value: number) => formatDigits(value, locale);
  const figures = { sent: n(progress.sent), failed: n(progress.failed), skipped: n(progress.skipped), pending: n(progress.pending), total: n(progress.total) };
  if (final) return i18n.t(locale, progress.state === "cancelled" ? "bc-progress-cancelled" : "bc-progress-done", figures);
  if (progress.state === "scheduled") return i18n.t(locale, "bc-progress-scheduled", figures);
  if (progress.state === "paused") return i18n.t(locale, "bc-progress-paused", figures);
  const minutes = progress.etaSeconds !== undefined ? Math.max(1, Math.ceil(progress.etaSeconds / 60)) : undefined;
  return i18n.t(locale, "bc-progress-running", { ...figures, minutes: minutes === undefined ? "?" : n(minutes) });
}

export function progressKeyboard(translate: (key: string) => string, jobId: string, state: DeliveryProgress["state"]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (state === "paused") keyboard.text(translate("bc-resume"), jobControl.pack({ action: "resume", jobId }));
  else keyboard.text(translate("bc-pause"), jobControl.pack({ action: "pause", jobId }));
  return keyboard.text(translate("bc-cancel"), jobControl.pack({ action: "cancel", jobId }));
}

/**
 * Edits the sender's progress message while a broadcast runs (the delivery worker calls this at
 * most every few seconds) and leaves the final report without buttons. Its words come from the
 * one message renderer (bot/messageRenderer.ts), like every other message sent outside a conversation.
 */
export function broadcastProgressReporter(api: Api, messages: MessageRenderer, log: Logger): DeliveryProgressListener {
  return async (job: DeliveryJobSummary, progress: DeliveryProgress, final: boolean) => {
    const chat = job.progressChat;
    if (!chat?.messageId || job.kind !== "broadcast") return;
    const { content } = messages.render(chat.locale, { kind: "broadcast-progress", ...progress, final });
    const reply_markup = inlineKeyboard(content) ?? { inline_keyboard: [] };
    try {
      await api.editMessageText(chat.chatId, chat.messageId, content.text, { reply_markup });
    } catch (error) {
      // "message is not modified" is expected when nothing moved; anything else is only logged.
      if (!String((error as Error).message).includes("not modified")) log.warn({ job: job.jobId, err: (error as Error).message }, "progress message not updated");
    }
  };
}
