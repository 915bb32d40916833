// getMe, bot commands, menu button and the profile texts a bot may set at start-up.
import { z } from "zod";
import { badRequest } from "../botApiError.js";
import type { EmulatorState } from "../emulatorState.js";
import type { TelegramObject } from "../types.js";
import { chatIdParam, intParam, parseParams } from "../validation.js";
import { checkWebAppUrl } from "../webApps.js";
import { immediate, type MethodSpec } from "./methodTypes.js";

const getMe: MethodSpec = {
  name: "getMe",
  prepare(_params, { state }) {
    return immediate(() => ({
      id: state.bot.id,
      is_bot: true,
      first_name: state.bot.firstName,
      username: state.bot.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
      can_connect_to_business: false,
      has_main_web_app: false,
    }));
  },
};

const scopeSchema = z
  .looseObject({
    type: z.enum([
      "default",
      "all_private_chats",
      "all_group_chats",
      "all_chat_administrators",
      "chat",
      "chat_administrators",
      "chat_member",
    ], { error: "unsupported bot command scope type" }),
    chat_id: chatIdParam.optional(),
    user_id: intParam.optional(),
  })
  .optional();

const languageCode = z
  .string()
  .regex(/^([a-z]{2})?$/, { error: "invalid language code specified" })
  .optional();

const scopeAndLanguage = { scope: scopeSchema, language_code: languageCode };

const commandKey = (scope: z.output<typeof scopeSchema>, language: string | undefined): string =>
  `${scope?.type ?? "default"}:${String(scope?.chat_id ?? "")}:${String(scope?.user_id ?? "")}|${language ?? ""}`;

const setMyCommandsSchema = z.looseObject({
  commands: z.array(z.unknown(), { error: "commands must be an array" }),
  ...scopeAndLanguage,
});

function validCommand(raw: unknown): TelegramObject {
  if (typeof raw !== "object" || raw === null) throw badRequest("can't parse BotCommand object");
  const { command, description } = raw as TelegramObject;
  if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
  if (typeof description !== "string" || description.trim().length === 0 || [...description].length > 256) {
    throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
  }
  return { command, description };
}

const setMyCommands: MethodSpec = {
  name: "setMyCommands",
  prepare(params, { state }) {
    const p = parseParams(setMyCommandsSchema, params);
    if (p.commands.length > 100) throw badRequest("too many commands specified");
    const commands = p.commands.map(validCommand);
    return immediate(() => {
      state.settings.commands.set(commandKey(p.scope, p.language_code), commands);
      return true;
    });
  },
};

const scopeOnlySchema = z.looseObject(scopeAndLanguage);

const getMyCommands: MethodSpec = {
  name: "getMyCommands",
  prepare(params, { state }) {
    const p = parseParams(scopeOnlySchema, params);
    return immediate(() => state.settings.commands.get(commandKey(p.scope, p.language_code)) ?? []);
  },
};

const deleteMyCommands: MethodSpec = {
  name: "deleteMyCommands",
  prepare(params, { state }) {
    const p = parseParams(scopeOnlySchema, params);
    return immediate(() => state.settings.commands.delete(commandKey(p.scope, p.language_code)) || true);
  },
};

const menuButtonSchema = z.looseObject({ chat_id: intParam.optional(), menu_button: z.unknown().optional() });

/** A MenuButton checked as the Bot API server parses it; its errors are Telegram's. */
function parseMenuButton(raw: unknown): TelegramObject {
  const fail = (why: string) => badRequest(`can't parse menu button: ${why}`);
  if (raw === undefined) return { type: "default" };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw fail("MenuButton must be an Object");
  const button = raw as TelegramObject;
  if (typeof button.type !== "string") throw fail(`Can't find field "type"`);
  if (button.type === "default" || button.type === "commands") return { type: button.type };
  if (button.type !== "web_app") throw fail("MenuButton has unsupported type");
  if (typeof button.text !== "string") throw fail(`Can't find field "text"`);
  const webApp = button.web_app;
  if (typeof webApp !== "object" || webApp === null) throw fail(`Can't find field "web_app"`);
  const url = (webApp as TelegramObject).url;
  if (typeof url !== "string") throw fail(`Can't find field "url"`);
  return { type: "web_app", text: button.text, web_app: { url: checkWebAppUrl(url, "menu button") } };
}

const setChatMenuButton: MethodSpec = {
  name: "setChatMenuButton",
  prepare(params, { state }) {
    const p = parseParams(menuButtonSchema, params);
    const button = parseMenuButton(p.menu_button);
    const key = String(p.chat_id ?? "default");
    return immediate(() => {
      // "default" in a chat means "the bot's default"; as the default, "the commands list".
      if (button.type === "default") state.settings.menuButtons.delete(key);
      else state.settings.menuButtons.set(key, button);
      return true;
    });
  },
};

/** The menu button a private chat shows: its own, else the bot's default, else the list of commands. */
export function effectiveMenuButton(state: EmulatorState, chatId: number | undefined): TelegramObject {
  const menus = state.settings.menuButtons;
  return (chatId !== undefined ? menus.get(String(chatId)) : undefined) ?? menus.get("default") ?? { type: "commands" };
}

const getChatMenuButton: MethodSpec = {
  name: "getChatMenuButton",
  prepare(params, { state }) {
    const p = parseParams(menuButtonSchema, params);
    return immediate(() => effectiveMenuButton(state, p.chat_id));
  },
};

/** setMyName/Description/ShortDescription and their getters share one shape. */
function profileText(field: "name" | "description" | "short_description", max: number): MethodSpec[] {
  const suffix = field === "name" ? "Name" : field === "description" ? "Description" : "ShortDescription";
  const schema = z.looseObject({ [field]: z.string().optional(), language_code: languageCode });
  return [
    {
      name: `setMy${suffix}`,
      prepare(params, { state }) {
        const p = parseParams(schema, params) as Record<string, string | undefined>;
        const value = p[field] ?? "";
        if ([...value].length > max) throw badRequest(`bot ${field.replace("_", " ")} is too long`);
        return immediate(() => {
          state.settings.texts.set(`${field}|${p.language_code ?? ""}`, value);
          return true;
        });
      },
    },
    {
      name: `getMy${suffix}`,
      prepare(params, { state }) {
        const p = parseParams(schema, params) as Record<string, string | undefined>;
        const fallback = field === "name" ? state.bot.firstName : "";
        return immediate(() => ({ [field]: state.settings.texts.get(`${field}|${p.language_code ?? ""}`) ?? fallback }));
      },
    },
  ];
}

export const botSettingsMethods: MethodSpec[] = [
  getMe,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  ...profileText("name", 64),
  ...profileText("description", 512),
  ...profileText("short_description", 120),
];
