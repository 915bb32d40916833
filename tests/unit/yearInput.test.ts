import { describe, it, expect } from "vitest";
import { formatDate, formatYear, parseYear, type YearParse } from "../../src/domain/yearInput.js";

const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));

describe("parseYear: four-digit years need no question", () => {
  it.each<[string, YearParse]>([
    ["1381", { kind: "ok", calendar: "solarHijri", gregorian: 2002, solarHijri: 1381 }],
    ["۱۳۸۱", { kind: "ok", calendar: "solarHijri", gregorian: 2002, solarHijri: 1381 }],
    ["١٣٨١", { kind: "ok", calendar: "solarHijri", gregorian: 2002, solarHijri: 1381 }],
    [" \u200f۱۳۶۰\u200e ", { kind: "ok", calendar: "solarHijri", gregorian: 1981, solarHijri: 1360 }],
    ["1280", { kind: "ok", calendar: "solarHijri", gregorian: 1901, solarHijri: 1280 }],
    ["1405", { kind: "ok", calendar: "solarHijri", gregorian: 2026, solarHijri: 1405 }],
    ["2002", { kind: "ok", calendar: "gregorian", gregorian: 2002, solarHijri: 1381 }],
    ["۲۰۰۲", { kind: "ok", calendar: "gregorian", gregorian: 2002, solarHijri: 1381 }],
    ["1981", { kind: "ok", calendar: "gregorian", gregorian: 1981, solarHijri: 1360 }],
    ["1900", { kind: "ok", calendar: "gregorian", gregorian: 1900, solarHijri: 1279 }],
    ["2026", { kind: "ok", calendar: "gregorian", gregorian: 2026, solarHijri: 1405 }],
  ])("%j → %j", (input, expected) => {
    expect(parseYear(input, { now })).toEqual(expected);
  });
});

describe("parseYear: two-digit years", () => {
  it("a mother typing «۶۰» is asked whether she means 1360 or 1960", () => {
    expect(parseYear("۶۰", { now })).toEqual({
      kind: "ambiguous",
      asSolarHijri: { gregorian: 1981, solarHijri: 1360 },
      asGregorian: { gregorian: 1960, solarHijri: 1339 },
    });
  });

  it.each<[string, YearParse]>([
    [
      "81",
      {
        kind: "ambiguous",
        asSolarHijri: { gregorian: 2002, solarHijri: 1381 },
        asGregorian: { gregorian: 1981, solarHijri: 1360 },
      },
    ],
    [
      "02",
      {
        kind: "ambiguous",
        asSolarHijri: { gregorian: 2023, solarHijri: 1402 },
        asGregorian: { gregorian: 2002, solarHijri: 1381 },
      },
    ],
    [
      "99",
      {
        kind: "ambiguous",
        asSolarHijri: { gregorian: 2020, solarHijri: 1399 },
        asGregorian: { gregorian: 1999, solarHijri: 1378 },
      },
    ],
  ])("%j → %j", (input, expected) => {
    expect(parseYear(input, { now })).toEqual(expected);
  });

  it.each<[string, { min?: number; max?: number }, YearParse]>([
    // 1960 is before min and 2060 after max: only 1360 (1981) remains.
    ["60", { min: 1970 }, { kind: "ok", calendar: "solarHijri", gregorian: 1981, solarHijri: 1360 }],
    ["10", { min: 1950 }, { kind: "ok", calendar: "gregorian", gregorian: 2010, solarHijri: 1389 }],
    ["75", { min: 1990 }, { kind: "ok", calendar: "solarHijri", gregorian: 1996, solarHijri: 1375 }],
    ["75", { min: 1998 }, { kind: "invalid", reason: "out_of_range" }],
    ["60", { max: 1975 }, { kind: "ok", calendar: "gregorian", gregorian: 1960, solarHijri: 1339 }],
  ])("%j with %j → %j", (input, range, expected) => {
    expect(parseYear(input, { now, ...range })).toEqual(expected);
  });
});

describe("parseYear: refused input", () => {
  it.each<[string, YearParse]>([
    ["", { kind: "invalid", reason: "not_a_number" }],
    ["   ", { kind: "invalid", reason: "not_a_number" }],
    ["hello", { kind: "invalid", reason: "not_a_number" }],
    ["۱۳۸۱ش", { kind: "invalid", reason: "not_a_number" }],
    ["-1381", { kind: "invalid", reason: "not_a_number" }],
    ["13.81", { kind: "invalid", reason: "not_a_number" }],
    ["1406", { kind: "invalid", reason: "out_of_range" }],
    ["2027", { kind: "invalid", reason: "out_of_range" }],
    ["1899", { kind: "invalid", reason: "out_of_range" }],
    ["1278", { kind: "invalid", reason: "out_of_range" }],
    ["1600", { kind: "invalid", reason: "out_of_range" }],
    ["5", { kind: "invalid", reason: "out_of_range" }],
    ["981", { kind: "invalid", reason: "out_of_range" }],
    ["13810", { kind: "invalid", reason: "out_of_range" }],
  ])("%j → %j", (input, expected) => {
    expect(parseYear(input, { now })).toEqual(expected);
  });

  it("the upper bound follows the injected clock", () => {
    const early = new Date(Date.UTC(2010, 0, 1));
    expect(parseYear("2011", { now: early })).toEqual({ kind: "invalid", reason: "out_of_range" });
    expect(parseYear("1389", { now: early })).toEqual({ kind: "ok", calendar: "solarHijri", gregorian: 2010, solarHijri: 1389 });
  });
});

describe("formatYear", () => {
  it.each([
    [2002, "fa", "۱۳۸۱"],
    [1981, "fa", "۱۳۶۰"],
    [2002, "fa-IR", "۱۳۸۱"],
    [2002, "en", "2002"],
    [2002, "sq", "2002"],
    [2002, "de", "2002"],
  ] as const)("%d in %s → %s", (year, locale, expected) => {
    expect(formatYear(year, locale)).toBe(expected);
  });

  it("a mother in Ardabil registers her son with a Solar Hijri year and sees it back in Persian digits", () => {
    const parsed = parseYear("۱۳۸۱", { now });
    expect(parsed.kind).toBe("ok");
    if (parsed.kind === "ok") expect(formatYear(parsed.gregorian, "fa")).toBe("۱۳۸۱");
  });
});

describe("formatDate", () => {
  const day = (y: number, m: number, d: number, h = 12): Date => new Date(Date.UTC(y, m - 1, d, h));

  it.each<[Date, string, string]>([
    [day(2026, 11, 27), "fa", "۶ آذر ۱۴۰۵"],
    [day(2026, 11, 26), "fa", "۵ آذر ۱۴۰۵"],
    [day(2026, 11, 27), "en", "27 Nov 2026"],
    [day(2026, 11, 27), "sq", "27 nën 2026"],
    [day(2026, 11, 27), "ru", "27 Nov 2026"],
    [day(2025, 3, 21), "fa", "۱ فروردین ۱۴۰۴"],
    [day(2025, 3, 20), "fa", "۳۰ اسفند ۱۴۰۳"],
    [day(1979, 1, 31), "fa", "۱۱ بهمن ۱۳۵۷"],
    [day(2002, 3, 21), "sq", "21 mar 2002"],
    [day(2024, 2, 29), "en", "29 Feb 2024"],
  ])("%o in %s → %s", (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });

  it("takes the calendar day at the reader's UTC offset", () => {
    const lateEveningUtc = new Date(Date.UTC(2026, 10, 26, 21, 0));
    expect(formatDate(lateEveningUtc, "fa")).toBe("۵ آذر ۱۴۰۵");
    expect(formatDate(lateEveningUtc, "fa", { utcOffsetMinutes: 210 })).toBe("۶ آذر ۱۴۰۵");
    expect(formatDate(lateEveningUtc, "en", { utcOffsetMinutes: 210 })).toBe("27 Nov 2026");
  });

  it("agrees with ICU on every month of several years, in all three locales", () => {
    const icu = {
      fa: new Intl.DateTimeFormat("fa-u-ca-persian", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
      sq: new Intl.DateTimeFormat("sq", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
    };
    const mismatches: string[] = [];
    for (let t = Date.UTC(1978, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000 * 11) {
      const date = new Date(t);
      for (const locale of ["fa", "en", "sq"] as const) {
        const ours = formatDate(date, locale);
        // en-GB writes "Sept"; we keep three letters for every month.
        const theirs = icu[locale].format(date).replace("Sept", "Sep");
        if (ours !== theirs) mismatches.push(`${locale} ${date.toISOString()}: ${ours} ≠ ${theirs}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
