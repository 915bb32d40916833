// Names of relatives as families type them: in Persian or Latin script, with Arabic letter
// variants, zero-width non-joiners, diacritics, compound surnames split or joined, and several
// romanisations of the same name. Two registrations of one person must be found and compared.
// Three steps, one file each: cleaning and normalising (names/nameNormalization.ts), the phonetic
// skeleton and search keys (names/nameSkeleton.ts), scoring two names or two cases (names/nameMatching.ts).

export { MAX_NAME_LENGTH, cleanName, normalizeName, type CleanNameResult } from "./names/nameNormalization.js";
export { duplicateSearchKeys, nameSearchKeys, nameSkeleton } from "./names/nameSkeleton.js";
export { PROBABLE_NAME_SCORE, compareNames, scoreCaseMatch, type CaseIdentity, type NameMatch } from "./names/nameMatching.js";
