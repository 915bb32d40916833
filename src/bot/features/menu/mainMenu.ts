import { hears } from "@grammyjs/i18n";
import { Composer, Keyboard } from "grammy";
import type { Actor } from "../../../domain/roles.js";
import type { BotContext } from "../../context.js";

/** One button of the main menu, contributed by the feature that handles it. */
export interface MenuEntry {
  /** Locale key of the button label. */
  labelKey: string;
  /** Whether the button is shown; the handler behind it still checks permissions itself. */
  visibleTo(actor: Actor): boolean;
  run(ctx: BotContext): Promise<unknown>;
}

const registeredLabels = new Set<string>();

/** Every main-menu button added to a menu so far, by label key (the access matrix test checks each is in the table). */
export function registeredMenuButtons(): readonly string[] {
  return [...registeredLabels].sort();
}

/**
 * The main menu is a reply keyboard (large, always visible buttons suit older phones and users).
 * Button presses arrive as text; `hears` matches the label in every locale.
 */
export function createMainMenu() {
  const composer = new Composer<BotContext>();
  const entries: MenuEntry[] = [];

  /** Features add their buttons in the order they should appear. */
  function add(...added: MenuEntry[]): void {
    for (const entry of added) {
      entries.push(entry);
      registeredLabels.add(entry.labelKey);
      composer.filter(hears(entry.labelKey), (ctx) => entry.run(ctx));
    }
  }

  function keyboard(ctx: BotContext): Keyboard {
    const labels = entries.filter((e) => e.visibleTo(ctx.profile.actor)).map((e) => ctx.t(e.labelKey));
    const rows: string[][] = [];
    for (let i = 0; i < labels.length; i += 2) rows.push(labels.slice(i, i + 2));
    return Keyboard.from(rows.map((row) => row.map((label) => Keyboard.text(label))))
      .resized()
      .persistent();
  }

  async function show(ctx: BotContext, textKey = "menu-prompt"): Promise<void> {
    await ctx.reply(ctx.t(textKey), { reply_markup: keyboard(ctx) });
  }

  /** True for a command or the label of a menu button in any locale. */
  function isMenuInput(text: string | undefined, translate: (locale: string, key: string) => string, locales: readonly string[]): boolean {
    if (!text) return false;
    if (text.startsWith("/")) return true;
    return entries.some((entry) => locales.some((locale) => translate(locale, entry.labelKey) === text));
  }

  return { composer, add, keyboard, show, isMenuInput };
}

export type MainMenu = ReturnType<typeof createMainMenu>;
