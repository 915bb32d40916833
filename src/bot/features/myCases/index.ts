import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { formatDigits } from "../../../domain/digits.js";
import { formatDate } from "../../../domain/yearInput.js";
import type { TimelineEntry } from "../../../services/cases/caseService.js";
import { defineCallback } from "../../callbackData.js";
import { onButton, replacePressedMessage } from "../../buttons.js";
import type { BotContext } from "../../context.js";
import { enterConversation } from "../../conversationKit.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { REGISTRATION_CONVERSATION, type RegistrationInput } from "../registration/index.js";
import { renderSummary } from "../registration/summary.js";

const caseAction = defineCallback("myc", {
  action: z.enum(["view", "edit", "withdraw", "withdraw_yes", "withdraw_no"]),
  caseId: z.string().regex(/^[a-f0-9]{24}$/),
});

/** Iran's time for dates families read (+03:30, no daylight saving since 2022). */
const IRAN_UTC_OFFSET_MINUTES = 210;

export function timelineLines(ctx: BotContext, locale: string, timeline: TimelineEntry[]): string[] {
  return timeline.map((entry) => {
    const date = formatDate(entry.at, locale, { utcOffsetMinutes: locale === "fa" ? IRAN_UTC_OFFSET_MINUTES : 0 });
    const what =
      entry.type === "status" && entry.to
        ? ctx.t(`status-${entry.to}`) + (entry.closeReason ? ` (${ctx.t(`close-reason-${entry.closeReason}`)})` : "")
        : ctx.t(`timeline-${entry.type}`);
    const note = entry.familyNote ? `\n   ${entry.familyNote}` : "";
    return `• ${date}: ${what}${note}`;
  });
}

/** /mycases and /status: a family sees, edits and withdraws what it registered, and follows each case. */
export function myCasesFeature() {
  const composer = new Composer<BotContext>();

  /** The family's cases, or null after telling them there are none. */
  async function casesOrNone(ctx: BotContext) {
    const cases = await ctx.services.cases.listForFamily(ctx.from!.id);
    if (cases.length > 0) return cases;
    await ctx.reply(ctx.t("mycases-empty"));
    return null;
  }

  async function listCases(ctx: BotContext): Promise<void> {
    const cases = await casesOrNone(ctx);
    if (!cases) return;
    const locale = await ctx.i18n.getLocale();
    const keyboard = new InlineKeyboard();
    for (const c of cases) keyboard.text(`${c.fullName} · ${formatDigits(c.reference, locale)}`, caseAction.pack({ action: "view", caseId: c.caseId })).row();
    await ctx.reply(ctx.t("mycases-title", { count: cases.length }), { reply_markup: keyboard });
  }

  async function showStatus(ctx: BotContext): Promise<void> {
    const cases = await casesOrNone(ctx);
    if (!cases) return;
    const locale = await ctx.i18n.getLocale();
    for (const summary of cases) {
      const view = await ctx.services.cases.getForFamily(ctx.from!.id, summary.caseId);
      if (!view) continue;
      const lines = timelineLines(ctx, locale, view.timeline);
      await ctx.reply(
        `${ctx.t("status-card", { name: view.fullName, reference: formatDigits(view.reference, locale), status: ctx.t(`status-${view.status}`) })}\n\n${lines.join("\n")}`,
      );
    }
  }

  composer.command("mycases", listCases);
  composer.command("status", showStatus);

  onButton(composer, caseAction, async (ctx, data) => {
    await ctx.answerCallbackQuery();
    const view = await ctx.services.cases.getForFamily(ctx.from.id, data.caseId);
    if (!view) return ctx.reply(ctx.t("mycases-not-found"));
    const locale = await ctx.i18n.getLocale();
    switch (data.action) {
      case "view": {
        const summary = renderSummary(view.draft, ctx, { locale, locations: await ctx.services.locations.listActive() }, "edit");
        const body = summary.text.split("\n\n").slice(1).join("\n\n");
        const keyboard = new InlineKeyboard();
        if (view.status !== "closed") keyboard.text(ctx.t("mycases-edit"), caseAction.pack({ action: "edit", caseId: data.caseId }));
        keyboard.text(ctx.t("mycases-withdraw"), caseAction.pack({ action: "withdraw", caseId: data.caseId }));
        await ctx.reply(
          `${ctx.t("status-card", { name: view.fullName, reference: formatDigits(view.reference, locale), status: ctx.t(`status-${view.status}`) })}\n\n${body}\n\n${timelineLines(ctx, locale, view.timeline).join("\n")}`,
          { reply_markup: keyboard },
        );
        return;
      }
      case "edit": {
        if (view.status === "closed") return ctx.reply(ctx.t("mycases-closed"));
        const input: RegistrationInput = { edit: { caseId: data.caseId, draft: view.draft } };
        await enterConversation(ctx, REGISTRATION_CONVERSATION, input);
        return;
      }
      case "withdraw":
        await ctx.reply(ctx.t("mycases-withdraw-confirm", { name: view.fullName }), {
          reply_markup: new InlineKeyboard()
            .text(ctx.t("mycases-withdraw-yes"), caseAction.pack({ action: "withdraw_yes", caseId: data.caseId }))
            .row()
            .text(ctx.t("mycases-withdraw-no"), caseAction.pack({ action: "withdraw_no", caseId: data.caseId })),
        });
        return;
      case "withdraw_no":
        await replacePressedMessage(ctx, ctx.t("mycases-withdraw-kept"));
        return;
      case "withdraw_yes": {
        const result = await ctx.services.cases.withdraw(ctx.from.id, data.caseId);
        await replacePressedMessage(ctx, result.ok ? ctx.t("mycases-withdrawn", { reference: formatDigits(result.value.reference, locale) }) : ctx.t("mycases-not-found"));
        return;
      }
    }
  });

  const menuEntries: MenuEntry[] = [
    { labelKey: "menu-mycases", visibleTo: () => true, run: listCases },
    { labelKey: "menu-status", visibleTo: () => true, run: showStatus },
  ];
  return { composer, menuEntries };
}
