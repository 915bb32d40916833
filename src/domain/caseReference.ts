// Case references a family can read over the phone: eight random digits and a Damm check
// digit, written "1234-5678-9". The Damm check catches every single wrong digit and every swap
// of two neighbouring digits, the mistakes people make when reading numbers aloud. A reference
// finds a case when someone types it, so its digits come from a cryptographic source: one
// reference must say nothing about the next.

import { normalizeDigits, stripInvisibleMarks } from "./digits.js";

const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const BODY_DIGITS = 8;
/** Spaces, hyphens and dashes people put between groups of digits. */
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212]/gu;

/** The Damm check digit of a string of ASCII digits. */
export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const d of digits) interim = DAMM_TABLE[interim]?.[Number(d)] ?? Number.NaN;
  return interim;
}

function format(nineDigits: string): string {
  return `${nineDigits.slice(0, 4)}-${nineDigits.slice(4, 8)}-${nineDigits.slice(8)}`;
}

/**
 * A uniform random integer in [0, maxExclusive). Production passes node:crypto's randomInt
 * (cryptoRandomInt in src/clock.ts); tests pass a fixed sequence.
 */
export type UniformRandomInt = (maxExclusive: number) => number;

const BODY_RANGE = 10 ** BODY_DIGITS;

/** A new reference: eight digits drawn at once from the source, then the check digit. */
export function generateCaseReference(randomInt: UniformRandomInt): string {
  const drawn = randomInt(BODY_RANGE);
  // A broken source must fail loudly, not quietly produce a biased or malformed reference.
  if (!Number.isSafeInteger(drawn) || drawn < 0 || drawn >= BODY_RANGE) throw new RangeError(`random source returned ${drawn}, not an integer in [0, ${BODY_RANGE})`);
  const body = String(drawn).padStart(BODY_DIGITS, "0");
  return format(body + String(dammCheckDigit(body)));
}

/**
 * The canonical "1234-5678-9" form of a reference typed in any digit script, with or without
 * separators; null if it is not nine digits or the check digit does not match.
 */
export function parseCaseReference(input: string): string | null {
  const digits = normalizeDigits(stripInvisibleMarks(input)).replace(SEPARATORS, "");
  if (!/^[0-9]{9}$/.test(digits)) return null;
  return dammCheckDigit(digits) === 0 ? format(digits) : null;
}
