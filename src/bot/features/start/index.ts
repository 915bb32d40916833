import { Composer } from "grammy";
import { parseStartPayload } from "../../../domain/startPayload.js";
import type { BotContext } from "../../context.js";
import type { MainMenu } from "../menu/mainMenu.js";
import { hasUnfinishedRegistration, offerResume } from "../registration/index.js";
import { acceptInvite } from "../team/acceptInvite.js";

/** Features that deep links lead to. */
export interface StartRoutes {
  openPetition(ctx: BotContext, ref: string): Promise<void>;
}

/** /start greets the user in their language and shows their menu; a deep-link payload routes to its feature. */
export function startFeature(menu: MainMenu, routes: StartRoutes): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const payload = parseStartPayload(ctx.match);
    switch (payload.kind) {
      case "invite":
        await acceptInvite(ctx, payload.code);
        return menu.show(ctx);
      case "petition":
        // The menu first (a new user needs it), then the petition as the last, most visible message.
        await menu.show(ctx, "start-greeting");
        return routes.openPetition(ctx, payload.ref);
      case "unknown":
        await ctx.reply(ctx.t("start-link-unknown"));
        return menu.show(ctx, "start-greeting");
      case "none":
      case "fromGroup":
        await menu.show(ctx, "start-greeting");
        // Someone who went away (or whose bot restarted) mid-registration can pick up where they stopped.
        if (hasUnfinishedRegistration(ctx)) await offerResume(ctx);
        return;
    }
  });
  return composer;
}
