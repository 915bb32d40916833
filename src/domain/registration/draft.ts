import type { LastContactMethod, Relation, Sex } from "../relations.js";

/** Where the family lives: a province of Iran, or abroad. */
export const ABROAD = "abroad";
/** Believed-location answers that are not in the coordinators' list. */
export const LOCATION_OTHER = "other";
export const LOCATION_UNKNOWN = "unknown";

export const CONTACT_PREFERENCES = ["telegram", "phone"] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/**
 * The answers of one registration, as the conversation collects them. `null` means the family
 * skipped an optional question; `undefined` means it was not asked yet. Years are Gregorian.
 */
export interface RegistrationDraft {
  relation?: Relation;
  fullName?: string;
  otherNames?: string | null;
  sex?: Sex;
  birthYear?: number | null;
  leftYear?: number | null;
  leftPlace?: string | null;
  location?: string;
  locationOther?: string;
  photoFileId?: string | null;
  notes?: string | null;
  familyProvince?: string;
  familyCity?: string | null;
  familyCountry?: string;
  lastContactYear?: number | null;
  lastContactMethod?: LastContactMethod;
  contactPreference?: ContactPreference;
  phone?: string;
}

/** A draft with every required answer: what the case service stores. */
export type CompleteRegistration = RegistrationDraft & {
  relation: Relation;
  fullName: string;
  sex: Sex;
  location: string;
  familyProvince: string;
  lastContactMethod: LastContactMethod;
  contactPreference: ContactPreference;
};
