import { Composer } from "grammy";
import { parseStartPayload } from "../../../domain/startPayload.js";
import type { BotContext } from "../../context.js";
import type { MainMenu } from "../menu/mainMenu.js";
import { acceptInvite } from "../team/acceptInvite.js";

/** /start greets the user in their language and shows their menu; a deep-link payload routes to its feature. */
export function startFeature(menu: MainMenu): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const payload = parseStartPayload(ctx.match);
    switch (payload.kind) {
      case "invite":
        await acceptInvite(ctx, payload.code);
        return menu.show(ctx);
      case "unknown":
        await ctx.reply(ctx.t("start-link-unknown"));
        return menu.show(ctx, "start-greeting");
      case "none":
        return menu.show(ctx, "start-greeting");
    }
  });
  return composer;
}
