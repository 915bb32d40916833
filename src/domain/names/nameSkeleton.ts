// The phonetic skeleton of a name, the same for its Persian and Latin spellings, and the
// search keys stored for candidate lookup.

import { normalizeName } from "./nameNormalization.js";

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
export function wordSkeleton(word: string): string {
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

export function normalizedWords(name: string): string[] {
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

/**
 * Keys to find probable duplicates of a name by, selective enough to stay cheap when a word is
 * common: the whole name's skeleton, and for every word (with at least two consonants) its
 * skeleton joined to the first consonant of each other word (initialClass) — "Ali Karimi Barfar" gives
 * "lkrmbrfr", "krm+l", "krm+b", "brfr+l" and "brfr+k". Two names that a comparison would call
 * probably the same share one whenever one word is spelled alike and another begins alike, in
 * any order, with a middle name added or a typo in any one word; a name written with its
 * compound surname joined or split shares the whole name's key. A single word has its own
 * skeleton only. ("Ali" alone would be every Ali: a name word's key alone is what /find uses.)
 */
export function duplicateSearchKeys(fullName: string): string[] {
  const words = normalizedWords(fullName).map(wordSkeleton).filter((w) => w !== "").slice(0, MAX_DUPLICATE_KEY_WORDS);
  const keys = [words.join("")];
  words.forEach((word, i) => {
    if (word.length < MIN_KEY_LENGTH) return;
    words.forEach((other, j) => {
      if (i !== j) keys.push(`${word}+${initialClass(other)}`);
    });
  });
  return [...new Set(keys.filter((k) => k.length >= MIN_KEY_LENGTH))];
}

/**
 * A word's first consonant, with those that romanisations swap at a name's start counted as one:
 * g, q (gh, ق, غ) and k ("Gholamreza", "Golamreza"); h and x (kh, خ).
 */
function initialClass(skeleton: string): string {
  const first = skeleton[0]!;
  return INITIAL_CLASSES[first] ?? first;
}
const INITIAL_CLASSES: Readonly<Record<string, string>> = { q: "k", g: "k", x: "h" };

/** A name longer than this is keyed by its first words (the comparison reads no more either). */
const MAX_DUPLICATE_KEY_WORDS = 8;
