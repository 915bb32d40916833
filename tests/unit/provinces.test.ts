import { describe, it, expect } from "vitest";
import { isProvinceCode, listProvinces, provinceName } from "../../src/domain/provinces.js";

describe("provinces", () => {
  it("lists exactly 31 provinces with unique, stable-looking codes", () => {
    const codes = listProvinces().map((p) => p.code);
    expect(codes).toHaveLength(31);
    expect(new Set(codes).size).toBe(31);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it("has a name in every locale, Persian ones in Persian script, all unique per locale", () => {
    for (const locale of ["fa", "en", "sq"] as const) {
      const names = listProvinces().map((p) => p.names[locale]);
      for (const name of names) expect(name.trim().length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(31);
    }
    for (const p of listProvinces()) expect(p.names.fa).toMatch(/^[\u0600-\u06ff\s]+$/);
  });

  it.each([
    ["tehran", "fa", "تهران"],
    ["tehran", "en", "Tehran"],
    ["tehran", "sq", "Teheran"],
    ["ardabil", "fa-IR", "اردبیل"],
    ["east_azerbaijan", "fa", "آذربایجان شرقی"],
    ["east_azerbaijan", "en", "East Azerbaijan"],
    ["east_azerbaijan", "sq", "Azerbajxhani Lindor"],
    ["khorasan_razavi", "en", "Razavi Khorasan"],
    ["sistan_baluchestan", "fa", "سیستان و بلوچستان"],
    ["kohgiluyeh_boyer_ahmad", "en", "Kohgiluyeh and Boyer-Ahmad"],
    ["zanjan", "de", "Zanjan"],
    ["no_such_province", "fa", "no_such_province"],
  ])("%s in %s → %s", (code, locale, name) => {
    expect(provinceName(code, locale)).toBe(name);
  });

  it.each([
    ["tehran", true],
    ["ardabil", true],
    ["khorasan_razavi", true],
    ["west_azerbaijan", true],
    ["Tehran", false],
    ["", false],
    ["albania", false],
  ])("isProvinceCode(%j) = %s", (s, result) => {
    expect(isProvinceCode(s)).toBe(result);
  });
});
