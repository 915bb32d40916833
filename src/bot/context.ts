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
  /** The sender as the server knows them (roles checked here, not in keyboards). Set for updates with a sender. */
  profile: UserProfile;
  services: BotServices;
}

/** Context inside conversations: plugins are not inherited there, so it carries only what is installed. */
export type ConversationContext = Context &
  I18nFlavor & {
    /**
     * True for input meant for the rest of the bot — a command or a main-menu button — which a
     * conversation passes on instead of taking as an answer (see conversationKit.ts).
     */
    isOutsideInput: boolean;
  };

export type BotContext = ConversationFlavor<Context & I18nFlavor & BotFlavor>;
