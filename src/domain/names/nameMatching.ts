// How likely two names, or two registered cases, belong to the same person.

import { normalizedWords, wordSkeleton } from "./nameSkeleton.js";

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
