import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.js";
import { can } from "../../../domain/roles.js";
import { requirePermission, withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "../menu/mainMenu.js";

/**
 * The way into the coordinator's desk (a Telegram Mini App, README "Coordinator's desk"): /desk and
 * the 🖥 menu button answer volunteers, coordinators and admins with a `web_app` button that opens
 * it inside Telegram. Families are refused (the desk's server refuses them again at every request).
 */
export function deskFeature() {
  const composer = new Composer<BotContext>();

  async function offerDesk(ctx: BotContext) {
    const url = ctx.services.deskUrl();
    if (!url) return ctx.reply(ctx.t("open-desk-off"));
    await ctx.reply(ctx.t("open-desk-prompt"), { reply_markup: new InlineKeyboard().webApp(ctx.t("open-desk-button"), url) });
  }

  composer.command("desk", requirePermission("case.view"), offerDesk);

  // Anyone can type the button's label: it is guarded exactly like /desk.
  const menuEntry: MenuEntry = {
    labelKey: "menu-desk",
    visibleTo: (actor) => can(actor, "case.view"),
    run: (ctx) => withPermission(ctx, "case.view", () => offerDesk(ctx)),
  };
  return { composer, menuEntry };
}
