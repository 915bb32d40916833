// reply_markup checks with Telegram's error texts; returns the markup as Telegram would echo it.
import { badRequest } from "./botApiError.js";
import type { TelegramObject } from "./types.js";
import { checkWebAppUrl } from "./webApps.js";

export type ReplyMarkup =
  | { kind: "inline"; markup: { inline_keyboard: TelegramObject[][] } }
  | { kind: "keyboard"; markup: TelegramObject & { keyboard: TelegramObject[][] } }
  | { kind: "remove"; markup: TelegramObject }
  | { kind: "forceReply"; markup: TelegramObject };

const inlineActions = [
  "callback_data",
  "url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "web_app",
  "login_url",
  "callback_game",
  "pay",
  "copy_text",
] as const;

const maxButtons = 100;

const isObject = (v: unknown): v is TelegramObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isArrayOfArrays = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every((row) => Array.isArray(row));

/** Where the markup goes: Mini App buttons work in private chats only. */
export interface MarkupTarget {
  privateChat: boolean;
}

export function parseReplyMarkup(raw: unknown, target: MarkupTarget = { privateChat: true }): ReplyMarkup | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (!isObject(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ("inline_keyboard" in value) {
    const rows = inlineKeyboard(value.inline_keyboard, target);
    // An empty inline keyboard is how bots remove one; Telegram then shows no markup at all.
    return rows.flat().length > 0 ? { kind: "inline", markup: { inline_keyboard: rows } } : undefined;
  }
  if ("keyboard" in value) return { kind: "keyboard", markup: { ...value, keyboard: replyKeyboard(value.keyboard, target) } };
  if (value.remove_keyboard === true) return { kind: "remove", markup: value };
  if (value.force_reply === true) return { kind: "forceReply", markup: value };
  throw badRequest(`can't find field "keyboard"`);
}

export function parseInlineKeyboardOnly(raw: unknown, target: MarkupTarget = { privateChat: true }): ReplyMarkup | undefined {
  const markup = parseReplyMarkup(raw, target);
  if (markup && markup.kind !== "inline") throw badRequest("inline keyboard expected");
  return markup;
}

function inlineKeyboard(rows: unknown, target: MarkupTarget): TelegramObject[][] {
  if (!isArrayOfArrays(rows)) {
    throw badRequest(`field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays`);
  }
  if (rows.flat().length > maxButtons) throw badRequest("reply markup is too long");
  return rows.map((row) => row.map((button) => inlineButton(button, target)));
}

function inlineButton(button: unknown, target: MarkupTarget): TelegramObject {
  const fail = (why: string) => badRequest(`can't parse inline keyboard button: ${why}`);
  if (!isObject(button)) throw fail("InlineKeyboardButton should be an Object");
  if (typeof button.text !== "string") throw fail(`Field "text" must be of type String`);
  if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = inlineActions.filter((key) => button[key] !== undefined);
  if (actions.length === 0) throw fail("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) throw fail("only one of the optional fields must be used");
  if (actions[0] === "callback_data") {
    const data = button.callback_data;
    const bytes = typeof data === "string" ? Buffer.byteLength(data, "utf8") : 0;
    if (typeof data !== "string" || bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (actions[0] === "url") {
    const url = button.url;
    if (typeof url !== "string" || !/^(https?|tg):\/\/\S+$/i.test(url)) {
      throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
    }
  }
  if (actions[0] === "web_app") {
    // Telegram refuses Mini App buttons outside private chats with this server error.
    if (!target.privateChat) throw badRequest("BUTTON_TYPE_INVALID");
    const webApp = isObject(button.web_app) ? button.web_app : {};
    return { ...button, web_app: { url: checkWebAppUrl(webApp.url, "inline keyboard button") } };
  }
  return button;
}

function replyKeyboard(rows: unknown, target: MarkupTarget): TelegramObject[][] {
  if (!isArrayOfArrays(rows)) {
    throw badRequest(`field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays`);
  }
  if (rows.flat().length > maxButtons * 3) throw badRequest("reply markup is too long");
  return rows.map((row) =>
    row.map((button) => {
      if (typeof button === "string") return { text: button };
      if (!isObject(button) || typeof button.text !== "string") {
        throw badRequest(`can't parse keyboard button: Field "text" must be of type String`);
      }
      if (button.web_app === undefined) return button;
      if (!target.privateChat) throw badRequest("web App buttons can be used in private chats only");
      const webApp = isObject(button.web_app) ? button.web_app : {};
      return { ...button, web_app: { url: checkWebAppUrl(webApp.url, "keyboard button") } };
    }),
  );
}
