import { InlineKeyboard } from "grammy";
import { CLOSE_REASONS, type CaseStatus, type CloseReason } from "../../../domain/caseStatus.js";
import { formatDigits } from "../../../domain/digits.js";
import { parseFreeText } from "../../../domain/registration/answers.js";
import type { ConversationContext } from "../../context.js";
import { withAnswerMessage } from "../registration/answerMessages.js";
import { ask } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
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
      const press = await ask(conversation, {
        prompt: () => ctx.reply(ctx.t("casework-choose-reason"), { reply_markup: keyboard }),
        buttons: { reason: closeReasonButton, control: { button: statusControl, accepts: (d: { action: string }) => d.action === "cancel" } },
      });
      if (press.kind === "control") {
        await ctx.reply(ctx.t("casework-cancelled"));
        return;
      }
      reason = press.data.reason;
    }

    /** A note (skip: none; null: cancelled). */
    const askNote = async (key: string): Promise<string | undefined | null> => {
      const answer = await ask(conversation, {
        prompt: () =>
          ctx.reply(ctx.t(key), {
            reply_markup: new InlineKeyboard().text(ctx.t("button-skip"), statusControl.pack({ action: "skip" })).text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" })),
          }),
        buttons: { control: { button: statusControl, accepts: (d: { action: string }) => d.action !== "confirm" } },
        text: (text) => withAnswerMessage(parseFreeText(text, NOTE_LIMIT, { multiline: true })),
        hint: "reg-error-text-expected",
      });
      if (answer.kind === "message") return answer.value;
      return answer.data.action === "skip" ? undefined : null;
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
    const press = await ask(conversation, {
      prompt: () =>
        ctx.reply(ctx.t("casework-confirm", { reference: formatDigits(input.reference, locale), status }), {
          reply_markup: new InlineKeyboard().text(ctx.t("casework-confirm-button"), statusControl.pack({ action: "confirm" })).text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" })),
        }),
      buttons: { control: { button: statusControl, accepts: (d: { action: string }) => d.action !== "skip" } },
    });
    if (press.data.action !== "confirm") {
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
