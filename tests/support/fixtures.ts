import type { CompleteRegistration } from "../../src/domain/registration/draft.js";

/** A complete registration with only the required answers; tests override what their story needs. */
export function sampleRegistration(overrides: Partial<CompleteRegistration> & Pick<CompleteRegistration, "fullName" | "familyProvince">): CompleteRegistration {
  return {
    relation: "mother",
    otherNames: null,
    sex: "male",
    birthYear: 1960,
    leftYear: null,
    leftPlace: null,
    location: "unknown",
    photoFileId: null,
    notes: null,
    familyCity: null,
    lastContactYear: null,
    lastContactMethod: "none",
    contactPreference: "telegram",
    ...overrides,
  };
}
