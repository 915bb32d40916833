import { describe, expect, it } from "vitest";
import { parseInteger, stripInvisibleMarks } from "../../src/domain/digits.js";
import { cleanName, compareNames, nameSearchKeys, normalizeName } from "../../src/domain/personName.js";
import { cleanText } from "../../src/domain/petitions/content.js";
import { storedSignerName } from "../../src/domain/petitions/signerName.js";
import { parseCaseReference } from "../../src/domain/caseReference.js";
import { parseFreeText } from "../../src/domain/registration/answers.js";

const ZWNJ = "\u200c";
const ZWJ = "\u200d";
const SOFT_HYPHEN = "\u00ad";
const LRM = "\u200e";
const RLM = "\u200f";
const ALM = "\u061c";
const WORD_JOINER = "\u2060";
const INVISIBLE_TIMES = "\u2062";
const INVISIBLE_PLUS = "\u2064";
const FIRST_STRONG_ISOLATE = "\u2068";
const INHIBIT_SYMMETRIC_SWAPPING = "\u206a";
const NOMINAL_DIGIT_SHAPES = "\u206f";

/** Every character of U+2060–U+206F, the soft hyphen and LRM/RLM/ALM. */
const ALL_REMOVED = [SOFT_HYPHEN, LRM, RLM, ALM, ...Array.from({ length: 0x10 }, (_, i) => String.fromCodePoint(0x2060 + i))];

describe("a name typed with invisible characters is stored as the name people see", () => {
  it.each([
    ["a word joiner inside a Latin name", `Hasan${WORD_JOINER}zadeh`, "Hasanzadeh"],
    ["a soft hyphen pasted from a document", `Hasan${SOFT_HYPHEN}zadeh`, "Hasanzadeh"],
    ["invisible operators between words", `Amir${INVISIBLE_TIMES} Karimi${INVISIBLE_PLUS}`, "Amir Karimi"],
    ["LRM and RLM around a Persian name", `${RLM}مریم رحیمی${LRM}`, "مریم رحیمی"],
    ["an Arabic letter mark", `علی${ALM} کریمی`, "علی کریمی"],
    ["a first-strong isolate and deprecated format characters", `${FIRST_STRONG_ISOLATE}رضا${INHIBIT_SYMMETRIC_SWAPPING} احمدی${NOMINAL_DIGIT_SHAPES}`, "رضا احمدی"],
  ])("%s", (_story, typed, stored) => {
    expect(cleanName(typed)).toEqual({ ok: true, value: stored });
  });

  it("keeps the ZWNJ of «حسن‌زاده» (Persian needs it) but not a word joiner or soft hyphen next to it", () => {
    expect(cleanName(`حسن${WORD_JOINER}${ZWNJ}${SOFT_HYPHEN}زاده`)).toEqual({ ok: true, value: `حسن${ZWNJ}زاده` });
  });

  it("does not accept a name made of invisible characters only", () => {
    expect(cleanName(ALL_REMOVED.join(""))).toEqual({ ok: false, reason: "empty" });
    expect(cleanName(` ${WORD_JOINER} ${SOFT_HYPHEN} ${LRM} `)).toEqual({ ok: false, reason: "empty" });
  });

  it("removes every character of U+2060–U+206F, the soft hyphen, LRM, RLM and ALM", () => {
    for (const ch of ALL_REMOVED) expect(cleanName(`Ali${ch}reza`)).toEqual({ ok: true, value: "Alireza" });
  });

  it("a signer's name on a petition list is cleaned the same way, also as initials", () => {
    expect(storedSignerName("full", `${WORD_JOINER}Maryam${SOFT_HYPHEN} Rahimi${RLM}`)).toEqual({ ok: true, value: "Maryam Rahimi" });
    expect(storedSignerName("initials", `${ALM}مریم ${WORD_JOINER}رحیمی`)).toEqual({ ok: true, value: "م. ر." });
  });

  it("other names of the relative lose them too, with ZWNJ kept", () => {
    expect(parseFreeText(`Hasan${WORD_JOINER}zadeh, حسن${ZWNJ}زاده${RLM}`, 200, { name: true })).toEqual({ ok: true, value: `Hasanzadeh, حسن${ZWNJ}زاده` });
  });
});

describe("matching sees through invisible characters", () => {
  it.each([
    [`Hasan${WORD_JOINER}zadeh`, "hasanzadeh"],
    [`Hasan${SOFT_HYPHEN}zadeh`, "hasanzadeh"],
    [`حسن${ZWNJ}زاده`, "حسنزاده"],
    [`حسن${INVISIBLE_TIMES}زاده${LRM}`, "حسنزاده"],
    [`${ALM}علي${NOMINAL_DIGIT_SHAPES}`, "علی"],
  ])("%j normalises to %j (one word, not split at the invisible character)", (typed, normalised) => {
    expect(normalizeName(typed)).toBe(normalised);
  });

  it("gives a name with a hidden word joiner the same search keys as the plain name", () => {
    expect(nameSearchKeys(`Amir Hasan${WORD_JOINER}zadeh`)).toEqual(nameSearchKeys("Amir Hasanzadeh"));
    expect(nameSearchKeys(`امیر حسن${SOFT_HYPHEN}زاده`)).toEqual(nameSearchKeys(`امیر حسن${ZWNJ}زاده`));
    expect(compareNames(`Ka${INVISIBLE_TIMES}rimi${RLM}`, "Karimi").score).toBe(1);
  });
});

describe("numbers and free text", () => {
  it("a year or a case reference typed with a word joiner or soft hyphen is still read", () => {
    expect(stripInvisibleMarks(`۱۳${WORD_JOINER}۸۱${SOFT_HYPHEN}`)).toBe("۱۳۸۱");
    expect(parseInteger(`${LRM}۱۳${INVISIBLE_TIMES}۶۰${ALM}`)).toBe(1360);
    expect(parseCaseReference(`1234${WORD_JOINER}-5678-6${SOFT_HYPHEN}`)).toBe("1234-5678-6");
  });

  it("a family's note loses word joiners and soft hyphens but keeps ZWNJ, ZWJ emoji and direction marks", () => {
    const typed = `سلام${WORD_JOINER} مادر${SOFT_HYPHEN}ش می${ZWNJ}خواهد صدایش را بشنود 👨${ZWJ}👩${ZWJ}👦 (UN)${RLM}.`;
    expect(parseFreeText(typed, 1000, { multiline: true })).toEqual({
      ok: true,
      value: `سلام مادرش می${ZWNJ}خواهد صدایش را بشنود 👨${ZWJ}👩${ZWJ}👦 (UN)${RLM}.`,
    });
  });

  it("a letter or petition text loses the same invisible characters", () => {
    expect(cleanText(`Dear${WORD_JOINER} friend${SOFT_HYPHEN}s${INHIBIT_SYMMETRIC_SWAPPING}`, 100)).toEqual({ ok: true, value: "Dear friends" });
    expect(cleanText(`${WORD_JOINER}${SOFT_HYPHEN}${NOMINAL_DIGIT_SHAPES}`, 100)).toMatchObject({ ok: false, error: "empty" });
  });
});
