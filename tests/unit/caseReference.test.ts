import { describe, it, expect } from "vitest";
import { dammCheckDigit, generateCaseReference, parseCaseReference } from "../../src/domain/caseReference.js";

/** A deterministic random source that yields the given digits. */
function digitsSource(digits: string): () => number {
  let i = 0;
  return () => Number(digits[i++ % digits.length]) / 10 + 0.05;
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

  it("stays in range when the source returns its extremes", () => {
    expect(generateCaseReference(() => 0)).toBe("0000-0000-0");
    expect(generateCaseReference(() => 0.9999999)).toMatch(/^9999-9999-\d$/);
  });

  it("always produces a reference that parses back to itself", () => {
    let seed = 42;
    const lcg = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 500; i += 1) {
      const reference = generateCaseReference(lcg);
      expect(reference).toMatch(/^\d{4}-\d{4}-\d$/);
      expect(parseCaseReference(reference)).toBe(reference);
    }
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
