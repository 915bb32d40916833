// Families type digits in Persian (۰–۹) or Arabic-Indic (٠–٩) script as often as in ASCII.
// Everything numeric that comes in goes through normalizeDigits first.

import { INVISIBLE_WITH_ZWNJ } from "./invisibleCharacters.js";

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * Maps Persian and Arabic-Indic digits to ASCII, the Arabic decimal separator (٫) to "."
 * and the Arabic thousands separator (٬) to ",". Every other character is left as it is.
 */
export function normalizeDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) out += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) out += String(code - ARABIC_INDIC_ZERO);
    else if (ch === "\u066b") out += ".";
    else if (ch === "\u066c") out += ",";
    else out += ch;
  }
  return out;
}

/**
 * Removes what a phone keyboard or a copy-paste leaves invisibly around numbers: zero-width
 * joiners/non-joiners, bidi marks (LRM, RLM, ALM, embeddings, isolates), word joiners, soft hyphens.
 */
export function stripInvisibleMarks(s: string): string {
  return s.replace(INVISIBLE_WITH_ZWNJ, "");
}

/** True for "fa" and its regional variants ("fa-IR"). */
export function isPersianLocale(locale: string): boolean {
  return locale === "fa" || locale.startsWith("fa-");
}

/** Renders ASCII digits as Persian digits for a Persian locale; other locales get ASCII digits. */
export function formatDigits(s: string | number, locale: string): string {
  const ascii = normalizeDigits(String(s));
  if (!isPersianLocale(locale)) return ascii;
  return ascii.replace(/[0-9]/g, (d) => String.fromCodePoint(PERSIAN_ZERO + Number(d)));
}

/**
 * A non-negative integer typed in any digit script, or null when the input is anything
 * but digits (signs, separators, letters, empty, or too large to be exact).
 */
export function parseInteger(s: string): number | null {
  const cleaned = normalizeDigits(stripInvisibleMarks(s)).trim();
  if (!/^[0-9]+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}
