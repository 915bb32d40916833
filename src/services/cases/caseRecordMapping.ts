import type { CaseLinkRecord } from "../../db/models/caseLink.js";
import type { CaseRecord } from "../../db/models/case.js";
import type { CompleteRegistration, RegistrationDraft } from "../../domain/registration/draft.js";
import { duplicateSearchKeys, nameSearchKeys } from "../../domain/personName.js";
import type { LastContactMethod, Relation, Sex } from "../../domain/relations.js";
import type { FieldCipher } from "../../security/fieldCipher.js";

/** Relative's fields of a registration, encrypted where they are free text or identifying. */
export function relativeFields(draft: CompleteRegistration, cipher: FieldCipher): CaseRecord["relative"] {
  return {
    fullNameEnc: cipher.encrypt(draft.fullName),
    otherNamesEnc: cipher.encryptOptional(draft.otherNames),
    sex: draft.sex,
    birthYear: draft.birthYear ?? undefined,
    leftYear: draft.leftYear ?? undefined,
    leftPlaceEnc: cipher.encryptOptional(draft.leftPlace),
    location: draft.location,
    locationOtherEnc: cipher.encryptOptional(draft.locationOther),
    photoFileIdEnc: cipher.encryptOptional(draft.photoFileId),
    notesEnc: cipher.encryptOptional(draft.notes),
  };
}

/** The family member's own fields of a registration. */
export function linkFields(draft: CompleteRegistration, cipher: FieldCipher) {
  return {
    relation: draft.relation,
    familyProvince: draft.familyProvince,
    familyCityEnc: cipher.encryptOptional(draft.familyCity),
    familyCountryEnc: cipher.encryptOptional(draft.familyCountry),
    lastContactYear: draft.lastContactYear ?? undefined,
    lastContactMethod: draft.lastContactMethod,
    contactPreference: draft.contactPreference,
    phoneEnc: draft.contactPreference === "phone" ? cipher.encryptOptional(draft.phone) : undefined,
  };
}

/** The other names a family gave, one per comma, semicolon or line. */
export function splitNames(value: string | null | undefined): string[] {
  return (value ?? "").split(/[,،;\n]/).map((n) => n.trim()).filter(Boolean);
}

const namesOf = (fullName: string, otherNames: string | null | undefined) => [fullName.trim(), ...splitNames(otherNames)].filter(Boolean);

/**
 * Keyed hashes of the phonetic keys of every name the family gave: the keys /find looks up
 * (a word, the whole name) and those the duplicate search looks up (duplicateTokensOf), in one
 * indexed field. A duplicate key holds "+", which no word's key does, so the two never meet.
 */
export function nameTokensOf(fullName: string, otherNames: string | null | undefined, cipher: FieldCipher): string[] {
  const names = namesOf(fullName, otherNames);
  return [...new Set(names.flatMap((name) => [...nameSearchKeys(name), ...duplicateSearchKeys(name)]).map((key) => cipher.searchToken(key)))];
}

/** The tokens a registration's probable duplicates are looked up by (domain/names duplicateSearchKeys). */
export function duplicateTokensOf(fullName: string, otherNames: string | null | undefined, cipher: FieldCipher): string[] {
  return [...new Set(namesOf(fullName, otherNames).flatMap(duplicateSearchKeys).map((key) => cipher.searchToken(key)))];
}

/**
 * The name tokens of a stored case, recomputed from its encrypted names under the cipher's current
 * key (`npm run rotate-key`: a keyed hash cannot be re-keyed from the hash). An erased case has none.
 */
export function nameTokensOfStored(relative: Pick<CaseRecord["relative"], "fullNameEnc" | "otherNamesEnc"> | undefined, cipher: FieldCipher): string[] {
  const fullName = cipher.decryptOptional(relative?.fullNameEnc);
  return fullName ? nameTokensOf(fullName, cipher.decryptOptional(relative?.otherNamesEnc), cipher) : [];
}

/** A stored case and link back as the answers the family gave (for viewing and editing). */
export function draftFromRecords(record: CaseRecord, link: CaseLinkRecord, cipher: FieldCipher): RegistrationDraft {
  const r = record.relative;
  const optional = (value: string | undefined) => cipher.decryptOptional(value) ?? null;
  const draft: RegistrationDraft = {
    relation: link.relation as Relation,
    fullName: cipher.decryptOptional(r.fullNameEnc) ?? "",
    otherNames: optional(r.otherNamesEnc),
    sex: r.sex as Sex,
    birthYear: r.birthYear ?? null,
    leftYear: r.leftYear ?? null,
    leftPlace: optional(r.leftPlaceEnc),
    location: r.location ?? "unknown",
    photoFileId: optional(r.photoFileIdEnc),
    notes: optional(r.notesEnc),
    familyProvince: link.familyProvince,
    lastContactYear: link.lastContactYear ?? null,
    lastContactMethod: link.lastContactMethod as LastContactMethod,
    contactPreference: link.contactPreference as "telegram" | "phone",
  };
  if (r.locationOtherEnc) draft.locationOther = cipher.decrypt(r.locationOtherEnc);
  if (link.familyProvince === "abroad") draft.familyCountry = cipher.decryptOptional(link.familyCountryEnc) ?? "";
  else draft.familyCity = optional(link.familyCityEnc);
  if (link.contactPreference === "phone") draft.phone = cipher.decryptOptional(link.phoneEnc) ?? "";
  return draft;
}
