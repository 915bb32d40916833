import { createConversation } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Composer } from "grammy";
import { can } from "../../../domain/roles.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { onButton } from "../../buttons.js";
import { enterConversation } from "../../conversationKit.js";
import { requirePermission, withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { jobControl } from "./callbacks.js";
import { COMPOSE_CONVERSATION, createComposeConversation } from "./composeConversation.js";
import { progressKeyboard, progressText } from "./progressReport.js";

/** Volunteers and coordinators send news: /broadcast to compose, /broadcasts for the figures. */
export function broadcastsFeature(i18n: I18n<BotContext>) {
  const composer = new Composer<BotContext>();
  const conversation = createConversation<BotContext, ConversationContext>(createComposeConversation(i18n.locales), COMPOSE_CONVERSATION);

  const compose = (ctx: BotContext) => enterConversation(ctx, COMPOSE_CONVERSATION);

  async function list(ctx: BotContext): Promise<void> {
    const result = await ctx.services.broadcasts.list(ctx.profile.actor);
    if (!result.ok) return void (await ctx.reply(ctx.t("error-not-allowed")));
    if (result.value.length === 0) return void (await ctx.reply(ctx.t("bc-list-empty")));
    const locale = await ctx.i18n.getLocale();
    const lines = result.value.map((p) => `• ${p.jobId.slice(-6)} — ${progressText(i18n, locale, p, p.state === "done" || p.state === "cancelled")}`);
    await ctx.reply(`${ctx.t("bc-list-title")}\n\n${lines.join("\n\n")}`);
  }

  composer.command("broadcast", requirePermission("broadcast.send"), compose);
  composer.command("broadcasts", requirePermission("broadcast.send"), list);
  onButton(composer, jobControl, requirePermission("broadcast.send"), async (ctx, data) => {
    const result = await ctx.services.broadcasts.control(ctx.profile.actor, data.jobId, data.action);
    await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? `bc-${data.action}-done` : "error-not-allowed") });
    if (!result.ok) return;
    const progress = await ctx.services.delivery.progress(data.jobId);
    if (!progress) return;
    const locale = await ctx.i18n.getLocale();
    const final = progress.state === "cancelled" || progress.state === "done";
    await ctx
      .editMessageText(progressText(i18n, locale, progress, final), { reply_markup: final ? { inline_keyboard: [] } : progressKeyboard((key) => ctx.t(key), data.jobId, progress.state) })
      .catch(() => undefined);
    ctx.log.info({ action: data.action }, "broadcast controlled");
  });

  // Anyone can type the button's label: it is guarded exactly like /broadcast.
  const menuEntry: MenuEntry = {
    labelKey: "menu-broadcast",
    visibleTo: (actor) => can(actor, "broadcast.send"),
    run: (ctx) => withPermission(ctx, "broadcast.send", () => compose(ctx)),
  };
  return { composer, conversations: [conversation], menuEntry };
}
