// The few words the page needs before the session answers (loading, and why it failed), taken from
// the locale files at build time (scripts/buildDesk.ts defines __DESK_BOOT_STRINGS__), so they are
// the same text the server sends later.

declare const __DESK_BOOT_STRINGS__: Record<string, Record<string, string>> | undefined;

export const BOOT_KEYS = ["desk-loading", "desk-error-unauthorized", "desk-error-forbidden", "desk-error-network", "desk-error-server", "desk-retry"] as const;

const bootStrings: Record<string, Record<string, string>> = typeof __DESK_BOOT_STRINGS__ === "undefined" ? {} : __DESK_BOOT_STRINGS__;

/** Persian first: a reader whose Telegram speaks none of our languages sees Persian. */
export function bootLocale(languageCode: string | null): "fa" | "en" | "sq" {
  const base = (languageCode ?? "").toLowerCase().split("-")[0];
  return base === "en" || base === "sq" ? base : "fa";
}

export function bootText(locale: string, key: string): string {
  return bootStrings[locale]?.[key] ?? bootStrings.fa?.[key] ?? key;
}
