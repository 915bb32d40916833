import { createConversation, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import type { BotContext, ConversationContext } from "../../context.js";
import { enterConversation } from "../../conversationKit.js";
import type { MenuEntry } from "../menu/mainMenu.js";
import { resumeButton } from "./callbacks.js";
import { REGISTRATION_CONVERSATION, registrationConversation, type RegistrationInput } from "./registrationConversation.js";

export { REGISTRATION_CONVERSATION, type RegistrationInput };

/**
 * A stored chat state holds a new registration left half way (not the edit of a saved one, which
 * runs the same conversation with the case as its argument): what the reminders look for.
 */
export function holdsNewRegistration(stored: VersionedState<ConversationData>): boolean {
  return (stored.state?.[REGISTRATION_CONVERSATION] ?? []).some((open) => {
    try {
      const args = JSON.parse(open.args ?? "[]") as unknown[];
      return !(args[0] as RegistrationInput | undefined)?.edit;
    } catch {
      return false;
    }
  });
}

export function hasUnfinishedRegistration(ctx: BotContext): boolean {
  return (ctx.conversation.active()[REGISTRATION_CONVERSATION] ?? 0) > 0;
}

/** "You have a registration that is not finished": continue where they stopped, or start over. */
export async function offerResume(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("reg-resume-offer"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("reg-resume-continue"), resumeButton.pack({ action: "continue" }))
      .row()
      .text(ctx.t("reg-resume-restart"), resumeButton.pack({ action: "restart" })),
  });
}

/** Registering a missing relative: /register, the menu button, and resuming an unfinished one. */
export function registrationFeature() {
  const composer = new Composer<BotContext>();
  const conversation = createConversation<BotContext, ConversationContext>(registrationConversation, REGISTRATION_CONVERSATION);

  const start = async (ctx: BotContext) => {
    if (hasUnfinishedRegistration(ctx)) return offerResume(ctx);
    await enterConversation(ctx, REGISTRATION_CONVERSATION);
  };

  composer.command("register", start);
  // Reached only when no registration is waiting for this press (the conversation takes "continue" itself).
  composer.callbackQuery(resumeButton.filter, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    await enterConversation(ctx, REGISTRATION_CONVERSATION);
  });

  const menuEntry: MenuEntry = { labelKey: "menu-register", visibleTo: () => true, run: start };
  return { composer, conversations: [conversation], menuEntry };
}
