/**
 * Time zones a family's clock may show. Families live in Iran (the default) or in a few countries
 * abroad; each country maps to its IANA zones — one, or several for the large countries, where
 * the family is asked which. Names shown to users come from locale keys (`tz-country-<code>`,
 * `tz-zone-<city>`), not from here.
 */

/** Where families live unless they said otherwise. */
export const DEFAULT_TIME_ZONE = "Asia/Tehran";

export const COUNTRY_TIME_ZONES = {
  ir: ["Asia/Tehran"],
  de: ["Europe/Berlin"],
  se: ["Europe/Stockholm"],
  nl: ["Europe/Amsterdam"],
  fr: ["Europe/Paris"],
  gb: ["Europe/London"],
  no: ["Europe/Oslo"],
  dk: ["Europe/Copenhagen"],
  be: ["Europe/Brussels"],
  ch: ["Europe/Zurich"],
  at: ["Europe/Vienna"],
  it: ["Europe/Rome"],
  al: ["Europe/Tirane"],
  tr: ["Europe/Istanbul"],
  iq: ["Asia/Baghdad"],
  ca: ["America/Toronto", "America/Winnipeg", "America/Edmonton", "America/Vancouver"],
  us: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
  au: ["Australia/Sydney", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth"],
} as const satisfies Record<string, readonly string[]>;

export type CountryCode = keyof typeof COUNTRY_TIME_ZONES;
export const COUNTRY_CODES = Object.keys(COUNTRY_TIME_ZONES) as CountryCode[];
/** Every zone a country button may name (the buttons of a country with several zones). */
export const COUNTRY_ZONE_LIST: readonly string[] = [...new Set(Object.values(COUNTRY_TIME_ZONES).flat())];

/** The locale key suffix of a zone's city: "America/Los_Angeles" → "los-angeles". */
export function zoneCityKey(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).toLowerCase().replace(/_/g, "-");
}

/**
 * A typed zone name in the platform's spelling ("europe/berlin" → "Europe/Berlin"), or null when
 * no such zone exists. Only Area/City names: abbreviations such as "CET" or "EST" are ambiguous.
 */
export function canonicalTimeZone(input: string): string | null {
  const text = input.trim().replace(/\s+/g, "_");
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(text)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The stored zone, or the default (TZ_DEFAULT) when none was chosen or a stored one is no longer known. */
export function effectiveTimeZone(stored: string | null | undefined, fallback: string = DEFAULT_TIME_ZONE): string {
  return stored ? (canonicalTimeZone(stored) ?? fallback) : fallback;
}
