import { normalizeDigits, stripInvisibleMarks } from "./digits.js";
import { isValidSolarHijriDate, toGregorian } from "./solarHijri.js";

/** The time zone a person's wall clock shows: Iran for Persian speakers, Albania for the others. */
export function defaultTimeZone(locale: string): string {
  return locale === "fa" ? "Asia/Tehran" : "Europe/Tirane";
}

/** Minutes ahead of UTC in a time zone at an instant (from the platform's time zone data). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** "no-such-date": a well-formed date that is not in the calendar (1403/12/31 in a non-leap year, 2026-02-30). */
export type LocalTimeParse = { ok: true; at: Date } | { ok: false; error: "format" | "no-such-date" | "past" };

/**
 * "2026-12-01 18:30" or "1405/09/10 18:30" (Solar Hijri), in any digit script, read on the wall
 * clock of `timeZone`. Four-digit years from 1300 to 1499 are Solar Hijri.
 */
export function parseLocalDateTime(input: string, options: { timeZone: string; now: Date }): LocalTimeParse {
  const text = normalizeDigits(stripInvisibleMarks(input)).trim();
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[\sT,]+(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!match) return { ok: false, error: "format" };
  let [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (hour > 23 || minute > 59) return { ok: false, error: "format" };
  if (year >= 1300 && year < 1500) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, error: "format" };
    if (!isValidSolarHijriDate({ year, month, day })) return { ok: false, error: "no-such-date" };
    ({ year, month, day } = toGregorian({ year, month, day }));
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, error: "format" };
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { ok: false, error: "no-such-date" };
  // The offset at the instant itself (two passes settle a daylight-saving boundary).
  let at = new Date(wall - utcOffsetMinutes(options.timeZone, new Date(wall)) * 60_000);
  at = new Date(wall - utcOffsetMinutes(options.timeZone, at) * 60_000);
  if (at.getTime() <= options.now.getTime()) return { ok: false, error: "past" };
  return { ok: true, at };
}
