import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import type { MainMenu } from "../menu/mainMenu.js";
import { REGISTRATION_CONVERSATION } from "../registration/registrationConversation.js";

/** /cancel leaves whatever conversation the user is in; it is registered before conversations run. */
export function cancelFeature(menu: MainMenu): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) {
      await menu.show(ctx, "cancel-nothing");
      return;
    }
    await ctx.conversation.exitAll();
    // A registration left this way is not "unfinished" any more: its pending reminders go too.
    if (active.includes(REGISTRATION_CONVERSATION)) await ctx.services.registrationReminders.cancelFor(ctx.from!.id);
    await menu.show(ctx, "cancel-done");
  });
  return composer;
}
