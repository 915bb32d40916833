import { normalizeName } from "./names/nameNormalization.js";

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

/**
 * How families write the countries of the list when registration asks "in which country do you
 * live?" (free text): Persian, English, Albanian and the countries' own names, matched after name
 * normalisation (Arabic letter forms, ZWNJ, diacritics and case do not matter).
 */
const COUNTRY_NAMES: Record<CountryCode, readonly string[]> = {
  ir: ["iran", "ایران", "irani"],
  de: ["germany", "deutschland", "آلمان", "gjermania", "gjermani"],
  se: ["sweden", "sverige", "سوئد", "suedia", "suedi"],
  nl: ["netherlands", "the netherlands", "holland", "nederland", "هلند", "holanda", "hollanda"],
  fr: ["france", "فرانسه", "franca", "franc"],
  gb: ["united kingdom", "uk", "england", "britain", "great britain", "scotland", "wales", "انگلستان", "انگلیس", "بریتانیا", "mbreteria e bashkuar", "anglia", "britania"],
  no: ["norway", "norge", "نروژ", "norvegjia", "norvegji"],
  dk: ["denmark", "danmark", "دانمارک", "danimarka"],
  be: ["belgium", "belgique", "belgie", "بلژیک", "belgjika", "belgjike"],
  ch: ["switzerland", "schweiz", "suisse", "سوئیس", "zvicra", "zvicer"],
  at: ["austria", "österreich", "اتریش", "austri"],
  it: ["italy", "italia", "ایتالیا", "itali"],
  al: ["albania", "shqiperia", "shqiperi", "آلبانی", "البانی"],
  tr: ["turkey", "turkiye", "ترکیه", "turqia", "turqi"],
  iq: ["iraq", "عراق", "iraku", "irak"],
  ca: ["canada", "کانادا", "kanada", "kanadaja"],
  us: ["usa", "u.s.a.", "us", "u.s.", "united states", "united states of america", "america", "آمریکا", "امریکا", "ایالات متحده", "shba", "amerika"],
  au: ["australia", "استرالیا", "australi"],
};

const COUNTRY_BY_NAME = new Map<string, CountryCode>(COUNTRY_CODES.flatMap((code) => COUNTRY_NAMES[code].map((name) => [normalizeName(name), code] as const)));

/** The country of the list a typed name means ("Deutschland", «آلمان», "Gjermania" → "de"), or null. */
export function countryFromName(text: string): CountryCode | null {
  return COUNTRY_BY_NAME.get(normalizeName(text)) ?? null;
}
