import { normalizeDigits, stripInvisibleMarks } from "../digits.js";
import { INVISIBLE_IN_FREE_TEXT, INVISIBLE_IN_NAMES } from "../invisibleCharacters.js";
import { cleanName } from "../personName.js";
import { parseYear, type YearPair } from "../yearInput.js";
import type { RegistrationDraft } from "./draft.js";

/** Why an answer was not accepted; each has a localised message `reg-error-<code>`. */
export type AnswerError =
  | "name-empty"
  | "name-too-long"
  | "name-no-letters"
  | "text-empty"
  | "text-too-long"
  | "year-not-a-number"
  | "year-out-of-range"
  | "year-before-birth"
  | "phone-invalid";

export type Answer<T> = { ok: true; value: T } | { ok: false; error: AnswerError; limit?: number };

export const TEXT_LIMITS = { otherNames: 200, place: 100, locationOther: 100, notes: 1000, city: 60, country: 60 } as const;

export function parseFullName(raw: string): Answer<string> {
  const cleaned = cleanName(raw);
  if (cleaned.ok) return { ok: true, value: cleaned.value };
  const error = cleaned.reason === "empty" ? "name-empty" : cleaned.reason === "too_long" ? "name-too-long" : "name-no-letters";
  return { ok: false, error };
}

/**
 * Free text as a family types it: control characters, bidi overrides and invisible characters
 * removed (they could hide text or scramble a line), spaces collapsed, line breaks kept only where
 * asked for. An answer that names someone or somewhere (`name`) also loses LRM/RLM/ALM and ZWJ,
 * like a full name does.
 */
export function parseFreeText(raw: string, limit: number, options: { multiline?: boolean; name?: boolean } = {}): Answer<string> {
  let text = raw.normalize("NFC").replace(options.name ? INVISIBLE_IN_NAMES : INVISIBLE_IN_FREE_TEXT, "");
  text = options.multiline ? text.replace(/\r\n?/g, "\n").replace(/[^\S\n]+/g, " ").replace(/\n{3,}/g, "\n\n") : text.replace(/\s+/g, " ");
  text = text.replace(/[\p{Cc}]/gu, (c) => (options.multiline && c === "\n" ? c : "")).trim();
  if (text === "") return { ok: false, error: "text-empty" };
  if (Array.from(text).length > limit) return { ok: false, error: "text-too-long", limit };
  return { ok: true, value: text };
}

export type YearAnswer = { ok: true; value: YearPair } | { ok: false; error: AnswerError } | { ok: "ambiguous"; asSolarHijri: YearPair; asGregorian: YearPair };

/** A year in either calendar, within what is plausible given the answers so far. */
export function parseYearAnswer(raw: string, step: "birthYear" | "leftYear" | "lastContactYear", draft: RegistrationDraft, now: Date): YearAnswer {
  const birth = draft.birthYear ?? undefined;
  const min = step === "birthYear" ? 1900 : (birth ?? 1900);
  const parsed = parseYear(raw, { now, min: 1900 });
  if (parsed.kind === "invalid") return { ok: false, error: parsed.reason === "not_a_number" ? "year-not-a-number" : "year-out-of-range" };
  const check = (pair: YearPair): AnswerError | null => (pair.gregorian < min ? "year-before-birth" : null);
  if (parsed.kind === "ambiguous") {
    const solarProblem = check(parsed.asSolarHijri);
    const gregorianProblem = check(parsed.asGregorian);
    if (solarProblem && gregorianProblem) return { ok: false, error: solarProblem };
    if (solarProblem) return { ok: true, value: parsed.asGregorian };
    if (gregorianProblem) return { ok: true, value: parsed.asSolarHijri };
    return { ok: "ambiguous", asSolarHijri: parsed.asSolarHijri, asGregorian: parsed.asGregorian };
  }
  const problem = check(parsed);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { gregorian: parsed.gregorian, solarHijri: parsed.solarHijri } };
}

/** A phone number in any digit script: optional +, 7–15 digits; spaces, dashes and brackets ignored. */
export function parsePhone(raw: string): Answer<string> {
  const text = normalizeDigits(stripInvisibleMarks(raw)).replace(/[\s\-().]/g, "");
  if (!/^\+?[0-9]{7,15}$/.test(text)) return { ok: false, error: "phone-invalid" };
  return { ok: true, value: text };
}
