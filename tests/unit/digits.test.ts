import { describe, it, expect } from "vitest";
import { formatDigits, normalizeDigits, parseInteger, stripInvisibleMarks } from "../../src/domain/digits.js";

describe("normalizeDigits", () => {
  it.each([
    ["۰۱۲۳۴۵۶۷۸۹", "0123456789"],
    ["٠١٢٣٤٥٦٧٨٩", "0123456789"],
    ["0123456789", "0123456789"],
    ["۱۳۸۱", "1381"],
    ["١٣٨١", "1381"],
    ["۱3٨1", "1381"],
    ["۳٫۵", "3.5"],
    ["۱۲٬۵۰۰", "12,500"],
    ["سال ۱۳۶۰", "سال 1360"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeDigits(input)).toBe(expected);
  });
});

describe("stripInvisibleMarks", () => {
  it("removes LRM, RLM, ZWNJ, ALM and bidi isolates", () => {
    expect(stripInvisibleMarks("\u200e۱۳۸۱\u200f\u200c\u061c\u2067x\u2069")).toBe("۱۳۸۱x");
  });
});

describe("formatDigits", () => {
  it.each([
    ["1381", "fa", "۱۳۸۱"],
    [1381, "fa", "۱۳۸۱"],
    [1381, "fa-IR", "۱۳۸۱"],
    ["case 0042", "fa", "case ۰۰۴۲"],
    [2002, "en", "2002"],
    [2002, "sq", "2002"],
    ["۲۰۰۲", "en", "2002"],
    [0, "fa", "۰"],
  ] as const)("%s in %s → %s", (input, locale, expected) => {
    expect(formatDigits(input, locale)).toBe(expected);
  });
});

describe("parseInteger", () => {
  it.each([
    ["1381", 1381],
    ["۱۳۸۱", 1381],
    ["١٣٨١", 1381],
    ["  ۱۳۸۱  ", 1381],
    ["\u200f۱۳۸۱\u200e", 1381],
    ["۱۳\u200c۸۱", 1381],
    ["007", 7],
    ["0", 0],
  ])("%j → %d", (input, expected) => {
    expect(parseInteger(input)).toBe(expected);
  });

  it.each(["", "   ", "-5", "+5", "12a", "1 381", "12,500", "۳٫۵", "1e3", "0x10", "۱۳۸۱ش", "99999999999999999999"])(
    "%j is not an integer",
    (input) => {
      expect(parseInteger(input)).toBeNull();
    },
  );
});
