import type { RegistrationDraft, CompleteRegistration } from "./draft.js";
import { ABROAD, LOCATION_OTHER } from "./draft.js";

/** The questions of a registration, in the order they are asked. */
export const REGISTRATION_STEPS = [
  "relation",
  "fullName",
  "otherNames",
  "sex",
  "birthYear",
  "leftYear",
  "leftPlace",
  "location",
  "locationOther",
  "photo",
  "notes",
  "familyProvince",
  "familyCity",
  "familyCountry",
  "lastContactYear",
  "lastContactMethod",
  "contactPreference",
  "phone",
] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];

/** How the answer is given, which decides the keyboard the conversation shows. */
export type StepInput = "choice" | "text" | "year" | "photo" | "phone";

interface StepRule {
  input: StepInput;
  optional: boolean;
  /** Asked only when this holds for the answers so far. */
  appliesTo?: (draft: RegistrationDraft) => boolean;
  /** Whether the draft already holds an answer (a skip counts). */
  answered: (draft: RegistrationDraft) => boolean;
  /** Removes the answer, e.g. when an earlier answer makes this step not apply any more. */
  clear: (draft: RegistrationDraft) => RegistrationDraft;
}

const has = (key: keyof RegistrationDraft) => (draft: RegistrationDraft) => draft[key] !== undefined;
const without =
  (...keys: (keyof RegistrationDraft)[]) =>
  (draft: RegistrationDraft): RegistrationDraft => {
    const copy = { ...draft };
    for (const key of keys) delete copy[key];
    return copy;
  };

export const STEP_RULES: Readonly<Record<RegistrationStep, StepRule>> = {
  relation: { input: "choice", optional: false, answered: has("relation"), clear: without("relation") },
  fullName: { input: "text", optional: false, answered: has("fullName"), clear: without("fullName") },
  otherNames: { input: "text", optional: true, answered: has("otherNames"), clear: without("otherNames") },
  sex: { input: "choice", optional: false, answered: has("sex"), clear: without("sex") },
  birthYear: { input: "year", optional: true, answered: has("birthYear"), clear: without("birthYear") },
  leftYear: { input: "year", optional: true, answered: has("leftYear"), clear: without("leftYear") },
  leftPlace: { input: "text", optional: true, answered: has("leftPlace"), clear: without("leftPlace") },
  location: { input: "choice", optional: false, answered: has("location"), clear: without("location") },
  locationOther: {
    input: "text",
    optional: false,
    appliesTo: (d) => d.location === LOCATION_OTHER,
    answered: has("locationOther"),
    clear: without("locationOther"),
  },
  photo: { input: "photo", optional: true, answered: has("photoFileId"), clear: without("photoFileId") },
  notes: { input: "text", optional: true, answered: has("notes"), clear: without("notes") },
  familyProvince: { input: "choice", optional: false, answered: has("familyProvince"), clear: without("familyProvince") },
  familyCity: {
    input: "text",
    optional: true,
    appliesTo: (d) => d.familyProvince !== undefined && d.familyProvince !== ABROAD,
    answered: has("familyCity"),
    clear: without("familyCity"),
  },
  familyCountry: {
    input: "text",
    optional: false,
    appliesTo: (d) => d.familyProvince === ABROAD,
    answered: has("familyCountry"),
    clear: without("familyCountry"),
  },
  lastContactYear: { input: "year", optional: true, answered: has("lastContactYear"), clear: without("lastContactYear") },
  lastContactMethod: { input: "choice", optional: false, answered: has("lastContactMethod"), clear: without("lastContactMethod") },
  contactPreference: { input: "choice", optional: false, answered: has("contactPreference"), clear: without("contactPreference") },
  phone: {
    input: "phone",
    optional: false,
    appliesTo: (d) => d.contactPreference === "phone",
    answered: has("phone"),
    clear: without("phone"),
  },
};

export function stepApplies(step: RegistrationStep, draft: RegistrationDraft): boolean {
  return STEP_RULES[step].appliesTo?.(draft) ?? true;
}

/** The steps that apply to these answers, in order (what "step 3 of 12" counts). */
export function applicableSteps(draft: RegistrationDraft): RegistrationStep[] {
  return REGISTRATION_STEPS.filter((step) => stepApplies(step, draft));
}

/** The first applicable step without an answer, or null when the draft is complete. */
export function nextStep(draft: RegistrationDraft): RegistrationStep | null {
  return applicableSteps(draft).find((step) => !STEP_RULES[step].answered(draft)) ?? null;
}

/** The applicable step before this one (for Back), or null at the first step. */
export function previousStep(step: RegistrationStep, draft: RegistrationDraft): RegistrationStep | null {
  const steps = applicableSteps(draft);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1]! : null;
}

export function progress(step: RegistrationStep, draft: RegistrationDraft): { current: number; total: number } {
  const steps = applicableSteps(draft);
  return { current: steps.indexOf(step) + 1, total: steps.length };
}

/** Drops answers of steps that no longer apply (e.g. the country after choosing a province). */
export function pruneDraft(draft: RegistrationDraft): RegistrationDraft {
  let pruned = draft;
  for (const step of REGISTRATION_STEPS) {
    if (!stepApplies(step, pruned) && STEP_RULES[step].answered(pruned)) pruned = STEP_RULES[step].clear(pruned);
  }
  return pruned;
}

export function isComplete(draft: RegistrationDraft): draft is CompleteRegistration {
  return nextStep(draft) === null;
}
