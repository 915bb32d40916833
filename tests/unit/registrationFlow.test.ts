import { describe, expect, it } from "vitest";
import { parseFreeText, parseFullName, parsePhone, parseYearAnswer } from "../../src/domain/registration/answers.js";
import type { RegistrationDraft } from "../../src/domain/registration/draft.js";
import { applicableSteps, isComplete, nextStep, previousStep, progress, pruneDraft } from "../../src/domain/registration/steps.js";
import { sampleRegistration } from "../support/fixtures.js";

const now = new Date("2026-11-27T12:00:00Z");

describe("registration steps", () => {
  it("start with the relation and count only the steps that apply", () => {
    expect(nextStep({})).toBe("relation");
    expect(applicableSteps({})).not.toContain("familyCountry");
    expect(applicableSteps({ familyProvince: "abroad" })).toContain("familyCountry");
    expect(applicableSteps({ familyProvince: "abroad" })).not.toContain("familyCity");
    expect(applicableSteps({ location: "other" })).toContain("locationOther");
    expect(applicableSteps({ contactPreference: "phone" })).toContain("phone");
    expect(progress("relation", {})).toEqual({ current: 1, total: 14 });
    expect(progress("familyCity", { familyProvince: "tehran" })).toEqual({ current: 12, total: 15 });
  });

  it("treat a skipped optional answer as answered", () => {
    const draft: RegistrationDraft = { relation: "mother", fullName: "Amir Karimi", otherNames: null };
    expect(nextStep(draft)).toBe("sex");
    expect(previousStep("sex", draft)).toBe("otherNames");
    expect(previousStep("relation", draft)).toBeNull();
  });

  it("forget answers that no longer apply", () => {
    const draft: RegistrationDraft = { familyProvince: "ardabil", familyCity: "Meshkin" };
    expect(pruneDraft({ ...draft, familyProvince: "abroad" })).toEqual({ familyProvince: "abroad" });
    expect(pruneDraft({ location: "camp", locationOther: "x" })).toEqual({ location: "camp" });
  });

  it("is complete when every required answer is there", () => {
    const complete: RegistrationDraft = sampleRegistration({ fullName: "Amir Karimi", familyProvince: "ardabil", birthYear: 1965, lastContactMethod: "letter" });
    expect(isComplete(complete)).toBe(true);
    expect(isComplete({ ...complete, contactPreference: "phone" })).toBe(false);
  });
});

describe("answers", () => {
  it("clean names and explain what is wrong", () => {
    expect(parseFullName("  امیر   حسن‌زاده ")).toEqual({ ok: true, value: "امیر حسن‌زاده" });
    expect(parseFullName("   ")).toEqual({ ok: false, error: "name-empty" });
    expect(parseFullName("12345")).toEqual({ ok: false, error: "name-no-letters" });
    expect(parseFullName("a".repeat(81))).toEqual({ ok: false, error: "name-too-long" });
    expect(parseFullName('{"$gt": ""}')).toMatchObject({ ok: true }); // just text, never a query
  });

  it("strip control and bidi override characters from free text and limit its length", () => {
    expect(parseFreeText("Durrës\u202e evil\u0007", 100)).toEqual({ ok: true, value: "Durrës evil" });
    expect(parseFreeText("line one\n\n\n\nline two", 100, { multiline: true })).toEqual({ ok: true, value: "line one\n\nline two" });
    expect(parseFreeText("x".repeat(101), 100)).toEqual({ ok: false, error: "text-too-long", limit: 100 });
  });

  it("accept years in Persian digits and either calendar", () => {
    expect(parseYearAnswer("۱۳۸۱", "leftYear", {}, now)).toEqual({ ok: true, value: { gregorian: 2002, solarHijri: 1381 } });
    expect(parseYearAnswer("2002", "leftYear", {}, now)).toEqual({ ok: true, value: { gregorian: 2002, solarHijri: 1381 } });
    expect(parseYearAnswer("٦٠", "birthYear", {}, now)).toMatchObject({ ok: "ambiguous", asSolarHijri: { gregorian: 1981 }, asGregorian: { gregorian: 1960 } });
    expect(parseYearAnswer("soon", "birthYear", {}, now)).toEqual({ ok: false, error: "year-not-a-number" });
    expect(parseYearAnswer("2031", "birthYear", {}, now)).toEqual({ ok: false, error: "year-out-of-range" });
  });

  it("refuse a year of leaving before the year of birth, and settle an ambiguity that only one reading survives", () => {
    expect(parseYearAnswer("1350", "leftYear", { birthYear: 1975 }, now)).toEqual({ ok: false, error: "year-before-birth" });
    // "60" could be 1360 (1981) or 1960; born in 1965, only 1981 is possible.
    expect(parseYearAnswer("60", "leftYear", { birthYear: 1965 }, now)).toEqual({ ok: true, value: { gregorian: 1981, solarHijri: 1360 } });
  });

  it("accept phone numbers in any digit script", () => {
    expect(parsePhone("+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷")).toEqual({ ok: true, value: "+989121234567" });
    expect(parsePhone("call me")).toEqual({ ok: false, error: "phone-invalid" });
  });
});
