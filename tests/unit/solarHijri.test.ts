import { describe, it, expect } from "vitest";
import {
  gregorianYearToSolarHijri,
  isLeapSolarHijriYear,
  isValidSolarHijriDate,
  solarHijriMonthLength,
  solarHijriYearToGregorian,
  toGregorian,
  toSolarHijri,
  type CalendarDate,
} from "../../src/domain/solarHijri.js";

const icuPersian = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  year: "numeric",
  month: "numeric",
  day: "numeric",
  timeZone: "UTC",
});

/** Independent check: Node's ICU Persian calendar. */
function icuSolarHijri(g: CalendarDate): CalendarDate {
  const parts = icuPersian.formatToParts(new Date(Date.UTC(g.year, g.month - 1, g.day)));
  const get = (type: string): number => Number((parts.find((p) => p.type === type)?.value ?? "").replace(/\D/g, ""));
  return { year: get("year"), month: get("month"), day: get("day") };
}

const KNOWN_DATES: Array<[string, CalendarDate, CalendarDate]> = [
  ["1 Farvardin 1403 (Nowruz 2024)", { year: 1403, month: 1, day: 1 }, { year: 2024, month: 3, day: 20 }],
  ["1 Farvardin 1404 (Nowruz 2025)", { year: 1404, month: 1, day: 1 }, { year: 2025, month: 3, day: 21 }],
  ["1 Farvardin 1381", { year: 1381, month: 1, day: 1 }, { year: 2002, month: 3, day: 21 }],
  ["1 Farvardin 1360", { year: 1360, month: 1, day: 1 }, { year: 1981, month: 3, day: 21 }],
  ["11 Bahman 1357", { year: 1357, month: 11, day: 11 }, { year: 1979, month: 1, day: 31 }],
  ["30 Esfand 1403 (leap day)", { year: 1403, month: 12, day: 30 }, { year: 2025, month: 3, day: 20 }],
  ["29 Esfand 1402", { year: 1402, month: 12, day: 29 }, { year: 2024, month: 3, day: 19 }],
  ["10 Dey 1380", { year: 1380, month: 10, day: 10 }, { year: 2001, month: 12, day: 31 }],
  ["11 Dey 1380", { year: 1380, month: 10, day: 11 }, { year: 2002, month: 1, day: 1 }],
  ["5 Azar 1405", { year: 1405, month: 9, day: 5 }, { year: 2026, month: 11, day: 26 }],
];

describe("known dates", () => {
  it.each(KNOWN_DATES)("%s = %j", (_label, sh, g) => {
    expect(toGregorian(sh)).toEqual(g);
    expect(toSolarHijri(g)).toEqual(sh);
    expect(icuSolarHijri(g)).toEqual(sh);
  });
});

describe("leap years and month lengths", () => {
  it.each([
    [1399, true],
    [1400, false],
    [1401, false],
    [1402, false],
    [1403, true],
    [1404, false],
    [1375, true],
    [1379, true],
    [1383, true],
    [1387, true],
    [1391, true],
    [1395, true],
    [1380, false],
  ])("%d leap: %s", (year, leap) => {
    expect(isLeapSolarHijriYear(year)).toBe(leap);
    expect(solarHijriMonthLength(year, 12)).toBe(leap ? 30 : 29);
  });

  it.each([
    [1, 31],
    [6, 31],
    [7, 30],
    [11, 30],
  ])("month %d has %d days", (month, days) => {
    expect(solarHijriMonthLength(1402, month)).toBe(days);
  });

  it("every year from 1300 to 1450 has 365 or 366 days, matching the Gregorian gap between Nowruz dates", () => {
    for (let year = 1300; year <= 1450; year += 1) {
      let days = 0;
      for (let month = 1; month <= 12; month += 1) days += solarHijriMonthLength(year, month);
      const start = toGregorian({ year, month: 1, day: 1 });
      const next = toGregorian({ year: year + 1, month: 1, day: 1 });
      const gap = (Date.UTC(next.year, next.month - 1, next.day) - Date.UTC(start.year, start.month - 1, start.day)) / 86_400_000;
      expect(days).toBe(gap);
      expect(days).toBe(isLeapSolarHijriYear(year) ? 366 : 365);
    }
  });
});

describe("round trips", () => {
  it("every day from 1900 to 2100 converts to Solar Hijri and back, agreeing with ICU", () => {
    const failures: string[] = [];
    let checked = 0;
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const g = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const sh = toSolarHijri(g);
      const back = toGregorian(sh);
      if (back.year !== g.year || back.month !== g.month || back.day !== g.day) failures.push(`round trip ${d.toISOString()}`);
      // ICU is slower: sample every 7th day.
      if (checked % 7 === 0) {
        const icu = icuSolarHijri(g);
        if (icu.year !== sh.year || icu.month !== sh.month || icu.day !== sh.day) failures.push(`ICU ${d.toISOString()}`);
      }
      checked += 1;
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(73_049);
  });
});

describe("invalid dates", () => {
  it.each([
    { year: 1402, month: 12, day: 30 },
    { year: 1402, month: 13, day: 1 },
    { year: 1402, month: 7, day: 31 },
    { year: 1402, month: 0, day: 1 },
    { year: 1402, month: 1, day: 0 },
    { year: 1402.5, month: 1, day: 1 },
  ])("toGregorian refuses %j", (sh) => {
    expect(isValidSolarHijriDate(sh)).toBe(false);
    expect(() => toGregorian(sh)).toThrow(RangeError);
  });

  it.each([
    { year: 2023, month: 2, day: 29 },
    { year: 2024, month: 4, day: 31 },
    { year: 2024, month: 13, day: 1 },
  ])("toSolarHijri refuses %j", (g) => {
    expect(() => toSolarHijri(g)).toThrow(RangeError);
  });

  it("accepts 29 February in a Gregorian leap year", () => {
    expect(toSolarHijri({ year: 2024, month: 2, day: 29 })).toEqual({ year: 1402, month: 12, day: 10 });
  });
});

describe("year mapping", () => {
  it.each([
    [1381, 2002],
    [1360, 1981],
    [1357, 1978],
    [1403, 2024],
  ])("Solar Hijri %d starts in Gregorian %d", (sh, g) => {
    expect(solarHijriYearToGregorian(sh)).toBe(g);
    expect(gregorianYearToSolarHijri(g)).toBe(sh);
    expect(toGregorian({ year: sh, month: 1, day: 1 }).year).toBe(g);
  });
});
