import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { parseFreeText } from "../../../domain/registration/answers.js";
import { locationName } from "../../../services/locations.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { withAnswerMessage } from "../registration/answerMessages.js";
import { ask } from "../../ask.js";
import { enterConversation, type BotConversation } from "../../conversationKit.js";
import { onButton } from "../../buttons.js";
import { requirePermission } from "../../middleware/requirePermission.js";
import { locationAction, statusControl } from "./callbacks.js";

const ADD_LOCATION_CONVERSATION = "addLocation";
const NAME_LIMIT = 80;
/** Names asked for each new place; Persian and English are required, Albanian may be skipped. */
const NAME_LOCALES = [
  { locale: "fa", optional: false },
  { locale: "en", optional: false },
  { locale: "sq", optional: true },
] as const;

async function addLocationConversation(conversation: BotConversation, ctx: ConversationContext): Promise<void> {
  const names: Record<string, string> = {};
  for (const { locale, optional } of NAME_LOCALES) {
    const keyboard = new InlineKeyboard();
    if (optional) keyboard.text(ctx.t("button-skip"), statusControl.pack({ action: "skip" }));
    keyboard.text(ctx.t("button-cancel"), statusControl.pack({ action: "cancel" }));
    const answer = await ask(conversation, {
      prompt: () => ctx.reply(ctx.t("locations-ask-name", { language: ctx.t(`language-name-${locale}`) }), { reply_markup: keyboard }),
      buttons: { control: { button: statusControl, accepts: (d: { action: string }) => d.action === "cancel" || (d.action === "skip" && optional) } },
      text: (text) => withAnswerMessage(parseFreeText(text, NAME_LIMIT)),
      hint: "reg-error-text-expected",
    });
    if (answer.kind === "message") names[locale] = answer.value;
    else if (answer.data.action === "cancel") {
      await ctx.reply(ctx.t("locations-cancelled"));
      return;
    }
  }
  const added = await conversation.external((outside) => outside.services.locations.add(outside.profile.actor, names));
  await ctx.reply(added.ok ? ctx.t("locations-added", { name: names.fa ?? names.en ?? "" }) : ctx.t("error-not-allowed"));
}

/** /locations: coordinators keep the list of places where relatives are believed to be (data, not code). */
export function locationsFeature() {
  const composer = new Composer<BotContext>();
  const conversation = createConversation<BotContext, ConversationContext>(addLocationConversation, ADD_LOCATION_CONVERSATION);

  composer.command("locations", requirePermission("location.manage"), async (ctx) => {
    const locale = await ctx.i18n.getLocale();
    const list = await ctx.services.locations.listActive();
    const keyboard = new InlineKeyboard();
    for (const location of list) keyboard.text(`🗑 ${locationName(location, locale)}`, locationAction.pack({ action: "remove", code: location.code })).row();
    keyboard.text(ctx.t("locations-add"), locationAction.pack({ action: "add", code: "new" }));
    const names = list.map((l) => `• ${locationName(l, locale)}`).join("\n");
    await ctx.reply(`${ctx.t("locations-title")}\n${names || ctx.t("reg-value-none")}`, { reply_markup: keyboard });
  });

  onButton(composer, locationAction, requirePermission("location.manage"), async (ctx, data) => {
    await ctx.answerCallbackQuery();
    if (data.action === "add") return enterConversation(ctx, ADD_LOCATION_CONVERSATION);
    const removed = await ctx.services.locations.deactivate(ctx.profile.actor, data.code);
    await ctx.reply(ctx.t(removed ? "locations-removed" : "casework-not-found"));
  });

  return { composer, conversations: [conversation] };
}
