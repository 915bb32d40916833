import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

export const LOCALES_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

/** Locales are files: adding `xx.ftl` to locales/ adds a language, no code change. */
export function createI18n<C extends Context>(defaultLocale: string, negotiate: (ctx: C) => Promise<string | undefined>): I18n<C> {
  return new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIRECTORY,
    // Fluent wraps every placeable in Unicode isolation marks (FSI…PDI) by default, which is what keeps
    // Latin names and digits from scrambling a right-to-left Persian line. Keep it on.
    fluentBundleOptions: { useIsolating: true },
    localeNegotiator: async (ctx) => (await negotiate(ctx)) ?? defaultLocale,
  });
}

/** Maps a Telegram language_code ("fa", "en-US") to a locale we have, or undefined. */
export function matchLocale(available: readonly string[], languageCode: string | undefined): string | undefined {
  if (!languageCode) return undefined;
  const base = languageCode.toLowerCase().split(/[-_]/)[0];
  return available.find((l) => l === base);
}

/** The name of each language in itself, for the language picker. */
export function nativeLanguageName(i18n: I18n<never>, locale: string): string {
  return i18n.t(locale, "language-native-name");
}
