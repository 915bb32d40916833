import { describe, it, expect } from "vitest";
import {
  MAX_NAME_LENGTH,
  PROBABLE_NAME_SCORE,
  cleanName,
  compareNames,
  duplicateSearchKeys,
  nameSearchKeys,
  nameSkeleton,
  normalizeName,
  scoreCaseMatch,
  type CaseIdentity,
  type CleanNameResult,
} from "../../src/domain/personName.js";

const ZWNJ = "\u200c";

describe("cleanName", () => {
  it.each<[string, CleanNameResult]>([
    ["  Amir   Hasanzadeh  ", { ok: true, value: "Amir Hasanzadeh" }],
    ["Amir\nHasanzadeh\t", { ok: true, value: "Amir Hasanzadeh" }],
    ["\u0000Amir\u0007 Hasanzadeh", { ok: true, value: "Amir Hasanzadeh" }],
    [`امیر حسن${ZWNJ}زاده`, { ok: true, value: `امیر حسن${ZWNJ}زاده` }],
    [`حسن${ZWNJ}${ZWNJ}زاده`, { ok: true, value: `حسن${ZWNJ}زاده` }],
    [`حسن${ZWNJ} زاده`, { ok: true, value: "حسن زاده" }],
    [`${ZWNJ}حسن`, { ok: true, value: "حسن" }],
    [`Amir${ZWNJ}Reza`, { ok: true, value: "AmirReza" }],
    ["\u202bحسن\u202c \u200eAmir\u200f", { ok: true, value: "حسن Amir" }],
    ["\u2067رضا\u2069\ufeff", { ok: true, value: "رضا" }],
    ["", { ok: false, reason: "empty" }],
    ["   \u200e \u200c ", { ok: false, reason: "empty" }],
    ["1360", { ok: false, reason: "no_letters" }],
    ["!!! ---", { ok: false, reason: "no_letters" }],
    ["a".repeat(MAX_NAME_LENGTH), { ok: true, value: "a".repeat(MAX_NAME_LENGTH) }],
    ["a".repeat(MAX_NAME_LENGTH + 1), { ok: false, reason: "too_long" }],
    ["ز".repeat(MAX_NAME_LENGTH), { ok: true, value: "ز".repeat(MAX_NAME_LENGTH) }],
  ])("%j → %j", (raw, expected) => {
    expect(cleanName(raw)).toEqual(expected);
  });
});

describe("normalizeName", () => {
  it.each([
    ["Arabic yeh", "علي", "علی"],
    ["alef maksura", "مصطفى", "مصطفی"],
    ["Arabic kaf", "كاظمي", "کاظمی"],
    ["teh marbuta", "فاطمة", "فاطمه"],
    ["heh with yeh", "خانۀ", "خانه"],
    ["waw with hamza", "مؤمنی", "مومنی"],
    ["alef with hamza below and Arabic yeh", "إبراهيم", "ابراهیم"],
    ["alef with hamza above", "أحمد", "احمد"],
    ["alef with madda", "آزاده", "ازاده"],
    ["alef wasla", "ٱمیر", "امیر"],
    ["ZWNJ joins the parts of a compound", `حسن${ZWNJ}زاده`, "حسنزاده"],
    ["diacritics and tashdid", "مُحَمَّد", "محمد"],
    ["superscript alef", "رحمٰن", "رحمن"],
    ["tatweel", "محـــمد", "محمد"],
    ["bidi marks", "\u200fرضا\u200e", "رضا"],
    ["presentation forms", "ﻋﻠﻰ", "علی"],
    ["case and spaces", "  Amir   HASANZADEH ", "amir hasanzadeh"],
    ["Latin diacritics", "José Ñúñez", "jose nunez"],
    ["apostrophe stands for ayn", "Ja'fari", "jafari"],
    ["typographic apostrophe", "Ja’fari", "jafari"],
    ["hyphen", "Sadeghi-Nejad", "sadeghi nejad"],
    ["parentheses", "Mohammad (Hamid)", "mohammad hamid"],
    ["Azerbaijani letters", "Şahin Çelik Ağa", "shahin chelik agha"],
    ["Persian digits", "علی ۲", "علی 2"],
  ])("%s: %j → %j", (_label, input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it("makes Arabic-keyboard and Persian-keyboard spellings identical", () => {
    expect(normalizeName("علي كاظمي")).toBe(normalizeName("علی کاظمی"));
  });
});

describe("nameSkeleton", () => {
  it.each([
    ["mhmd", ["محمد", "Mohammad", "Muhammad", "Mohamad", "مُحَمَّد"]],
    ["rz", ["رضا", "Reza"]],
    ["l", ["علی", "Ali", "علي"]],
    ["hsn", ["حسین", "Hossein", "Hosein", "Husain"]],
    ["dd", ["داوود", "Davood", "Davoud", "Dawood"]],
    ["sf", ["یوسف", "Yousef", "Yusuf"]],
    ["ftm", ["فاطمه", "Fatemeh", "Fatima", "فاطمة"]],
    ["zhr", ["زهرا", "Zahra"]],
    ["xdj", ["خدیجه", "Khadijeh"]],
    ["qsm", ["قاسمی", "Ghasemi", "Qasemi"]],
    ["Srf", ["شریفی", "Sharifi"]],
    ["jfr", ["جعفری", "Jafari", "Ja'fari"]],
    ["kzm", ["کاظمی", "Kazemi", "كاظمي"]],
    ["sdq", ["صادقی", "Sadeghi", "Sadeqi"]],
    ["thr", ["طاهری", "Taheri"]],
    ["zlfqr", ["ذوالفقاری", "Zolfaghari"]],
    ["hsnzd", [`حسن${ZWNJ}زاده`, "حسن زاده", "Hasanzadeh", "Hasan Zadeh", "Hassanzade"]],
    ["bdl", ["عبدالله", "Abdollah", "Abdullah"]],
    ["bjn", ["بیژن", "Bijan", "Bizhan"]],
    ["Cmrn", ["چمران", "Chamran"]],
    ["bxtr", ["بختیاری", "Bakhtiari"]],
    ["fthpr", ["فتح‌پور", "Fathpour"]],
  ])("%s ← %j", (skeleton, spellings) => {
    for (const spelling of spellings) expect(nameSkeleton(spelling), spelling).toBe(skeleton);
  });

  it("keeps consonants that a vowel separates, collapses doubled ones", () => {
    expect(nameSkeleton("Abbas")).toBe("bs");
    expect(nameSkeleton("Habib")).toBe("hbb");
  });

  it("ignores a word-final h only when another consonant remains", () => {
    expect(nameSkeleton("Shah")).toBe("S");
    expect(nameSkeleton("Mehdi")).toBe("mhd");
    expect(nameSkeleton("Hoo")).toBe("h");
  });
});

describe("nameSearchKeys", () => {
  it.each([
    ["Amir Hasanzadeh", ["mr", "hsnzd", "mrhsnzd"]],
    [`امیر حسن${ZWNJ}زاده`, ["mr", "hsnzd", "mrhsnzd"]],
    ["Hasan Zadeh", ["hsn", "zd", "hsnzd"]],
    ["Ali Rezaei", ["rz", "lrz"]],
    ["Reza Reza", ["rz", "rzrz"]],
    ["Hasanzadeh", ["hsnzd"]],
    ["Ali", []],
    ["", []],
  ])("%j → %j", (name, keys) => {
    expect(nameSearchKeys(name)).toEqual(keys);
  });

  it("a Persian and a Latin registration of the same person share keys", () => {
    const persian = nameSearchKeys(`امیر حسن${ZWNJ}زاده`);
    for (const latin of ["Amir Hasanzadeh", "Amir Hasan Zadeh", "Hasanzadeh"]) {
      expect(nameSearchKeys(latin).some((k) => persian.includes(k)), latin).toBe(true);
    }
  });
});

// Pairs of names of the same person, as two family members might register them.
const SAME_PERSON: Array<[string, string]> = [
  [`امیر حسن${ZWNJ}زاده`, "Amir Hasanzadeh"],
  ["Amir Hasan Zadeh", "Amir Hasanzadeh"],
  ["امیر حسن زاده", `امیر حسن${ZWNJ}زاده`],
  ["محمد کریمی", "Mohammad Karimi"],
  ["Muhammad Karimi", "Mohamad Karimi"],
  ["رضا احمدی", "Reza Ahmadi"],
  ["علی شریفی", "Ali Sharifi"],
  ["حسین جعفری", "Hossein Jafari"],
  ["Hosein Ja'fari", "Husain Jafari"],
  ["داوود کاظمی", "Davood Kazemi"],
  ["Davoud Kazemi", "Dawood Kazemi"],
  ["یوسف صادقی", "Yousef Sadeghi"],
  ["Yusuf Sadeqi", "Yousef Sadeghi"],
  ["فاطمه طاهری", "Fatemeh Taheri"],
  ["Fatima Taheri", "فاطمه طاهری"],
  ["زهرا قاسمی", "Zahra Ghasemi"],
  ["Zahra Qasemi", "زهرا قاسمی"],
  ["خدیجه ذوالفقاری", "Khadijeh Zolfaghari"],
  ["Karimi Mohammad", "Mohammad Karimi"],
  ["طاهری فاطمه", "Fatemeh Taheri"],
  ["Amir Reza Hasanzadeh", `امیر حسن${ZWNJ}زاده`],
  ["Mohammad (Hamid) Karimi", "Mohammad Karimi"],
  ["علي كاظمي", "علی کاظمی"],
  [`مُحَمَّد حسن${ZWNJ}زاده`, "محمد حسنزاده"],
  ["Mohammadreza Sharifi", "محمدرضا شریفی"],
  ["Mohammad Reza Sharifi", "محمدرضا شریفی"],
  ["Gholamreza Jafari", "Golamreza Jafari"],
  ["Abdollah Zolfaghari", "عبدالله ذوالفقاری"],
  ["Seyed Ali Mousavi", "سید علی موسوی"],
  ["Ali Mousavi", "سید علی موسوی"],
  ["Esmaeil Rahimi", "اسماعیل رحیمی"],
  ["Ismail Rahimi", "Esmail Rahimi"],
  ["HASSAN  REZAEI", "حسن رضایی"],
  ["Khosrow Bakhtiari", "خسرو بختیاری"],
  ["Mehdi Zadehpour", "Mahdi Zadepour"],
  ["Maryam Tehrani", "مریم تهرانی"],
  ["Parvin Ghorbani", "پروین قربانی"],
  ["Jafar Sadeghi-Nejad", `جعفر صادقی${ZWNJ}نژاد`],
  ["Mojgan Alizadeh", "مژگان علیزاده"],
  ["Bijan Nezhad", "بیژن نژاد"],
  ["Mohammad Reza Hasan Zadeh", "Mohammadreza Hasanzadeh"],
  ["Zahra", "زهرا"],
];

// Pairs of names of different people.
const DIFFERENT_PEOPLE: Array<[string, string]> = [
  [`امیر حسن${ZWNJ}زاده`, "Amir Hosseini"],
  ["Reza Karimi", "Reza Kazemi"],
  ["زهرا", "زینب"],
  ["Ali Ahmadi", "Ali Mohammadi"],
  ["علی احمدی", "علی محمدی"],
  ["Mohammad Karimi", "Mohammad Rahimi"],
  ["Mohammad Karimi", "Mohammad Kazemi"],
  ["Fatemeh Taheri", "Fatemeh Tehrani"],
  ["Ali Mohammadi", "Ali Mohammadian"],
  ["رضا جعفری", "Reza Jafarzadeh"],
  ["Zahra Ghasemi", "Zahra Ghasemzadeh"],
  ["Hossein Sadeghi", "Hossein Sarhadi"],
  ["Maryam Tehrani", "Marziyeh Tehrani"],
  ["Khadijeh Karimi", "Khadijeh Rahimi"],
  ["Yousef Kazemi", "Younes Kazemi"],
  ["Ali", "Reza"],
  ["Mehdi Rezaei", "Mehdi Rezvani"],
  ["حسن رضایی", "حسن رحیمی"],
  ["Jafar Sadeghi", "Jafar Sadri"],
  ["Abbas Kazemi", "Abbas Karami"],
  ["Soheila Karimi", "Sohrab Karimi"],
  ["Seyed Mohammad Reza Karimi", "Seyed Mohammad Reza Kazemi"],
];

describe("duplicateSearchKeys", () => {
  it.each([
    ["Ali Karimi Barfar", ["lkrmbrfr", "krm+l", "krm+b", "brfr+l", "brfr+k"]],
    [`امیر حسن${ZWNJ}زاده`, ["mrhsnzd", "mr+h", "hsnzd+m"]],
    ["Gholamreza Jafari", ["qlmrzjfr", "qlmrz+j", "jfr+k"]],
    ["Khosrow Bakhtiari", ["xsrbxtr", "xsr+b", "bxtr+h"]],
    ["Hasanzadeh", ["hsnzd"]],
    ["Ali", []],
    ["", []],
  ])("%j → %j", (name, keys) => {
    expect(duplicateSearchKeys(name)).toEqual(keys);
  });

  it("never a word's key alone: a common given name does not find every case that has it", () => {
    for (const name of ["Reza Karimi", "Mohammad Ali Hosseini", "Zahra Ghasemi"]) {
      // Besides the pairs, only the whole name (which /find's keys hold too).
      expect(duplicateSearchKeys(name).filter((k) => !k.includes("+")), name).toEqual([nameSkeleton(name)]);
    }
  });

  it("two registrations of the same person share one (every pair below that the comparison calls probable)", () => {
    for (const [a, b] of SAME_PERSON) {
      const keysOfB = duplicateSearchKeys(b);
      expect(duplicateSearchKeys(a).some((k) => keysOfB.includes(k)), `${a} / ${b}`).toBe(true);
    }
  });
});

describe("compareNames", () => {
  it.each(SAME_PERSON)("%s ≈ %s", (a, b) => {
    const result = compareNames(a, b);
    expect(result.probable).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(PROBABLE_NAME_SCORE);
  });

  it.each(DIFFERENT_PEOPLE)("%s ≠ %s", (a, b) => {
    const result = compareNames(a, b);
    expect(result.probable).toBe(false);
    expect(result.score).toBeLessThan(0.6);
  });

  it("has at least 30 matching and 15 non-matching pairs", () => {
    expect(SAME_PERSON.length).toBeGreaterThanOrEqual(30);
    expect(DIFFERENT_PEOPLE.length).toBeGreaterThanOrEqual(15);
  });

  it("is symmetric", () => {
    for (const [a, b] of [...SAME_PERSON, ...DIFFERENT_PEOPLE]) {
      expect(compareNames(a, b)).toEqual(compareNames(b, a));
    }
  });

  it.each([
    ["Amir Hasanzadeh", "Amir Hasanzadeh", 1],
    ["Amir Hasanzadeh", "Amir Reza Hasanzadeh", 0.967],
    ["Gholamreza Jafari", "Golamreza Jafari", 0.891],
    ["Amir Hasanzadeh", "Hasanzadeh", 0.57],
    ["Reza Karimi", "Reza Kazemi", 0.396],
    ["Amir Hasanzadeh", "", 0],
    ["!!!", "Amir", 0],
  ])("%j vs %j scores %d", (a, b, score) => {
    expect(compareNames(a, b).score).toBe(score);
  });

  it("does not treat a first name alone as the person", () => {
    expect(compareNames("Amir Hasanzadeh", "Amir").probable).toBe(false);
    expect(compareNames("Amir Hasanzadeh", "Hasanzadeh").probable).toBe(false);
  });
});

describe("scoreCaseMatch", () => {
  const son: CaseIdentity = { fullName: `امیر حسن${ZWNJ}زاده`, birthYear: 1962, province: "ardabil" };

  it.each<[string, CaseIdentity, { score: number; probable: boolean }]>([
    ["same name in Latin, same year and province", { fullName: "Amir Hasanzadeh", birthYear: 1962, province: "ardabil" }, { score: 1, probable: true }],
    ["a year apart, another province", { fullName: "Amir Hasanzadeh", birthYear: 1963, province: "tehran" }, { score: 1, probable: true }],
    ["no birth year known", { fullName: "Amir Hasanzadeh" }, { score: 1, probable: true }],
    ["born four years apart", { fullName: "Amir Hasanzadeh", birthYear: 1966, province: "ardabil" }, { score: 0.74, probable: false }],
    ["born twenty years apart", { fullName: "Amir Hasanzadeh", birthYear: 1982 }, { score: 0.7, probable: false }],
    ["a different surname, same year and province", { fullName: "Amir Hosseini", birthYear: 1962, province: "ardabil" }, { score: 0.468, probable: false }],
    ["surname only, same year and province", { fullName: "Hasanzadeh", birthYear: 1962, province: "ardabil" }, { score: 0.69, probable: false }],
    ["matched through another name", { fullName: "Abu Amir", otherNames: ["Amir Hasanzadeh"], birthYear: 1962 }, { score: 1, probable: true }],
  ])("%s", (_story, other, expected) => {
    expect(scoreCaseMatch(son, other)).toEqual(expected);
    expect(scoreCaseMatch(other, son)).toEqual(expected);
  });

  // A one-letter typo in the surname leaves room to see what the other facts add.
  const typo: CaseIdentity = { fullName: "Gholamreza Jafari" };
  it.each<[string, Partial<CaseIdentity>, Partial<CaseIdentity>, number, boolean]>([
    ["names only", {}, {}, 0.891, true],
    ["same birth year", { birthYear: 1960 }, { birthYear: 1960 }, 0.971, true],
    ["birth years one apart", { birthYear: 1960 }, { birthYear: 1961 }, 0.941, true],
    ["birth years two apart", { birthYear: 1960 }, { birthYear: 1962 }, 0.911, true],
    ["birth years three apart", { birthYear: 1960 }, { birthYear: 1963 }, 0.841, true],
    ["birth years four apart", { birthYear: 1960 }, { birthYear: 1964 }, 0.591, false],
    ["same province", { province: "zanjan" }, { province: "zanjan" }, 0.931, true],
    ["different provinces", { province: "zanjan" }, { province: "fars" }, 0.891, true],
    ["year known on one side only", { birthYear: 1960 }, {}, 0.891, true],
  ])("%s", (_story, extraA, extraB, score, probable) => {
    const result = scoreCaseMatch({ ...typo, ...extraA }, { fullName: "Golamreza Jafari", ...extraB });
    expect(result).toEqual({ score, probable });
  });
});
