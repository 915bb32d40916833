import { randomInt } from "node:crypto";
import { describe, it, expect, vi } from "vitest";
import { cryptoRandomInt } from "../../src/clock.js";
import { dammCheckDigit, generateCaseReference, parseCaseReference, type UniformRandomInt } from "../../src/domain/caseReference.js";

vi.mock("node:crypto", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:crypto")>();
  return { ...original, randomInt: vi.fn(original.randomInt) };
});

/** A deterministic source standing in for node:crypto's randomInt: it draws the given eight digits. */
function digitsSource(digits: string): UniformRandomInt {
  return (max) => {
    expect(max).toBe(100_000_000);
    return Number(digits);
  };
}

describe("dammCheckDigit", () => {
  it.each([
    ["572", 4],
    ["5724", 0],
    // 0→3→5→4→0→9→6→1→6 through the table, by hand.
    ["12345678", 6],
    ["00000000", 0],
  ])("%s → %d", (digits, check) => {
    expect(dammCheckDigit(digits)).toBe(check);
  });
});

describe("generateCaseReference", () => {
  it.each([
    ["12345678", "1234-5678-6"],
    ["00000000", "0000-0000-0"],
    ["99999999", "9999-9999-" + String(dammCheckDigit("99999999"))],
  ])("digits %s → %s", (digits, reference) => {
    expect(generateCaseReference(digitsSource(digits))).toBe(reference);
  });

  it("refuses a broken source instead of making a biased or malformed reference", () => {
    for (const broken of [-1, 100_000_000, 0.5, Number.NaN]) expect(() => generateCaseReference(() => broken)).toThrow(RangeError);
  });

  it("always produces a reference that parses back to itself", () => {
    for (let i = 0; i < 500; i += 1) {
      const reference = generateCaseReference(cryptoRandomInt);
      expect(reference).toMatch(/^\d{4}-\d{4}-\d$/);
      expect(parseCaseReference(reference)).toBe(reference);
    }
  });
});

describe("the production source of references", () => {
  it("is node:crypto's randomInt, not Math.random", () => {
    const mathRandom = vi.spyOn(Math, "random");
    vi.mocked(randomInt).mockClear();
    const references = new Set(Array.from({ length: 200 }, () => generateCaseReference(cryptoRandomInt)));
    expect(vi.mocked(randomInt)).toHaveBeenCalledTimes(200);
    expect(vi.mocked(randomInt)).toHaveBeenCalledWith(100_000_000);
    expect(mathRandom).not.toHaveBeenCalled();
    expect(references.size).toBeGreaterThan(1);
    mathRandom.mockRestore();
  });
});

describe("parseCaseReference", () => {
  it.each([
    ["1234-5678-6", "1234-5678-6"],
    ["123456786", "1234-5678-6"],
    ["1234 5678 6", "1234-5678-6"],
    ["  1234–5678–6  ", "1234-5678-6"],
    ["۱۲۳۴-۵۶۷۸-۶", "1234-5678-6"],
    ["۱۲۳۴۵۶۷۸۶", "1234-5678-6"],
    ["١٢٣٤ ٥٦٧٨ ٦", "1234-5678-6"],
    ["\u200f۱۲۳۴-۵۶۷۸-۶\u200e", "1234-5678-6"],
    ["1234.5678.6", "1234-5678-6"],
  ])("%j → %s", (input, canonical) => {
    expect(parseCaseReference(input)).toBe(canonical);
  });

  it.each(["1234-5678-5", "1234-5678-4", "1234-5678", "12345678", "1234-5678-66", "", "abcd-efgh-i", "1234-5678-6x", "+123456786", "1234/5678/6x"])(
    "%j is refused",
    (input) => {
      expect(parseCaseReference(input)).toBeNull();
    },
  );

  const SAMPLES = ["1234-5678-6", generateCaseReference(digitsSource("30719254")), generateCaseReference(digitsSource("88006615"))];

  it.each(SAMPLES)("rejects every single-digit error of %s", (reference) => {
    const digits = reference.replace(/-/g, "");
    let tried = 0;
    for (let position = 0; position < digits.length; position += 1) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === digits[position]) continue;
        const wrong = digits.slice(0, position) + String(d) + digits.slice(position + 1);
        expect(parseCaseReference(wrong), wrong).toBeNull();
        tried += 1;
      }
    }
    expect(tried).toBe(81);
  });

  it.each(SAMPLES)("rejects every swap of two different neighbouring digits of %s", (reference) => {
    const digits = reference.replace(/-/g, "");
    for (let position = 0; position + 1 < digits.length; position += 1) {
      if (digits[position] === digits[position + 1]) continue;
      const swapped =
        digits.slice(0, position) + (digits[position + 1] ?? "") + (digits[position] ?? "") + digits.slice(position + 2);
      expect(parseCaseReference(swapped), swapped).toBeNull();
    }
  });
});
