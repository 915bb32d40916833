// Milestones are signature counts a coordinator announces to signers ("1,000 / 5,000 / 10,000").

import { normalizeDigits, stripInvisibleMarks } from "../digits.js";

export const MAX_MILESTONES = 10;
export const MAX_SIGNATURE_COUNT = 10_000_000;

export type MilestoneParse = { ok: true; value: number[] } | { ok: false; error: "not-a-number" | "too-many" | "out-of-range" };

/** A signature count typed in any digit script, with or without thousands separators ("1,000", "۱۰٬۰۰۰"). */
export function parseCount(raw: string): number | null {
  const token = normalizeDigits(stripInvisibleMarks(raw)).trim();
  const plain = /^[0-9]{1,3}([,.'\s][0-9]{3})+$/.test(token) ? token.replace(/[,.'\s]/g, "") : token;
  if (!/^[0-9]+$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * "1000, 5000, 10000", "۱۰۰۰ ۵۰۰۰" or "1,000 / 5,000": sorted, without duplicates. A comma
 * followed by exactly three digits is a thousands separator; otherwise it separates numbers.
 */
export function parseMilestones(raw: string): MilestoneParse {
  const text = normalizeDigits(stripInvisibleMarks(raw)).replace(/[٬]/g, ",").trim();
  const tokens = text.split(/[\s،;/|]+/).filter(Boolean);
  const values: number[] = [];
  for (const token of tokens) {
    const parts = /^[0-9]{1,3}(,[0-9]{3})+$/.test(token) ? [token] : token.split(",").filter(Boolean);
    for (const part of parts) {
      const value = parseCount(part);
      if (value === null) return { ok: false, error: "not-a-number" };
      if (value < 1 || value > MAX_SIGNATURE_COUNT) return { ok: false, error: "out-of-range" };
      values.push(value);
    }
  }
  if (values.length === 0) return { ok: false, error: "not-a-number" };
  const unique = [...new Set(values)].sort((a, b) => a - b);
  if (unique.length > MAX_MILESTONES) return { ok: false, error: "too-many" };
  return { ok: true, value: unique };
}

/** Milestones a count has reached (count ≥ milestone), smallest first. */
export function reachedMilestones(milestones: readonly number[], count: number): number[] {
  return milestones.filter((m) => count >= m).sort((a, b) => a - b);
}

/** Milestones reached by `count` and not yet recorded as reached. */
export function newlyReachedMilestones(milestones: readonly number[], count: number, alreadyReached: Iterable<number>): number[] {
  const known = new Set(alreadyReached);
  return reachedMilestones(milestones, count).filter((m) => !known.has(m));
}

/** The next milestone above the count, if any. */
export function nextMilestone(milestones: readonly number[], count: number): number | undefined {
  return [...milestones].sort((a, b) => a - b).find((m) => m > count);
}
