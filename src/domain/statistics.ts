import type { CaseStatus } from "./caseStatus.js";
import type { RsvpAnswer } from "./events.js";

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
