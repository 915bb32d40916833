// The chat as a person sees it: stored Telegram Messages flattened into ChatMessages, users as JSON.
import type { StoredMessage, UserRecord } from "./chatRecords.js";
import type { ChatMessage, InlineButtonView, TelegramObject } from "./types.js";

const fileIdOf = (value: unknown): string | undefined => {
  if (Array.isArray(value)) return fileIdOf(value[value.length - 1]);
  if (typeof value === "object" && value !== null && typeof (value as TelegramObject).file_id === "string") {
    return (value as TelegramObject).file_id as string;
  }
  return undefined;
};

export function toChatMessage(stored: StoredMessage): ChatMessage {
  const m = stored.message;
  const view: ChatMessage = {
    messageId: stored.messageId,
    from: stored.from,
    date: m.date as number,
    edited: stored.editCount > 0,
    editCount: stored.editCount,
  };
  if (typeof m.text === "string") view.text = m.text;
  if (typeof m.caption === "string") view.caption = m.caption;
  const photo = fileIdOf(m.photo);
  if (photo) view.photo = photo;
  const document = fileIdOf(m.document);
  if (document) view.document = document;
  const voice = fileIdOf(m.voice);
  if (voice) view.voice = voice;
  const sticker = fileIdOf(m.sticker);
  if (sticker) view.sticker = sticker;
  const video = fileIdOf(m.video);
  if (video) view.video = video;
  const contact = m.contact as TelegramObject | undefined;
  if (contact && typeof contact.phone_number === "string") view.contact = contact.phone_number;
  const webAppData = m.web_app_data as TelegramObject | undefined;
  if (webAppData && typeof webAppData.data === "string") view.webAppData = webAppData.data;
  const viaBot = m.via_bot as TelegramObject | undefined;
  if (viaBot && typeof viaBot.username === "string") view.viaBot = viaBot.username;
  if (stored.parseMode) view.parseMode = stored.parseMode;
  const entities = (m.entities ?? m.caption_entities) as unknown[] | undefined;
  if (entities && entities.length > 0) view.entities = entities;
  const markup = stored.markup;
  if (markup?.kind === "inline") view.inlineKeyboard = markup.markup.inline_keyboard.map((row) => row.map(inlineButtonView));
  if (markup?.kind === "keyboard") {
    view.replyKeyboard = markup.markup.keyboard.map((row) => row.map((b) => String(b.text)));
    const webApps = markup.markup.keyboard.flat().filter((b) => webAppUrlOf(b) !== undefined);
    if (webApps.length > 0) view.replyKeyboardWebApps = Object.fromEntries(webApps.map((b) => [String(b.text), webAppUrlOf(b)!]));
  }
  if (markup?.kind === "remove") view.removeKeyboard = true;
  return view;
}

function inlineButtonView(button: TelegramObject): InlineButtonView {
  const view: InlineButtonView = { text: String(button.text) };
  if (typeof button.callback_data === "string") view.callbackData = button.callback_data;
  if (typeof button.url === "string") view.url = button.url;
  if (typeof button.switch_inline_query === "string") view.switchInlineQuery = button.switch_inline_query;
  const webAppUrl = webAppUrlOf(button);
  if (webAppUrl !== undefined) view.webAppUrl = webAppUrl;
  return view;
}

/** The URL of a web_app button (inline or reply keyboard), as replyMarkup.ts checked it. */
export function webAppUrlOf(button: TelegramObject): string | undefined {
  const webApp = button.web_app as TelegramObject | undefined;
  return typeof webApp?.url === "string" ? webApp.url : undefined;
}

/** A user as the driver API and the web page show it. */
export function userView(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    firstName: user.firstName,
    ...(user.lastName ? { lastName: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { languageCode: user.languageCode } : {}),
    started: user.started,
    blocked: user.blockedBot,
  };
}
