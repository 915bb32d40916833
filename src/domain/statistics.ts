import { z } from "zod";
import { CASE_STATUSES, type CaseStatus } from "./caseStatus.js";
import { formatDigits, isPersianLocale } from "./digits.js";
import { RSVP_ANSWERS, type RsvpAnswer } from "./events.js";
import { registrationWeek } from "./registrationWeek.js";
import { toSolarHijri } from "./solarHijri.js";

/** A count under a key: a province code, a month ("2026-03") or a day ("2026-03-14"). */
export interface KeyedCount {
  key: string;
  count: number;
}

/**
 * The numbers /stats shows, counted for one reader: everything for coordinators, the reader's
 * provinces for volunteers. Only counts — never a name or a person.
 */
export interface StatisticsSnapshot {
  /** "all", or the provinces the counts are limited to. */
  scope: "all" | readonly string[];
  /** When the figures were counted (the `refresh-statistics` job, or this request when none was fresh). */
  asOf: Date;
  totalCases: number;
  /** Largest first. */
  casesByProvince: KeyedCount[];
  casesByStatus: Record<CaseStatus, number>;
  /** Oldest month first, every month of the window present (zero when none). */
  registrationsByMonth: KeyedCount[];
  /** Cases moved to "contact established" per month, same months as registrationsByMonth. */
  contactByMonth: KeyedCount[];
  /** Open cases with no case event for STALE_AFTER_DAYS days. */
  staleCases: number;
  /** Oldest day first, every day of the window present. */
  signaturesByDay: KeyedCount[];
  /** Largest first; signatures without a province are left out. */
  signaturesByProvince: KeyedCount[];
  totalSignatures: number;
  rsvps: Record<RsvpAnswer, number>;
}

export const STALE_AFTER_DAYS = 30;
export const STATS_MONTHS = 12;
export const STATS_DAYS = 30;

const DAY_MS = 86_400_000;

/** "YYYY-MM" (UTC) of a moment. */
export function monthKey(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** "YYYY-MM-DD" (UTC) of a moment. */
export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first moment of the month `months - 1` months before now's month (UTC). */
export function monthsWindowStart(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
}

/** The first moment of the day `days - 1` days before today (UTC). */
export function daysWindowStart(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS);
}

/** Every month key of the window, oldest first, with the counts found (zero for the rest). */
export function fillMonths(now: Date, months: number, counts: ReadonlyMap<string, number>): KeyedCount[] {
  const start = monthsWindowStart(now, months);
  return Array.from({ length: months }, (_, i) => {
    const key = monthKey(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)));
    return { key, count: counts.get(key) ?? 0 };
  });
}

/** Months as the reader counts them: Gregorian, or Solar Hijri (Persian readers). */
export type StatsCalendar = "gregorian" | "solarHijri";

/** Iran's offset from UTC (no daylight saving since 2022): a Solar Hijri month starts at Tehran's midnight. */
const IRAN_OFFSET_MS = 210 * 60_000;
const SOLAR_HIJRI_PREFIX = "sh:";

/** "sh:1405-09": the Solar Hijri month (in Iran's time) of a moment. */
export function solarHijriMonthKey(at: Date): string {
  const local = new Date(at.getTime() + IRAN_OFFSET_MS);
  const sh = toSolarHijri({ year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() });
  return `${SOLAR_HIJRI_PREFIX}${sh.year}-${String(sh.month).padStart(2, "0")}`;
}

/** The Solar Hijri month key `back` months before the month of `key` ("sh:1405-01", 1 → "sh:1404-12"). */
function solarHijriMonthBefore(key: string, back: number): string {
  const [year, month] = key.slice(SOLAR_HIJRI_PREFIX.length).split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${SOLAR_HIJRI_PREFIX}${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every Solar Hijri month key of the window ending with now's month, oldest first, with the counts found. */
export function fillSolarHijriMonths(now: Date, months: number, counts: ReadonlyMap<string, number>): KeyedCount[] {
  const last = solarHijriMonthKey(now);
  return Array.from({ length: months }, (_, i) => {
    const key = solarHijriMonthBefore(last, months - 1 - i);
    return { key, count: counts.get(key) ?? 0 };
  });
}

/** Whether a month key is a Solar Hijri one ("sh:1405-09"). */
export function isSolarHijriMonthKey(key: string): boolean {
  return key.startsWith(SOLAR_HIJRI_PREFIX);
}

/** Every day key of the window, oldest first, with the counts found (zero for the rest). */
export function fillDays(now: Date, days: number, counts: ReadonlyMap<string, number>): KeyedCount[] {
  const start = daysWindowStart(now, days).getTime();
  return Array.from({ length: days }, (_, i) => {
    const key = dayKey(new Date(start + i * DAY_MS));
    return { key, count: counts.get(key) ?? 0 };
  });
}

/** Largest count first; equal counts by key, so the order is stable. */
export function largestFirst(counts: ReadonlyMap<string, number>): KeyedCount[] {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The key of counts that belong to no province (a signature or an answer given without one, a case gone since). */
export const NO_PROVINCE = "-";

type Counts = Record<string, number>;

/**
 * Every figure of /stats, counted once for everybody and broken down by province, so that a
 * volunteer's figures are the sum over their provinces. Month and day counts hold only the window
 * that ends at `computedAt`. Counts only — never a person.
 */
export interface StatisticsTally {
  computedAt: Date;
  /** province → status → cases */
  cases: Record<string, Counts>;
  /**
   * registration week (domain/registrationWeek) → cases, every week and province: which weeks a
   * list of cases in registration order reads (services/cases/caseSearch.ts).
   */
  weeks: Counts;
  /** province → month → cases registered */
  registrations: Record<string, Counts>;
  /** province → month → moves to "contact established" */
  contact: Record<string, Counts>;
  /** province → open cases with no case event for STALE_AFTER_DAYS days */
  stale: Counts;
  /** province → active signatures */
  signatures: Counts;
  /** province → day → active signatures signed that day */
  signaturesByDay: Record<string, Counts>;
  /** province → answer → event answers */
  rsvps: Record<string, Counts>;
}

const counts = z.record(z.string().max(40), z.number().int().min(0));
const nested = z.record(z.string().max(40), counts);

/** The stored form of a tally (JSON), checked when read back. */
export const statisticsTallySchema = z.object({
  computedAt: z.coerce.date(),
  cases: nested,
  weeks: counts,
  registrations: nested,
  contact: nested,
  stale: counts,
  signatures: counts,
  signaturesByDay: nested,
  rsvps: nested,
});

/** Counts a tally up, one record at a time (the refresh job streams the records through it). */
export class TallyCounter {
  private readonly tally: StatisticsTally;
  private readonly monthsFrom: string;
  private readonly solarHijriMonthsFrom: string;
  private readonly daysFrom: string;
  private readonly staleBefore: number;

  constructor(readonly now: Date) {
    this.tally = { computedAt: now, cases: {}, weeks: {}, registrations: {}, contact: {}, stale: {}, signatures: {}, signaturesByDay: {}, rsvps: {} };
    this.monthsFrom = monthKey(monthsWindowStart(now, STATS_MONTHS));
    this.solarHijriMonthsFrom = solarHijriMonthBefore(solarHijriMonthKey(now), STATS_MONTHS - 1);
    this.daysFrom = dayKey(daysWindowStart(now, STATS_DAYS));
    this.staleBefore = now.getTime() - STALE_AFTER_DAYS * DAY_MS;
  }

  addCase(c: { province: string; status: string; createdAt: Date; updatedAt: Date }): void {
    bump(this.tally.cases, c.province, c.status);
    const week = registrationWeek(c.createdAt);
    this.tally.weeks[week] = (this.tally.weeks[week] ?? 0) + 1;
    this.addMonths(this.tally.registrations, c.province, c.createdAt);
    if (c.status !== "closed" && c.updatedAt.getTime() < this.staleBefore) this.tally.stale[c.province] = (this.tally.stale[c.province] ?? 0) + 1;
  }

  addContactEstablished(province: string | undefined, at: Date): void {
    this.addMonths(this.tally.contact, province ?? NO_PROVINCE, at);
  }

  /** Counted under its Gregorian month and its Solar Hijri month, each within its own window. */
  private addMonths(table: Record<string, Counts>, province: string, at: Date): void {
    const month = monthKey(at);
    if (month >= this.monthsFrom) bump(table, province, month);
    const solarHijri = solarHijriMonthKey(at);
    if (solarHijri >= this.solarHijriMonthsFrom) bump(table, province, solarHijri);
  }

  addSignature(province: string | null | undefined, signedAt: Date): void {
    const key = province || NO_PROVINCE;
    this.tally.signatures[key] = (this.tally.signatures[key] ?? 0) + 1;
    const day = dayKey(signedAt);
    if (day >= this.daysFrom) bump(this.tally.signaturesByDay, key, day);
  }

  addRsvp(province: string | null | undefined, answer: string): void {
    bump(this.tally.rsvps, province || NO_PROVINCE, answer);
  }

  result(): StatisticsTally {
    return this.tally;
  }
}

function bump(table: Record<string, Counts>, outer: string, inner: string): void {
  const row = (table[outer] ??= {});
  row[inner] = (row[inner] ?? 0) + 1;
}

/** The cases a tally counted in some provinces (or "all"), of one status or of every status. */
export function casesCounted(tally: StatisticsTally, provinces: "all" | readonly string[], status?: string): number {
  let total = 0;
  for (const [province, row] of Object.entries(tally.cases)) {
    if (provinces !== "all" && !provinces.includes(province)) continue;
    for (const [rowStatus, n] of Object.entries(row)) if (status === undefined || rowStatus === status) total += n;
  }
  return total;
}

/**
 * What one reader sees of a tally: every province for "all", else the sum over their provinces
 * (counts without a province only in "all").
 */
export function snapshotOfTally(tally: StatisticsTally, scope: "all" | readonly string[], calendar: StatsCalendar = "gregorian"): StatisticsSnapshot {
  const inScope = (province: string) => scope === "all" || scope.includes(province);
  const sumOver = (table: Record<string, Counts>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const [province, row] of Object.entries(table)) {
      if (!inScope(province)) continue;
      for (const [key, n] of Object.entries(row)) out.set(key, (out.get(key) ?? 0) + n);
    }
    return out;
  };
  const perProvince = (table: Record<string, Counts> | Counts, total: (row: Counts | number) => number): Map<string, number> => {
    const out = new Map<string, number>();
    for (const [province, row] of Object.entries(table)) if (province !== NO_PROVINCE && inScope(province)) out.set(province, total(row));
    return out;
  };
  const rowTotal = (row: Counts | number) => (typeof row === "number" ? row : Object.values(row).reduce((a, b) => a + b, 0));
  const fillCalendarMonths = (counts: Map<string, number>) =>
    calendar === "solarHijri" ? fillSolarHijriMonths(tally.computedAt, STATS_MONTHS, counts) : fillMonths(tally.computedAt, STATS_MONTHS, counts);
  const byStatus = sumOver(tally.cases);
  const byProvince = perProvince(tally.cases, rowTotal);
  const signaturesByProvince = perProvince(tally.signatures, rowTotal);
  const rsvps = sumOver(tally.rsvps);
  const sumCounts = (c: Counts) => Object.entries(c).reduce((sum, [province, n]) => sum + (inScope(province) ? n : 0), 0);
  return {
    scope,
    asOf: tally.computedAt,
    totalCases: [...byStatus.values()].reduce((a, b) => a + b, 0),
    casesByProvince: largestFirst(byProvince),
    casesByStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<CaseStatus, number>,
    registrationsByMonth: fillCalendarMonths(sumOver(tally.registrations)),
    contactByMonth: fillCalendarMonths(sumOver(tally.contact)),
    staleCases: sumCounts(tally.stale),
    signaturesByDay: fillDays(tally.computedAt, STATS_DAYS, sumOver(tally.signaturesByDay)),
    signaturesByProvince: largestFirst(signaturesByProvince),
    totalSignatures: sumCounts(tally.signatures),
    rsvps: Object.fromEntries(RSVP_ANSWERS.map((a) => [a, rsvps.get(a) ?? 0])) as Record<RsvpAnswer, number>,
  };
}

/** "2026-03" as the reader writes it: Persian digits for fa. */
export function monthLabel(key: string, locale: string): string {
  return formatDigits(key.replace(/^sh:/, "").replace("-", "/"), locale);
}

/** "2026-03-14" as the reader writes it: Solar Hijri month/day in Persian digits for fa, else month/day. */
export function dayLabel(key: string, locale: string): string {
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  if (isPersianLocale(locale)) {
    const sh = toSolarHijri({ year, month, day });
    return formatDigits(`${sh.month}/${sh.day}`, locale);
  }
  return `${month}/${day}`;
}
