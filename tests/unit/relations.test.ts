import { describe, it, expect } from "vitest";
import {
  LAST_CONTACT_METHODS,
  RELATIONS,
  SEXES,
  isLastContactMethod,
  isRelation,
  isSex,
} from "../../src/domain/relations.js";

describe("relations vocabulary", () => {
  it("has the agreed codes", () => {
    expect(RELATIONS).toEqual(["mother", "father", "sister", "brother", "spouse", "child", "other"]);
    expect(SEXES).toEqual(["female", "male"]);
    expect(LAST_CONTACT_METHODS).toEqual(["phone", "letter", "visit", "message", "none", "other"]);
  });

  it.each([
    [isRelation, "mother", true],
    [isRelation, "spouse", true],
    [isRelation, "cousin", false],
    [isRelation, "Mother", false],
    [isSex, "female", true],
    [isSex, "other", false],
    [isLastContactMethod, "letter", true],
    [isLastContactMethod, "email", false],
    [isLastContactMethod, "", false],
  ] as const)("%o(%j) = %s", (guard, value, result) => {
    expect(guard(value)).toBe(result);
  });
});
