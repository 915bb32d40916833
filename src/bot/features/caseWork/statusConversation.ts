import { InlineKeyboard } from "grammy";
import { CLOSE_REASONS, type CaseStatus, type CloseReason } from "../../../domain/caseStatus.js";
import { formatDigits } from "../../../domain/digits.js";
import { parseFreeText } from "../../../domain/registration/answers.js";
import type { ConversationContext } from "../../context.js";
import { waitForButton, type BotConversation } from "../../conversationKit.js";
import { closeReasonButton, statusControl } from "./callbacks.js";

export const STATUS_CONVERSATION = "caseStatus";
const NOTE_LIMIT = 500;

export interface StatusChangeInput {
  caseId: string;
  reference: string;
  to: CaseStatus;
}

/** A volunteer or coordinator moves a case on: close reason if closing, a note for families, an internal note, confirm. */
export function createStatusConversation() {
  return async function statusConversation(conversation: BotConversation, ctx: ConversationContext, input: StatusChangeInput): Promise<void> {
    const status = ctx.t(`status-${input.to}`);
    let reason: CloseReason | undefined;
    if (input.to === "closed") {
      const keyboard = new InlineKeyboard();
      for (const r of CLOSE_REASONS.filter((r) => r !== "withdrawn_by_family")) keyboard.text(ctx.t(`close-reason-${r}`), closeReasonButton.pack({ reason: r })).row();
      keyboard.text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" }));
      await ctx.reply(ctx.t("casework-choose-reason"), { reply_markup: keyboard });
      const press = await waitForButton(conversation, [closeReasonButton.filter, statusControl.filter], "reg-error-use-buttons");
      await press.answerCallbackQuery();
      const chosen = closeReasonButton.unpack(press.callbackQuery.data);
      if (!chosen) {
        await ctx.reply(ctx.t("casework-cancelled"));
        return;
      }
      reason = chosen.reason;
    }

    const askNote = async (key: string): Promise<string | undefined | null> => {
      await ctx.reply(ctx.t(key), {
        reply_markup: new InlineKeyboard().text(ctx.t("button-skip"), statusControl.pack({ action: "skip" })).text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" })),
      });
      for (;;) {
        const next = await conversation.wait();
        const control = statusControl.unpack(next.callbackQuery?.data);
        if (control) {
          await next.answerCallbackQuery();
          if (control.action === "skip") return undefined;
          if (control.action === "cancel") return null;
          continue;
        }
        if (next.isOutsideInput || next.callbackQuery || !next.message) await conversation.skip({ next: true });
        const text = next.message?.text;
        const parsed = text === undefined ? null : parseFreeText(text, NOTE_LIMIT, { multiline: true });
        if (parsed?.ok) return parsed.value;
        await next.reply(next.t(parsed ? `reg-error-${parsed.error}` : "reg-error-text-expected", { limit: NOTE_LIMIT }));
      }
    };
    const familyNote = await askNote("casework-family-note");
    if (familyNote === null) {
      await ctx.reply(ctx.t("casework-cancelled"));
      return;
    }
    const internalNote = await askNote("casework-internal-note");
    if (internalNote === null) {
      await ctx.reply(ctx.t("casework-cancelled"));
      return;
    }

    const locale = await conversation.external((outside) => outside.i18n.getLocale());
    await ctx.reply(ctx.t("casework-confirm", { reference: formatDigits(input.reference, locale), status }), {
      reply_markup: new InlineKeyboard().text(ctx.t("casework-confirm-button"), statusControl.pack({ action: "confirm" })).text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" })),
    });
    const press = await waitForButton(conversation, statusControl.filter, "reg-error-use-buttons");
    await press.answerCallbackQuery();
    if (statusControl.unpack(press.callbackQuery.data)?.action !== "confirm") {
      await ctx.reply(ctx.t("casework-cancelled"));
      return;
    }
    const result = await conversation.external((outside) =>
      outside.services.cases.changeStatus(outside.profile.actor, input.caseId, { to: input.to, reason, familyNote, internalNote }),
    );
    if (!result.ok) {
      await ctx.reply(ctx.t(`casework-error-${result.error}`));
      return;
    }
    await ctx.reply(ctx.t("casework-done", { status, families: result.value.notified }));
  };
}
