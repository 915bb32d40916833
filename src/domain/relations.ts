// Closed vocabularies of a registration. Labels live in the locale files; these are the codes
// stored in the database.

export const RELATIONS = ["mother", "father", "sister", "brother", "spouse", "child", "other"] as const;
export type Relation = (typeof RELATIONS)[number];

export const SEXES = ["female", "male"] as const;
export type Sex = (typeof SEXES)[number];

/** How the family last heard from their relative. */
export const LAST_CONTACT_METHODS = ["phone", "letter", "visit", "message", "none", "other"] as const;
export type LastContactMethod = (typeof LAST_CONTACT_METHODS)[number];

export function isRelation(s: string): s is Relation {
  return (RELATIONS as readonly string[]).includes(s);
}

export function isSex(s: string): s is Sex {
  return (SEXES as readonly string[]).includes(s);
}

export function isLastContactMethod(s: string): s is LastContactMethod {
  return (LAST_CONTACT_METHODS as readonly string[]).includes(s);
}
