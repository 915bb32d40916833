import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { commandMenuEntry } from "../menu/commandButton.js";

/**
 * The way into the coordinator's desk (a Telegram Mini App, README "Coordinator's desk"): /desk and
 * the 🖥 menu button answer volunteers, coordinators and admins with a `web_app` button that opens
 * it inside Telegram. Families are refused (the desk's server refuses them again at every request).
 */
export function deskFeature() {
  const composer = new Composer<BotContext>();

  composer.command("desk", requirePermission("case.view"), async (ctx) => {
    const url = ctx.services.deskUrl();
    if (!url) return ctx.reply(ctx.t("open-desk-off"));
    await ctx.reply(ctx.t("open-desk-prompt"), { reply_markup: new InlineKeyboard().webApp(ctx.t("open-desk-button"), url) });
  });

  const menuEntry = commandMenuEntry({ labelKey: "menu-desk", permission: "case.view", command: "desk", answeredBy: composer });
  return { composer, menuEntry };
}
