// How a signer appears on the list delivered to the addressee: the name they typed, only its
// initials, or not at all. Choosing initials stores only the initials, never the full name.

import { cleanName, type CleanNameResult } from "../personName.js";

export const NAME_DISPLAYS = ["full", "initials", "anonymous"] as const;
export type NameDisplay = (typeof NAME_DISPLAYS)[number];

export function isNameDisplay(s: string): s is NameDisplay {
  return (NAME_DISPLAYS as readonly string[]).includes(s);
}

const MAX_INITIALS = 4;

/**
 * "Maryam Rahimi" → "M. R.", «مریم رحیمی» → «م. ر.», «حسن‌زاده» (one word joined by a ZWNJ) → «ح.».
 * Letters only; at most four words count.
 */
export function initialsOf(name: string): string {
  const words = name
    .split(/[\s\-–_]+/u)
    .map((w) => Array.from(w).find((ch) => /\p{L}/u.test(ch)))
    .filter((ch): ch is string => ch !== undefined)
    .slice(0, MAX_INITIALS);
  return words.map((ch) => `${ch.toLocaleUpperCase()}.`).join(" ");
}

export type SignerNameResult = { ok: true; value: string } | { ok: false; reason: Exclude<CleanNameResult, { ok: true }>["reason"] };

/** What is stored for a typed name under the chosen display: the cleaned name, or only its initials. */
export function storedSignerName(display: Exclude<NameDisplay, "anonymous">, typed: string): SignerNameResult {
  const cleaned = cleanName(typed);
  if (!cleaned.ok) return cleaned;
  return { ok: true, value: display === "initials" ? initialsOf(cleaned.value) : cleaned.value };
}

/** The name as shown on lists; anonymous signers get the caller's localised label. */
export function signerDisplayName(signer: { nameDisplay: NameDisplay; name?: string | null }, anonymousLabel: string): string {
  if (signer.nameDisplay === "anonymous" || !signer.name) return anonymousLabel;
  return signer.name;
}
