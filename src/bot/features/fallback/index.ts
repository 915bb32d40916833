import { Composer } from "grammy";
import { answerExpiredButton } from "../../buttons.js";
import type { BotContext } from "../../context.js";
import type { MainMenu } from "../menu/mainMenu.js";

/** Anything no feature handled: an unknown command or stray text gets a kind pointer to the menu. */
export function fallbackFeature(menu: MainMenu): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:entities:bot_command", (ctx) => menu.show(ctx, "unknown-command"));
  composer.on("message", (ctx) => menu.show(ctx, "unknown-message"));
  // Also a press without data (a game button: the bot sends none, so it is forged): its spinner stops too.
  composer.on("callback_query", answerExpiredButton);
  return composer;
}
