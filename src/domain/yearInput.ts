// Years typed by families: "1381", "۱۳۸۱", "2002", or just "81". Solar Hijri and Gregorian
// four-digit years never collide in a plausible range; a two-digit year does, so we ask.

import { formatDigits, normalizeDigits, stripInvisibleMarks } from "./digits.js";
import { gregorianYearToSolarHijri, solarHijriYearToGregorian, toSolarHijri } from "./solarHijri.js";

export type YearCalendar = "gregorian" | "solarHijri";

export interface YearPair {
  gregorian: number;
  solarHijri: number;
}

export type YearParse =
  | ({ kind: "ok"; calendar: YearCalendar } & YearPair)
  | { kind: "ambiguous"; asSolarHijri: YearPair; asGregorian: YearPair }
  | { kind: "invalid"; reason: "not_a_number" | "out_of_range" };

export interface YearParseOptions {
  now: Date;
  /** Earliest accepted Gregorian year, default 1900. */
  min?: number;
  /** Latest accepted Gregorian year, default the current Gregorian year (UTC). */
  max?: number;
}

export const DEFAULT_MIN_YEAR = 1900;

function pairFromSolarHijri(solarHijri: number): YearPair {
  return { gregorian: solarHijriYearToGregorian(solarHijri), solarHijri };
}

function pairFromGregorian(gregorian: number): YearPair {
  return { gregorian, solarHijri: gregorianYearToSolarHijri(gregorian) };
}

/**
 * A two-digit year in one calendar: the most recent century whose year is still in range
 * ("02" → 2002 or 1402, "81" → 1981 or 1381), or null if no century fits.
 */
function shortYearCandidate(
  twoDigits: number,
  centuries: readonly number[],
  toPair: (year: number) => YearPair,
  inRange: (p: YearPair) => boolean,
): YearPair | null {
  for (const century of centuries) {
    const pair = toPair(century + twoDigits);
    if (inRange(pair)) return pair;
  }
  return null;
}

export function parseYear(input: string, opts: YearParseOptions): YearParse {
  const min = opts.min ?? DEFAULT_MIN_YEAR;
  const max = opts.max ?? opts.now.getUTCFullYear();
  const cleaned = normalizeDigits(stripInvisibleMarks(input)).trim();
  if (!/^[0-9]+$/.test(cleaned)) return { kind: "invalid", reason: "not_a_number" };

  const value = Number(cleaned);
  const inRange = (p: YearPair): boolean => p.gregorian >= min && p.gregorian <= max;

  let asSolarHijri: YearPair | null;
  let asGregorian: YearPair | null;
  if (cleaned.length === 2) {
    asSolarHijri = shortYearCandidate(value, [1400, 1300], pairFromSolarHijri, inRange);
    asGregorian = shortYearCandidate(value, [2000, 1900], pairFromGregorian, inRange);
  } else if (cleaned.length >= 3 && cleaned.length <= 4) {
    // Solar Hijri years are 621 lower than Gregorian ones, so within any plausible range
    // at most one reading fits (1381 can only be Solar Hijri, 2002 only Gregorian).
    const sh = pairFromSolarHijri(value);
    const g = pairFromGregorian(value);
    asSolarHijri = inRange(sh) ? sh : null;
    asGregorian = inRange(g) ? g : null;
  } else {
    return { kind: "invalid", reason: "out_of_range" };
  }

  if (asSolarHijri && asGregorian) return { kind: "ambiguous", asSolarHijri, asGregorian };
  if (asSolarHijri) return { kind: "ok", calendar: "solarHijri", ...asSolarHijri };
  if (asGregorian) return { kind: "ok", calendar: "gregorian", ...asGregorian };
  return { kind: "invalid", reason: "out_of_range" };
}

type DateLanguage = "fa" | "en" | "sq";

function dateLanguage(locale: string): DateLanguage {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === "fa" || base === "sq" ? base : "en";
}

/** Persian locale: the Solar Hijri year (starting in that Gregorian year) in Persian digits; others: Gregorian. */
export function formatYear(gregorian: number, locale: string): string {
  if (dateLanguage(locale) === "fa") return formatDigits(gregorianYearToSolarHijri(gregorian), "fa");
  return String(gregorian);
}

const SOLAR_HIJRI_MONTHS_FA = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

const GREGORIAN_MONTHS_SHORT: Record<Exclude<DateLanguage, "fa">, readonly string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  sq: ["jan", "shk", "mar", "pri", "maj", "qer", "korr", "gush", "sht", "tet", "nën", "dhj"],
};

export interface FormatDateOptions {
  /**
   * Offset from UTC, in minutes, of the reader's wall clock (Iran: +210). The calendar day is
   * taken there; default 0 (UTC).
   */
  utcOffsetMinutes?: number;
}

/**
 * A day as the reader's locale writes it: fa "۵ آذر ۱۴۰۵" (Solar Hijri, Persian digits),
 * en "27 Nov 2026", sq "27 nën 2026"; unknown locales fall back to English.
 */
export function formatDate(date: Date, locale: string, options: FormatDateOptions = {}): string {
  const shifted = new Date(date.getTime() + (options.utcOffsetMinutes ?? 0) * 60_000);
  const gregorian = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  const language = dateLanguage(locale);
  if (language === "fa") {
    const sh = toSolarHijri(gregorian);
    return `${formatDigits(sh.day, "fa")} ${SOLAR_HIJRI_MONTHS_FA[sh.month - 1]} ${formatDigits(sh.year, "fa")}`;
  }
  const month = GREGORIAN_MONTHS_SHORT[language][gregorian.month - 1];
  return `${gregorian.day} ${month} ${gregorian.year}`;
}
