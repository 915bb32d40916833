import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { primaryRole, type Actor, type Role } from "../domain/roles.js";

/** Commands in the order Telegram shows them; descriptions come from `cmd-<name>` locale keys. */
const COMMANDS_BY_ROLE: Record<Role, readonly string[]> = {
  family: ["start", "register", "mycases", "status", "petitions", "letter", "mydata", "deletemydata", "help", "language", "settings", "cancel"],
  volunteer: ["start", "register", "mycases", "status", "case", "find", "stats", "desk", "broadcast", "broadcasts", "newevent", "events", "petitions", "letter", "mydata", "deletemydata", "help", "language", "settings", "cancel"],
  coordinator: ["start", "register", "mycases", "status", "case", "find", "export", "stats", "desk", "broadcast", "broadcasts", "newevent", "events", "locations", "petitions", "letter", "mydata", "deletemydata", "help", "language", "settings", "cancel", "team", "invite", "managepetitions", "newpetition"],
  admin: ["start", "register", "mycases", "status", "case", "find", "export", "stats", "desk", "broadcast", "broadcasts", "newevent", "events", "locations", "petitions", "letter", "mydata", "deletemydata", "help", "language", "settings", "cancel", "team", "invite", "managepetitions", "newpetition", "audit"],
};

/** Every command any role sees in its list (the access matrix test checks each is in the table). */
export function listedCommands(): readonly string[] {
  return [...new Set(Object.values(COMMANDS_BY_ROLE).flat())].sort();
}

export function commandsFor(i18n: I18n<never>, locale: string, role: Role): BotCommand[] {
  return COMMANDS_BY_ROLE[role].map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
}

/** Registers the family commands for every locale (Telegram picks by the app's language) and the default. */
export async function registerDefaultCommands(api: Api, i18n: I18n<never>, defaultLocale: string): Promise<void> {
  await api.setMyCommands(commandsFor(i18n, defaultLocale, "family"));
  for (const locale of i18n.locales) {
    await api.setMyCommands(commandsFor(i18n, locale, "family"), { language_code: locale as never });
  }
}

/** A user's own command list, in the language they chose and with their role's commands. */
export async function setChatCommands(api: Api, i18n: I18n<never>, chatId: number, locale: string, actor: Actor): Promise<void> {
  await api.setMyCommands(commandsFor(i18n, locale, primaryRole(actor)), { scope: { type: "chat", chat_id: chatId } });
}
