import { Composer } from "grammy";
import { primaryRole } from "../../../domain/roles.js";
import type { BotContext } from "../../context.js";
import type { MenuEntry } from "../menu/mainMenu.js";

async function showHelp(ctx: BotContext): Promise<void> {
  const role = primaryRole(ctx.profile.actor);
  const parts = [ctx.t("help-family"), ctx.t("help-settings")];
  if (role === "volunteer") parts.push(ctx.t("help-volunteer"));
  if (role === "coordinator" || role === "admin") parts.push(ctx.t("help-coordinator"));
  await ctx.reply(parts.join("\n\n"));
}

export const helpMenuEntry: MenuEntry = { labelKey: "menu-help", visibleTo: () => true, run: showHelp };

export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", showHelp);
  return composer;
}
