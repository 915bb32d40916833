import { describe, expect, it } from "vitest";
import { caseSearchFilterSchema, filterKind, parseTypedSearch, presetRange } from "../../src/domain/caseSearchFilter.js";

describe("what a coordinator types after /find", () => {
  it("a reference in Persian digits is a reference; a name in any script is a name", () => {
    expect(parseTypedSearch("۱۲۳۴-۵۶۷۸-۶")).toEqual({ kind: "reference", reference: "1234-5678-6" });
    // A wrong check digit is no reference: searched as a name, which finds nobody.
    expect(parseTypedSearch("1234-5678-7").kind).toBe("name");
    expect(parseTypedSearch("عليرضا كاظمي")).toEqual({ kind: "name", name: "عليرضا كاظمي" });
  });

  it("a Solar Hijri range becomes Gregorian days; Gregorian stays; a day that does not exist is refused", () => {
    expect(parseTypedSearch("۱۴۰۳/۰۱/۰۱ تا ۱۴۰۳/۰۶/۳۱")).toEqual({ kind: "dates", from: "2024-03-20", to: "2024-09-21" });
    expect(parseTypedSearch("2024-03-20 - 2024-09-21")).toEqual({ kind: "dates", from: "2024-03-20", to: "2024-09-21" });
    expect(parseTypedSearch("1403/12/30 - 1404/01/01")).toEqual({ kind: "dates", from: "2025-03-20", to: "2025-03-21" }); // 1403 is a leap year
    expect(parseTypedSearch("1404/12/30 - 1405/01/01")).toEqual({ kind: "invalid", reason: "bad_date" }); // 1404 is not
    expect(parseTypedSearch("2024-09-21 - 2024-03-20")).toEqual({ kind: "invalid", reason: "bad_date" });
  });

  it("a name longer than 100 characters is refused before any query", () => {
    expect(parseTypedSearch("ک".repeat(10_000))).toEqual({ kind: "invalid", reason: "too_long" });
  });
});

describe("the filter schema", () => {
  it("refuses operator-shaped values, unknown fields and unknown provinces", () => {
    expect(caseSearchFilterSchema.safeParse({ name: { $gt: "" } }).success).toBe(false);
    expect(caseSearchFilterSchema.safeParse({ $where: "1" }).success).toBe(false);
    expect(caseSearchFilterSchema.safeParse({ province: "atlantis" }).success).toBe(false);
    expect(caseSearchFilterSchema.safeParse({ province: "ardabil", status: "registered" }).success).toBe(true);
  });

  it("the audit names the kind of filter, never its values", () => {
    expect(filterKind({ name: "Kazemi", province: "tehran" })).toBe("name+province");
    expect(filterKind({})).toBe("all");
  });
});

describe("date buttons", () => {
  const now = new Date("2026-11-28T10:00:00Z"); // 7 Azar 1405
  it("this year is the Solar Hijri year for its readers, the Gregorian one for others", () => {
    expect(presetRange("year", now, true)).toEqual({ from: "2026-03-21", to: "2026-11-28" });
    expect(presetRange("year", now, false)).toEqual({ from: "2026-01-01", to: "2026-11-28" });
    expect(presetRange("d30", now, true)).toEqual({ from: "2026-10-30", to: "2026-11-28" });
  });
});
