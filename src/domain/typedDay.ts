// A day typed by a person, in either calendar: years below 1700 are Solar Hijri ("1405/09/07"),
// others Gregorian ("2026-11-28"); digits in any script. Used by /find and by the desk's filter
// (bundled into the web page, so this file imports nothing heavier than the calendar code).

import { normalizeDigits, stripInvisibleMarks } from "./digits.js";
import { isValidSolarHijriDate, toGregorian } from "./solarHijri.js";

/** A typed day in either calendar (years below 1700 are Solar Hijri) as a Gregorian ISO day. */
export function typedDayToIso(year: number, month: number, day: number): string | null {
  if (year < 1700) {
    if (!isValidSolarHijriDate({ year, month, day })) return null;
    const g = toGregorian({ year, month, day });
    return `${g.year}-${String(g.month).padStart(2, "0")}-${String(g.day).padStart(2, "0")}`;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** One typed day ("۱۴۰۵/۹/۷", "2026-11-28") as an ISO day, or null when it is not a real day. */
export function parseTypedDay(input: string): string | null {
  const match = DAY.exec(normalizeDigits(stripInvisibleMarks(input)).trim());
  if (!match) return null;
  return typedDayToIso(Number(match[1]), Number(match[2]), Number(match[3]));
}
