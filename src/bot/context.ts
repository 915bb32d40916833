import type { Context } from "grammy";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "../logger.js";
import type { UserProfile } from "../services/users.js";
import type { BotServices } from "./services.js";

/** What every handler can rely on, whatever feature it lives in. */
export interface BotFlavor {
  /** Child logger tagged with the update id; never log message text or names. */
  log: Logger;
  /**
   * The sender as the server knows them (roles checked here, not in keyboards). Absent before
   * loadProfile has run and for an update without a (human) sender.
   */
  profile?: UserProfile;
  services: BotServices;
}

/** Context inside conversations: plugins are not inherited there, so it carries only what is installed. */
export type ConversationContext = Context &
  I18nFlavor & {
    /**
     * True for input meant for the rest of the bot — a command or a main-menu button — which a
     * conversation passes on instead of taking as an answer (see ask.ts).
     */
    isOutsideInput: boolean;
  };

/** Any update, as the shared middleware sees it (bot/index.ts): its sender may be unknown yet. */
export type UpdateContext = ConversationFlavor<Context & I18nFlavor & BotFlavor>;

/**
 * What features and conversations see: they are mounted behind `hasProfile` (bot/index.ts), so
 * the sender's profile is always there.
 */
export type BotContext = UpdateContext & { profile: UserProfile };

/** True once loadProfile found the sender: the filter in front of every feature. */
export function hasProfile(ctx: UpdateContext): ctx is BotContext {
  return ctx.profile !== undefined;
}
