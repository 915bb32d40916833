import { replacePressedMessage } from "../../buttons.js";
import { InlineKeyboard } from "grammy";
import { parseCount } from "../../../domain/petitions/milestones.js";
import { LAST_CALL_DAYS, type LastCallError } from "../../../services/petitions/petitionDeadlines.js";
import type { ConversationContext } from "../../context.js";
import { ask, type Parsed } from "../../ask.js";
import type { BotConversation } from "../../conversationKit.js";
import { lastCallStep } from "./callbacks.js";
import { showManagementCard } from "./management.js";
import { formatDay } from "./petitionText.js";

export const LAST_CALL_CONVERSATION = "petitionLastCall";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A coordinator switches on (or off) a petition's last call: one reminder, N days before the
 * deadline, to families who have not signed (issue #10). The number is checked against the
 * deadline here, and again by the service, which also re-reads the coordinator's role.
 */
export async function lastCallConversation(conversation: BotConversation, ctx: ConversationContext, ref: string): Promise<void> {
  const petition = await conversation.external(async (outside) => {
    const found = await outside.services.petitions.get(ref);
    return found ? { deadline: found.deadline?.getTime() ?? null, lastCallDays: found.lastCallDays ?? null, status: found.status } : null;
  });
  const options = await conversation.external(async (outside) => ({ locale: await outside.i18n.getLocale(), timeZone: outside.services.petitions.timeZone }));
  if (!petition) {
    await ctx.reply(ctx.t("pet-not-found"));
    return;
  }
  const { deadline } = petition;
  if (deadline === null || (petition.status !== "open" && petition.status !== "draft")) {
    await ctx.reply(ctx.t(deadline === null ? "pet-last-call-no-deadline" : "pet-error-transition"));
    return;
  }
  // The bot's clock (injected), not the conversation's: the deadline is on it.
  const now = await conversation.external((outside) => outside.services.clock.now().getTime());
  const parse = (text: string): Parsed<number> => {
    const days = parseCount(text);
    if (days === null || days < LAST_CALL_DAYS.min || days > LAST_CALL_DAYS.max) return { ok: false, error: "pet-last-call-error-days", variables: { max: LAST_CALL_DAYS.max } };
    if (deadline - days * DAY_MS <= now) return { ok: false, error: "pet-last-call-error-too-late" };
    return { ok: true, value: days };
  };
  const keyboard = new InlineKeyboard();
  if (petition.lastCallDays) keyboard.text(ctx.t("pet-last-call-off"), lastCallStep.pack({ choice: "off" }));
  keyboard.text(ctx.t("button-cancel"), lastCallStep.pack({ choice: "cancel" }));
  const answer = await ask(conversation, {
    prompt: () =>
      ctx.reply(
        ctx.t(petition.lastCallDays ? "pet-last-call-ask-current" : "pet-last-call-ask", {
          date: formatDay(new Date(deadline), options),
          days: petition.lastCallDays ?? 0,
          max: LAST_CALL_DAYS.max,
        }),
        { reply_markup: keyboard },
      ),
    buttons: { step: { button: lastCallStep, accepts: (d: { choice: string }) => d.choice === "cancel" || (d.choice === "off" && Boolean(petition.lastCallDays)) } },
    text: parse,
    hint: "pet-create-use-text",
  });
  if (answer.kind === "step" && answer.data.choice === "cancel") {
    await replacePressedMessage(answer.ctx, ctx.t("pet-last-call-unchanged"));
    return;
  }
  const days = answer.kind === "message" ? answer.value : null;
  const result = await conversation.external((outside) => outside.services.petitionDeadlines.setLastCall(outside.profile.actor, ref, days));
  if (!result.ok) {
    await ctx.reply(ctx.t(errorKey(result.error), { max: LAST_CALL_DAYS.max }));
    return;
  }
  await ctx.reply(days === null ? ctx.t("pet-last-call-switched-off") : ctx.t("pet-last-call-set", { days, date: formatDay(result.at, options) }));
  await conversation.external((outside) => showManagementCard(outside, ref));
}

function errorKey(error: LastCallError): string {
  switch (error) {
    case "forbidden":
      return "error-not-allowed";
    case "not_found":
      return "pet-not-found";
    case "not_open":
      return "pet-error-transition";
    case "no_deadline":
      return "pet-last-call-no-deadline";
    case "days_out_of_range":
      return "pet-last-call-error-days";
    case "too_late":
      return "pet-last-call-error-too-late";
  }
}
