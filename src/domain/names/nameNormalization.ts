// Cleaning what a family typed, and reducing a name to what search compares: Arabic letter
// variants, zero-width non-joiners, diacritics and romanisation punctuation seen through.

import { normalizeDigits } from "../digits.js";
import { INVISIBLE_IN_NAMES, INVISIBLE_WITH_ZWNJ } from "../invisibleCharacters.js";

// ─── Cleaning what a family typed ────────────────────────────────────────────────────────────

export const MAX_NAME_LENGTH = 80;

export type CleanNameResult =
  | { ok: true; value: string }
  | { ok: false; reason: "empty" | "too_long" | "no_letters" };

const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const CONTROL_CHARACTERS = /\p{Cc}/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

function isArabicScriptLetter(ch: string, orMark = false): boolean {
  return ARABIC_SCRIPT.test(ch) && (/\p{L}/u.test(ch) || (orMark && /\p{M}/u.test(ch)));
}

/**
 * A name as it will be stored and shown: trimmed, control and bidi characters removed, ZWNJ kept
 * only between two Persian letters (where it shapes the word, «حسن‌زاده»), spaces collapsed.
 */
export function cleanName(raw: string): CleanNameResult {
  const withoutControls = raw
    .normalize("NFC")
    .replace(LINE_BREAKS_AND_TABS, " ")
    .replace(CONTROL_CHARACTERS, "")
    .replace(INVISIBLE_IN_NAMES, "");
  const chars = Array.from(withoutControls);
  let kept = "";
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    if (ch !== "\u200c") {
      kept += ch;
      continue;
    }
    let next = i + 1;
    while (chars[next] === "\u200c") next += 1;
    const before = chars[i - 1] ?? "";
    const after = chars[next] ?? "";
    if (isArabicScriptLetter(before, true) && isArabicScriptLetter(after)) kept += ch;
    i = next - 1;
  }
  const value = kept.replace(/\s+/gu, " ").trim();
  if (value === "") return { ok: false, reason: "empty" };
  if (Array.from(value).length > MAX_NAME_LENGTH) return { ok: false, reason: "too_long" };
  if (!/\p{L}/u.test(value)) return { ok: false, reason: "no_letters" };
  return { ok: true, value };
}

// ─── Normalising for search ──────────────────────────────────────────────────────────────────

/** Arabic letter variants and their Persian form (ي/ی, ك/ک, ة/ه, hamza carriers, …). */
const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = {
  "\u064a": "ی", // ي Arabic yeh
  "\u0649": "ی", // ى alef maksura
  "\u0626": "ی", // ئ yeh with hamza
  "\u06d0": "ی", // ې
  "\u06cd": "ی", // ۍ
  "\u0643": "ک", // ك Arabic kaf
  "\u06aa": "ک", // ڪ swash kaf
  "\u0629": "ه", // ة teh marbuta
  "\u06c0": "ه", // ۀ heh with yeh
  "\u06d5": "ه", // ە ae
  "\u06be": "ه", // ھ heh doachashmee
  "\u06c1": "ه", // ہ heh goal
  "\u0624": "و", // ؤ waw with hamza
  "\u0622": "ا", // آ alef with madda
  "\u0623": "ا", // أ
  "\u0625": "ا", // إ
  "\u0671": "ا", // ٱ alef wasla
};

/** Latin letters that stripping diacritics would lose information from (Azerbaijani, Turkish, …). */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  "ş": "sh",
  "ç": "ch",
  "ğ": "gh",
  "ə": "e",
  "ı": "i",
  "ß": "ss",
  "æ": "ae",
  "œ": "oe",
  "ø": "o",
  "đ": "d",
  "ł": "l",
};

const TATWEEL = /\u0640/g;
/** Apostrophes stand for ع or ء in romanised names ("Ja'fari"): removed, not a word break. */
const APOSTROPHES = /['’‘ʼʻ`´]/g;

/**
 * A name reduced to what search compares: Persian letter forms, no ZWNJ/diacritics/tatweel,
 * lower case, punctuation as spaces, single spaces. «حسن‌زاده» → «حسنزاده», "Ja'fari" → "jafari".
 */
export function normalizeName(s: string): string {
  // Invisible characters go first: left in, the punctuation rule below would split a word at them.
  const lowered = normalizeDigits(s.replace(INVISIBLE_WITH_ZWNJ, "").normalize("NFKC")).toLowerCase();
  let mapped = "";
  for (const ch of lowered) mapped += ARABIC_TO_PERSIAN[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  return mapped
    .replace(TATWEEL, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .replace(APOSTROPHES, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
