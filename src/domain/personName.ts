// Names of relatives as families type them: in Persian or Latin script, with Arabic letter
// variants, zero-width non-joiners, diacritics, compound surnames split or joined, and several
// romanisations of the same name. Two registrations of one person must be found and compared.

import { normalizeDigits } from "./digits.js";
import { INVISIBLE_IN_NAMES, INVISIBLE_WITH_ZWNJ } from "./invisibleCharacters.js";

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

// ─── Phonetic skeleton ───────────────────────────────────────────────────────────────────────
// Consonant classes shared by both scripts; vowels, glides (v/w/و, y/ی), ع, ء and alef drop out.
// Upper-case letters are distinct classes: S = sh/ش, C = ch/چ; x = kh/خ, q = q/gh/ق/غ.
// ژ shares j with ج: families romanise it "j" as often as "zh" (Bijan, Mojgan, Nejad).

const VOWEL = null;
type SkeletonToken = string | typeof VOWEL;

const PERSIAN_CLASSES: Readonly<Record<string, SkeletonToken>> = {
  ا: VOWEL,
  و: VOWEL,
  ی: VOWEL,
  ع: VOWEL,
  ء: VOWEL,
  ۆ: VOWEL,
  ێ: VOWEL,
  ڤ: VOWEL,
  ب: "b",
  پ: "p",
  ت: "t",
  ط: "t",
  ث: "s",
  س: "s",
  ص: "s",
  ج: "j",
  چ: "C",
  ح: "h",
  ه: "h",
  خ: "x",
  د: "d",
  ذ: "z",
  ز: "z",
  ض: "z",
  ظ: "z",
  ر: "r",
  ڕ: "r",
  ژ: "j",
  ش: "S",
  غ: "q",
  ق: "q",
  ف: "f",
  ک: "k",
  گ: "g",
  ل: "l",
  ڵ: "l",
  م: "m",
  ن: "n",
};

/** Latin digraphs, read before single letters. */
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = {
  kh: "x",
  gh: "q",
  sh: "S",
  ch: "C",
  zh: "j",
  ph: "f",
  dj: "j",
};

const LATIN_CLASSES: Readonly<Record<string, SkeletonToken>> = {
  a: VOWEL,
  e: VOWEL,
  i: VOWEL,
  o: VOWEL,
  u: VOWEL,
  y: VOWEL,
  w: VOWEL,
  v: VOWEL,
  b: "b",
  c: "k",
  d: "d",
  f: "f",
  g: "g",
  h: "h",
  j: "j",
  k: "k",
  l: "l",
  m: "m",
  n: "n",
  p: "p",
  q: "q",
  r: "r",
  s: "s",
  t: "t",
  x: "x",
  z: "z",
};

function skeletonTokens(word: string): SkeletonToken[] {
  const chars = Array.from(word);
  const tokens: SkeletonToken[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    const digraph = LATIN_DIGRAPHS[ch + (chars[i + 1] ?? "")];
    if (digraph) {
      tokens.push(digraph);
      i += 1;
    } else if (ch in LATIN_CLASSES) tokens.push(LATIN_CLASSES[ch] ?? VOWEL);
    else if (ch in PERSIAN_CLASSES) tokens.push(PERSIAN_CLASSES[ch] ?? VOWEL);
    else if (/\p{N}/u.test(ch)) tokens.push(VOWEL);
    else tokens.push(ch); // another script: compared as it is
  }
  return tokens;
}

/** Skeleton of one normalised word (no spaces). */
function wordSkeleton(word: string): string {
  const tokens = skeletonTokens(word);
  // A word-final h is the silent vowel ending of Persian («فاطمه», «زاده») that romanisations
  // write as "-eh", "-e" or "-a": drop it in both scripts so all of them agree.
  const consonants = tokens.filter((t) => t !== VOWEL).length;
  if (tokens[tokens.length - 1] === "h" && consonants > 1) tokens.pop();
  let skeleton = "";
  let previous: SkeletonToken = VOWEL;
  for (const token of tokens) {
    // A doubled consonant ("mm" in Mohammad, tashdid in Persian) counts once, but only when
    // nothing stands between the two: «داوود» and "Davood" both keep "dd".
    if (token !== VOWEL && token !== previous) skeleton += token;
    previous = token;
  }
  return skeleton;
}

function normalizedWords(name: string): string[] {
  const normalized = normalizeName(name);
  return normalized === "" ? [] : normalized.split(" ");
}

/**
 * The consonant skeleton of a name, the same for its Persian and Latin spellings:
 * «محمد», "Mohammad", "Muhammad" → "mhmd"; "Hasan Zadeh", "Hasanzadeh", «حسن‌زاده» → "hsnzd".
 * Several words give their skeletons joined together.
 */
export function nameSkeleton(word: string): string {
  return normalizedWords(word).map(wordSkeleton).join("");
}

/** Shorter skeletons ("l" for Ali) match too many people to be worth indexing. */
const MIN_KEY_LENGTH = 2;

/**
 * Keys to store and index for candidate lookup: the skeleton of every word with at least two
 * consonants, then the skeleton of the whole name with spaces removed. Deduplicated, in order.
 */
export function nameSearchKeys(fullName: string): string[] {
  const words = normalizedWords(fullName).map(wordSkeleton);
  const keys = [...words, words.join("")].filter((k) => k.length >= MIN_KEY_LENGTH);
  return [...new Set(keys)];
}

// ─── Comparing two names ─────────────────────────────────────────────────────────────────────

export interface NameMatch {
  /** 0 … 1, 1 for the same name. */
  score: number;
  probable: boolean;
}

/** Score at which two names are worth showing to a person as a probable duplicate. */
export const PROBABLE_NAME_SCORE = 0.75;

/** Names longer than this are compared on their first words only. */
const MAX_WORDS = 8;
/** Compound surnames are tried joined and split only up to this many words. */
const MAX_WORDS_FOR_COMPOUNDS = 6;
/** A single word (a first name alone) cannot identify someone with a longer name. */
const SINGLE_WORD_PENALTY = 0.6;

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] as number;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Similarity of two word skeletons. Short skeletons must be equal ("krm" Karimi ≠ "kzm" Kazemi);
 * longer ones tolerate a typo, but not a suffix or prefix ("Mohammadi" ≠ "Mohammadian").
 */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  const distance = editDistance(a, b);
  const tolerated = longest >= 8 ? 2 : longest >= 5 ? 1 : 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const isExtension = shorter.length < longer.length && (longer.startsWith(shorter) || longer.endsWith(shorter));
  if (distance <= tolerated && !isExtension) return 1 - 0.15 * distance;
  return 0.5 * Math.max(0, 1 - (2 * distance) / longest);
}

/** Every way of joining adjacent words: ["hsn", "zd"] → [["hsn", "zd"], ["hsnzd"]]. */
function compoundVariants(words: readonly string[]): string[][] {
  if (words.length <= 1 || words.length > MAX_WORDS_FOR_COMPOUNDS) return [[...words]];
  const variants: string[][] = [];
  const joins = words.length - 1;
  for (let mask = 0; mask < 1 << joins; mask += 1) {
    const variant = [words[0] as string];
    for (let i = 1; i < words.length; i += 1) {
      if (mask & (1 << (i - 1))) variant[variant.length - 1] += words[i] as string;
      else variant.push(words[i] as string);
    }
    variants.push(variant);
  }
  return variants;
}

/**
 * Best score of one word list against another, in any word order: each word of the shorter
 * name is paired with a different word of the longer one; extra words in the longer name
 * (a middle name, a nickname) cost little, one badly matching word costs a lot.
 */
function alignedScore(x: readonly string[], y: readonly string[]): number {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const sims = short.map((s) => long.map((l) => wordSimilarity(s, l)));
  let best = 0;
  const chosen: number[] = [];
  const visit = (i: number, used: number): void => {
    if (i === short.length) {
      const sum = chosen.reduce((acc, v) => acc + v, 0);
      const weakest = Math.min(...chosen);
      let score = 0.9 * ((sum / short.length + weakest) / 2) + 0.1 * (sum / long.length);
      if (short.length === 1 && long.length > 1) score *= SINGLE_WORD_PENALTY;
      best = Math.max(best, score);
      return;
    }
    for (let j = 0; j < long.length; j += 1) {
      if (used & (1 << j)) continue;
      chosen.push(sims[i]?.[j] ?? 0);
      visit(i + 1, used | (1 << j));
      chosen.pop();
    }
  };
  visit(0, 0);
  return best;
}

function wordSkeletons(name: string): string[] {
  return normalizedWords(name)
    .map(wordSkeleton)
    .filter((s) => s !== "")
    .slice(0, MAX_WORDS);
}

/**
 * How likely two names belong to the same person, across scripts and romanisations, word
 * order, an extra middle word or nickname, a compound surname written in one or two words,
 * and small spelling variants.
 */
export function compareNames(a: string, b: string): NameMatch {
  const wa = wordSkeletons(a);
  const wb = wordSkeletons(b);
  if (wa.length === 0 || wb.length === 0) return { score: 0, probable: false };
  let score = 0;
  // Join words on one side at a time: joining both sides would compare whole names as one
  // word and let a different surname pass as a typo.
  for (const variant of compoundVariants(wa)) score = Math.max(score, alignedScore(variant, wb));
  for (const variant of compoundVariants(wb)) score = Math.max(score, alignedScore(wa, variant));
  score = Math.round(score * 1000) / 1000;
  return { score, probable: score >= PROBABLE_NAME_SCORE };
}

// ─── Comparing two registered cases ─────────────────────────────────────────────────────────

export interface CaseIdentity {
  fullName: string;
  otherNames?: string[];
  /** Gregorian year. */
  birthYear?: number;
  /** Province code. */
  province?: string;
}

/** Birth years further apart than this are two different people. */
const MAX_BIRTH_YEAR_GAP = 3;
const BIRTH_YEAR_ADJUSTMENT: readonly number[] = [0.08, 0.05, 0.02, -0.05];
const SAME_PROVINCE_BOOST = 0.04;
const FAR_BIRTH_YEAR_PENALTY = 0.3;

/**
 * How likely two registrations describe the same relative: the best name score over full and
 * other names, raised by an equal (or ±1, weakly ±2) birth year and an equal province. Birth
 * years more than three years apart make a match improbable whatever the names.
 */
export function scoreCaseMatch(a: CaseIdentity, b: CaseIdentity): NameMatch {
  const namesA = [a.fullName, ...(a.otherNames ?? [])];
  const namesB = [b.fullName, ...(b.otherNames ?? [])];
  let score = 0;
  for (const x of namesA) for (const y of namesB) score = Math.max(score, compareNames(x, y).score);

  let farApart = false;
  if (a.birthYear !== undefined && b.birthYear !== undefined) {
    const gap = Math.abs(a.birthYear - b.birthYear);
    if (gap > MAX_BIRTH_YEAR_GAP) {
      farApart = true;
      score -= FAR_BIRTH_YEAR_PENALTY;
    } else score += BIRTH_YEAR_ADJUSTMENT[gap] ?? 0;
  }
  if (a.province !== undefined && a.province === b.province) score += SAME_PROVINCE_BOOST;

  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return { score, probable: !farApart && score >= PROBABLE_NAME_SCORE };
}
