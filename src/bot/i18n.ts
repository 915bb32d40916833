import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";

export const LOCALES_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");

/** Locales are files: adding `xx.ftl` to locales/ adds a language, no code change. */
export function createI18n<C extends Context>(defaultLocale: string, negotiate: (ctx: C) => Promise<string | undefined>): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIRECTORY,
    // Fluent wraps every placeable in Unicode isolation marks (FSI…PDI) by default, which is what keeps
    // Latin names and digits from scrambling a right-to-left Persian line. Keep it on.
    fluentBundleOptions: { useIsolating: true },
    localeNegotiator: async (ctx) => (await negotiate(ctx)) ?? defaultLocale,
  });
  rememberBundleMatches(i18n.fluent as unknown as BundleMatcher);
  return i18n;
}

interface BundleMatcher {
  matchBundles(locales: string[]): Set<unknown>;
}

/** Requested locale lists whose bundles are remembered (the negotiator only ever asks for the few we have). */
const MAX_REMEMBERED_MATCHES = 64;

/**
 * @grammyjs/i18n asks @fluent/langneg to negotiate the language again for every single
 * translation: parsing locale tags with regular expressions, a tenth of the bot's CPU under load
 * (bench:updates profile). The bundles are all loaded when I18n is created (locales/ is read
 * synchronously), so the bundles that match a requested locale never change: remember them.
 */
function rememberBundleMatches(fluent: BundleMatcher): void {
  const match = fluent.matchBundles.bind(fluent);
  const remembered = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join("\n");
    let bundles = remembered.get(key);
    if (!bundles) {
      bundles = match(locales);
      if (remembered.size < MAX_REMEMBERED_MATCHES) remembered.set(key, bundles);
    }
    return bundles;
  };
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
