import type { AuditKind } from "./auditActions.js";
import { normalizeDigits, stripInvisibleMarks } from "./digits.js";
import { isValidSolarHijriDate, toGregorian } from "./solarHijri.js";

/** Whose actions, which day and which kind of action an admin asks /audit for. `day` is a Gregorian "YYYY-MM-DD". */
export interface AuditFilter {
  person?: "me" | number;
  day?: string;
  kind?: AuditKind;
}

/** The words for each kind of action, in English, Persian and Albanian (compared without ZWNJ, lower case). */
const KIND_WORDS: Readonly<Record<AuditKind, readonly string[]>> = {
  views: ["views", "view", "مشاهده", "دیدن", "shikime", "shikim"],
  searches: ["searches", "search", "جستجو", "kërkime", "kerkime", "kërkim"],
  exports: ["exports", "export", "خروجی", "eksporte", "eksport"],
  statuses: ["statuses", "status", "وضعیت", "statuse", "statusi"],
  roles: ["roles", "role", "نقش", "نقشها", "rolet"],
};

function kindOf(word: string): AuditKind | undefined {
  return (Object.keys(KIND_WORDS) as AuditKind[]).find((kind) => KIND_WORDS[kind].includes(word));
}

export type AuditFilterParse = { ok: true; filter: AuditFilter } | { ok: false; error: "unknown_filter" | "no_such_date" | "too_long" };

/** Longer typed filters are refused before they are read at all. */
export const AUDIT_FILTER_MAX_LENGTH = 64;

/**
 * `/audit`'s typed filters, in any order and digit script: "me" (or «من»), a team member's number as
 * /team shows it, a day ("1405/09/07" Solar Hijri, "2026-11-28" Gregorian; years 1300–1499 are
 * Solar Hijri), a kind of action ("exports", «خروجی», "eksporte"). Anything else is an unknown filter: it is never passed on to a query.
 */
export function parseAuditFilter(input: string): AuditFilterParse {
  if (input.length > AUDIT_FILTER_MAX_LENGTH) return { ok: false, error: "too_long" };
  const filter: AuditFilter = {};
  const words = normalizeDigits(stripInvisibleMarks(input)).trim().split(/\s+/).filter(Boolean);
  for (const word of words) {
    const lower = word.toLowerCase();
    const date = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(lower);
    const kind = kindOf(lower);
    if ((lower === "me" || lower === "من") && filter.person === undefined) filter.person = "me";
    else if (/^\d{1,15}$/.test(lower) && filter.person === undefined && Number(lower) > 0) filter.person = Number(lower);
    else if (date && filter.day === undefined) {
      const day = gregorianDay(Number(date[1]), Number(date[2]), Number(date[3]));
      if (day === null) return { ok: false, error: "no_such_date" };
      filter.day = day;
    } else if (kind !== undefined && filter.kind === undefined) filter.kind = kind;
    else return { ok: false, error: "unknown_filter" };
  }
  return { ok: true, filter };
}

function gregorianDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let date = { year, month, day };
  if (year >= 1300 && year < 1500) {
    if (!isValidSolarHijriDate(date)) return null;
    date = toGregorian(date);
  }
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) return null;
  return check.toISOString().slice(0, 10);
}
