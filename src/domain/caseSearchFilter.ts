// What a coordinator or volunteer searches cases by (/find). Parsed with zod at every boundary:
// a forged or oversized value is refused here, so nothing operator-shaped ever reaches a query.

import { z } from "zod";
import { parseCaseReference } from "./caseReference.js";
import { CASE_STATUSES } from "./caseStatus.js";
import { normalizeDigits, stripInvisibleMarks } from "./digits.js";
import { isProvinceCode } from "./provinces.js";
import { toSolarHijri } from "./solarHijri.js";
import { typedDayToIso } from "./typedDay.js";

export { typedDayToIso };

export const SEARCH_NAME_LIMIT = 100;
export const SEARCH_PAGE_SIZE = 10;
/** Higher pages are refused: nobody reads result page 1,001, a forged button might ask for it. */
export const SEARCH_PAGE_LIMIT = 1000;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const caseSearchFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(SEARCH_NAME_LIMIT).optional(),
    reference: z.string().regex(/^\d{4}-\d{4}-\d$/).optional(),
    province: z.string().refine((p) => p === "abroad" || isProvinceCode(p)).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    location: z.string().regex(/^loc_[a-f0-9]{8}$/).optional(),
    duplicatesPending: z.literal(true).optional(),
    /** Registration dates, Gregorian days (inclusive), whatever calendar they were typed in. */
    registeredFrom: isoDay.optional(),
    registeredTo: isoDay.optional(),
  })
  .strict();

export type CaseSearchFilter = z.infer<typeof caseSearchFilterSchema>;

/** The kind of a filter for the audit trail: which fields were used, never their values. */
export function filterKind(filter: CaseSearchFilter): string {
  const keys = Object.keys(filter).sort();
  return keys.length === 0 ? "all" : keys.join("+");
}

export type TypedSearch =
  | { kind: "reference"; reference: string }
  | { kind: "dates"; from: string; to: string }
  | { kind: "name"; name: string }
  | { kind: "invalid"; reason: "too_long" | "bad_date" | "empty" };

const DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const RANGE = new RegExp(`^${DATE.source}\\s*(?:-|–|to|تا|deri)\\s*${DATE.source}$`, "i");

/** What `/find <text>` means: a case reference, a registration date range ("1403/01/01 - 1403/06/31"), or a name. */
export function parseTypedSearch(input: string): TypedSearch {
  const text = normalizeDigits(stripInvisibleMarks(input)).trim();
  if (!text) return { kind: "invalid", reason: "empty" };
  if (input.length > SEARCH_NAME_LIMIT) return { kind: "invalid", reason: "too_long" };
  const reference = parseCaseReference(text);
  if (reference) return { kind: "reference", reference };
  const range = RANGE.exec(text);
  if (range) {
    const [a, b, c, d, e, f] = range.slice(1).map(Number) as [number, number, number, number, number, number];
    const from = typedDayToIso(a, b, c);
    const to = typedDayToIso(d, e, f);
    if (!from || !to || from > to) return { kind: "invalid", reason: "bad_date" };
    return { kind: "dates", from, to };
  }
  if (DATE.test(text)) return { kind: "invalid", reason: "bad_date" };
  return { kind: "name", name: input.trim() };
}

export const DATE_PRESETS = ["d30", "d365", "year"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

/**
 * A registration date range chosen with a button: the last 30 days, the last 12 months, or this
 * year so far — the Solar Hijri year for a reader of that calendar, else the Gregorian one.
 */
export function presetRange(preset: DatePreset, now: Date, solarHijriCalendar: boolean): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const daysBack = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  if (preset === "d30") return { from: daysBack(29), to };
  if (preset === "d365") return { from: daysBack(364), to };
  if (!solarHijriCalendar) return { from: `${now.getUTCFullYear()}-01-01`, to };
  const today = toSolarHijri({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() });
  return { from: typedDayToIso(today.year, 1, 1)!, to };
}
