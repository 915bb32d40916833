import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard } from "grammy";
import { z } from "zod";
import { defineCallback } from "../../callbackData.js";
import { answerExpiredButton, onButton, replacePressedMessage } from "../../buttons.js";
import { setChatCommands } from "../../commands.js";
import type { BotContext } from "../../context.js";
import type { MainMenu, MenuEntry } from "../menu/mainMenu.js";

const chooseLanguage = defineCallback("lang", { locale: z.string().regex(/^[a-z]{2,3}$/) });

/** /language: pick a language; the choice is stored on the server and survives restarts. */
export function languageFeature(i18n: I18n<BotContext>, menu: MainMenu, defaultLocale: string) {
  const composer = new Composer<BotContext>();

  async function showPicker(ctx: BotContext): Promise<void> {
    const keyboard = new InlineKeyboard();
    // The default language (Persian) first: it is what most families read.
    const locales = [...i18n.locales].sort((a, b) => Number(b === defaultLocale) - Number(a === defaultLocale));
    for (const locale of locales) keyboard.text(i18n.t(locale, "language-native-name"), chooseLanguage.pack({ locale })).row();
    await ctx.reply(ctx.t("language-choose"), { reply_markup: keyboard });
  }

  composer.command("language", showPicker);
  onButton(composer, chooseLanguage, async (ctx, data) => {
    // A language this deployment no longer offers is an old button.
    if (!i18n.locales.includes(data.locale)) return answerExpiredButton(ctx);
    await ctx.services.users.setLocale(ctx.from.id, data.locale);
    ctx.profile = { ...ctx.profile, locale: data.locale };
    ctx.i18n.useLocale(data.locale);
    await ctx.answerCallbackQuery();
    await replacePressedMessage(ctx, ctx.t("language-changed"));
    if (ctx.chat) {
      await setChatCommands(ctx.api, i18n as I18n<never>, ctx.chat.id, data.locale, ctx.profile.actor).catch((error: unknown) =>
        ctx.log.warn({ err: (error as Error).message }, "could not set chat commands"),
      );
    }
    await menu.show(ctx);
  });

  const menuEntry: MenuEntry = { labelKey: "menu-language", visibleTo: () => true, run: showPicker };
  return { composer, menuEntry };
}
