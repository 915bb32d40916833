import type { Api } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { OutgoingContent } from "./types.js";

/** The recipient's content, else the default locale's; and the locale actually used. */
export function contentFor(
  contentByLocale: Record<string, OutgoingContent>,
  locale: string | undefined,
  defaultLocale: string,
): { content: OutgoingContent; locale: string } {
  if (locale && contentByLocale[locale]) return { content: contentByLocale[locale], locale };
  const fallback = contentByLocale[defaultLocale];
  if (!fallback) throw new Error(`no content for the default locale ${defaultLocale}`);
  return { content: fallback, locale: defaultLocale };
}

export function inlineKeyboard(content: OutgoingContent): InlineKeyboardMarkup | undefined {
  if (!content.inlineKeyboard || content.inlineKeyboard.length === 0) return undefined;
  return {
    inline_keyboard: content.inlineKeyboard.map((row) =>
      row.map((button): InlineKeyboardButton =>
        button.url !== undefined ? { text: button.text, url: button.url } : { text: button.text, callback_data: button.callbackData ?? button.text },
      ),
    ),
  };
}

/** Sends one message as OutgoingContent describes it and returns its message_id. */
export async function sendContent(api: Api, chatId: number, content: OutgoingContent, options: { paid: boolean }): Promise<number> {
  const common = {
    ...(content.parseMode ? { parse_mode: content.parseMode } : {}),
    ...(inlineKeyboard(content) ? { reply_markup: inlineKeyboard(content) } : {}),
    ...(options.paid ? { allow_paid_broadcast: true } : {}),
  };
  if (content.photoFileId) {
    const message = await api.sendPhoto(chatId, content.photoFileId, { ...common, ...(content.text ? { caption: content.text } : {}) });
    return message.message_id;
  }
  if (content.documentFileId) {
    const message = await api.sendDocument(chatId, content.documentFileId, { ...common, ...(content.text ? { caption: content.text } : {}) });
    return message.message_id;
  }
  const message = await api.sendMessage(chatId, content.text, common);
  return message.message_id;
}
