import type { Composer } from "grammy";
import { can, type Permission } from "../../../domain/roles.js";
import type { BotContext } from "../../context.js";
import { withPermission } from "../../middleware/requirePermission.js";
import type { MenuEntry } from "./mainMenu.js";

/**
 * A main-menu button that does exactly what typing a command does (📊 → /stats): shown to those
 * with the permission, checked again when pressed, and handed to the feature that answers the
 * command as that command — so the feature keeps one handler and the button cannot drift from it.
 */
export function commandMenuEntry(entry: { labelKey: string; permission: Permission; command: string; answeredBy: Composer<BotContext> }): MenuEntry {
  const handler = entry.answeredBy.middleware();
  return {
    labelKey: entry.labelKey,
    visibleTo: (actor) => can(actor, entry.permission),
    run: (ctx) => withPermission(ctx, entry.permission, () => handler(asCommand(ctx, entry.command), async () => undefined)),
  };
}

/** The same update seen as "/<command>" typed in the same chat; every context property (profile, services, i18n) stays the press's own. */
function asCommand(ctx: BotContext, command: string): BotContext {
  const text = `/${command}`;
  if (!ctx.message) throw new Error("a menu button is a text message");
  const message = { ...ctx.message, text, entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] };
  const asTyped = Object.create(ctx) as BotContext;
  Object.defineProperty(asTyped, "update", { value: { ...ctx.update, message } });
  return asTyped;
}
