import { describe, expect, it } from "vitest";
import { dayInZone, utcOffsetMinutes } from "../../src/domain/petitions/calendarDay.js";
import { APPEAL_LIMITS, checkAppeal, cleanText, parseDeadline, pickLocalized } from "../../src/domain/petitions/content.js";
import { csvDocument, csvField, csvRow, UTF8_BOM } from "../../src/domain/petitions/csv.js";
import { canTransition, notSignableReason } from "../../src/domain/petitions/lifecycle.js";
import { newlyReachedMilestones, nextMilestone, parseCount, parseMilestones, reachedMilestones } from "../../src/domain/petitions/milestones.js";
import { generatePetitionRef, isPetitionRef } from "../../src/domain/petitions/petitionRef.js";
import { progressBar, progressPercent } from "../../src/domain/petitions/progress.js";
import { initialsOf, signerDisplayName, storedSignerName } from "../../src/domain/petitions/signerName.js";
import { parseStartPayload, petitionStartPayload } from "../../src/domain/startPayload.js";

describe("milestones", () => {
  it("are typed in any digit script, with or without thousands separators, and come back sorted without duplicates", () => {
    expect(parseMilestones("1000, 5000, 10000")).toEqual({ ok: true, value: [1000, 5000, 10000] });
    expect(parseMilestones("۱۰۰۰ ۵۰۰۰ ۱۰۰۰۰")).toEqual({ ok: true, value: [1000, 5000, 10000] });
    expect(parseMilestones("10,000، 1,000 / 5٬000")).toEqual({ ok: true, value: [1000, 5000, 10000] });
    expect(parseMilestones("1000,5000,1000")).toEqual({ ok: true, value: [1000, 5000] });
  });

  it("refuse words, zero, and more than ten", () => {
    expect(parseMilestones("a thousand")).toEqual({ ok: false, error: "not-a-number" });
    expect(parseMilestones("0, 100")).toEqual({ ok: false, error: "out-of-range" });
    expect(parseMilestones("")).toEqual({ ok: false, error: "not-a-number" });
    expect(parseMilestones(Array.from({ length: 11 }, (_, i) => (i + 1) * 100).join(" "))).toEqual({ ok: false, error: "too-many" });
  });

  it("a count is reached when it equals or passes a milestone; already recorded ones are not reached again", () => {
    expect(reachedMilestones([1000, 5000, 10000], 999)).toEqual([]);
    expect(reachedMilestones([1000, 5000, 10000], 1000)).toEqual([1000]);
    expect(reachedMilestones([5000, 1000], 7000)).toEqual([1000, 5000]);
    // A jump over two milestones at once (a burst of signatures) reaches both.
    expect(newlyReachedMilestones([100, 200, 300], 250, [100])).toEqual([200]);
    expect(newlyReachedMilestones([100, 200], 250, [100, 200])).toEqual([]);
    expect(nextMilestone([1000, 5000], 1000)).toBe(5000);
    expect(nextMilestone([1000], 1000)).toBeUndefined();
  });

  it("parse a single count the same way", () => {
    expect(parseCount("۱۱٬۵۰۰")).toBe(11500);
    expect(parseCount("11,500")).toBe(11500);
    expect(parseCount("11500")).toBe(11500);
    expect(parseCount("11.5k")).toBeNull();
  });
});

describe("CSV for spreadsheet programs", () => {
  it("quotes commas, quotes and line breaks, and doubles inner quotes", () => {
    expect(csvField("Rahimi, Maryam")).toBe('"Rahimi, Maryam"');
    expect(csvField('the "camp"')).toBe('"the ""camp"""');
    expect(csvField("line one\r\nline two")).toBe('"line one\nline two"');
    expect(csvField(" padded ")).toBe('" padded "');
    expect(csvField("مریم رحیمی")).toBe("مریم رحیمی");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+98 912")).toBe("'+98 912");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@me")).toBe("'@me");
  });

  it("writes a BOM, a header and CRLF line ends", () => {
    const doc = csvDocument(["number", "name"], [[1, "زهرا"], [2, 'Z, "A"']]);
    expect(doc.startsWith(UTF8_BOM)).toBe(true);
    expect(doc).toBe(`${UTF8_BOM}number,name\r\n1,زهرا\r\n2,"Z, ""A"""\r\n`);
    expect(csvRow([])).toBe("");
  });
});

describe("signer names", () => {
  it("initials work for Persian and Latin names; a ZWNJ compound is one word", () => {
    expect(initialsOf("Maryam Rahimi")).toBe("M. R.");
    expect(initialsOf("مریم رحیمی")).toBe("م. ر.");
    expect(initialsOf("علی حسن\u200cزاده")).toBe("ع. ح.");
    expect(initialsOf("jean-paul sartre")).toBe("J. P. S.");
  });

  it("choosing initials stores only the initials; a bad name is refused with a reason", () => {
    expect(storedSignerName("initials", "  Maryam   Rahimi ")).toEqual({ ok: true, value: "M. R." });
    expect(storedSignerName("full", "  Maryam   Rahimi ")).toEqual({ ok: true, value: "Maryam Rahimi" });
    expect(storedSignerName("full", "   ")).toEqual({ ok: false, reason: "empty" });
    expect(storedSignerName("full", "12345")).toEqual({ ok: false, reason: "no_letters" });
    expect(storedSignerName("full", "a".repeat(81))).toEqual({ ok: false, reason: "too_long" });
  });

  it("anonymous signers are shown with the caller's label", () => {
    expect(signerDisplayName({ nameDisplay: "anonymous", name: null }, "(no name)")).toBe("(no name)");
    expect(signerDisplayName({ nameDisplay: "initials", name: "M. R." }, "(no name)")).toBe("M. R.");
  });
});

describe("petition lifecycle", () => {
  it("goes draft → open → closed → delivered; a closed one may reopen; nothing leaves delivered", () => {
    expect(canTransition("draft", "open")).toBe(true);
    expect(canTransition("open", "closed")).toBe(true);
    expect(canTransition("closed", "delivered")).toBe(true);
    expect(canTransition("closed", "open")).toBe(true);
    expect(canTransition("draft", "closed")).toBe(false);
    expect(canTransition("open", "delivered")).toBe(false);
    expect(canTransition("delivered", "open")).toBe(false);
  });

  it("can be signed only while open and before its deadline", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(notSignableReason({ status: "open", deadline: null }, now)).toBeNull();
    expect(notSignableReason({ status: "open", deadline: new Date("2026-12-01T10:00:01Z") }, now)).toBeNull();
    expect(notSignableReason({ status: "open", deadline: new Date("2026-11-30T10:00:00Z") }, now)).toBe("deadline_passed");
    expect(notSignableReason({ status: "closed" }, now)).toBe("not_open");
    expect(notSignableReason({ status: "draft" }, now)).toBe("not_open");
  });
});

describe("deadlines", () => {
  const now = new Date("2026-11-27T10:00:00Z");
  it("accept a Gregorian or a Solar Hijri day and last until the end of that day in Tehran", () => {
    const gregorian = parseDeadline("2027-03-20", now, 210);
    expect(gregorian).toEqual({ ok: true, value: new Date("2027-03-20T20:29:59Z") });
    // 29 Esfand 1405 is 20 March 2027.
    expect(parseDeadline("۱۴۰۵/۱۲/۲۹", now, 210)).toEqual(gregorian);
  });

  it("refuse impossible and past days", () => {
    expect(parseDeadline("2027-02-30", now, 210)).toEqual({ ok: false, error: "not-a-date" });
    expect(parseDeadline("1405/13/01", now, 210)).toEqual({ ok: false, error: "not-a-date" });
    expect(parseDeadline("tomorrow", now, 210)).toEqual({ ok: false, error: "not-a-date" });
    expect(parseDeadline("2026-11-26", now, 210)).toEqual({ ok: false, error: "in-the-past" });
  });

  it("days and offsets follow the organisers' time zone", () => {
    // 22:00 UTC is already the next day in Tehran (+03:30).
    expect(dayInZone(new Date("2026-11-27T22:00:00Z"), "Asia/Tehran")).toBe("2026-11-28");
    expect(dayInZone(new Date("2026-11-27T22:00:00Z"), "UTC")).toBe("2026-11-27");
    expect(utcOffsetMinutes("Asia/Tehran", now)).toBe(210);
    expect(utcOffsetMinutes("UTC", now)).toBe(0);
  });
});

describe("appeals", () => {
  it("accept text, a photo (with its caption) and a short voice message", () => {
    expect(checkAppeal({ kind: "text", text: "  Dear son,\r\n\r\n\r\nwe wait for you.  " })).toEqual({ ok: true, value: { kind: "text", text: "Dear son,\n\nwe wait for you." } });
    expect(checkAppeal({ kind: "photo", fileId: "f", fileUniqueId: "u", fileSize: 300_000, caption: "نامهٔ مادر" })).toEqual({
      ok: true,
      value: { kind: "photo", fileId: "f", fileUniqueId: "u", fileSize: 300_000, text: "نامهٔ مادر" },
    });
    expect(checkAppeal({ kind: "voice", fileId: "v", fileUniqueId: "w", duration: 95 })).toEqual({ ok: true, value: { kind: "voice", fileId: "v", fileUniqueId: "w", durationSeconds: 95 } });
  });

  it("refuse what is too long, too large or not deliverable, each with its reason", () => {
    expect(checkAppeal({ kind: "text", text: "x".repeat(APPEAL_LIMITS.textChars + 1) })).toMatchObject({ ok: false, reason: "text-too-long" });
    expect(checkAppeal({ kind: "text", text: "\u200b " })).toMatchObject({ ok: false, reason: "text-empty" });
    expect(checkAppeal({ kind: "photo", fileId: "f", fileUniqueId: "u", fileSize: APPEAL_LIMITS.photoBytes + 1 })).toMatchObject({ ok: false, reason: "photo-too-large", limitMb: 10 });
    expect(checkAppeal({ kind: "voice", fileId: "v", fileUniqueId: "w", duration: 301 })).toMatchObject({ ok: false, reason: "voice-too-long", limitMinutes: 5 });
    expect(checkAppeal({ kind: "voice", fileId: "v", fileUniqueId: "w", duration: 60, fileSize: 21 * 1024 * 1024 })).toMatchObject({ ok: false, reason: "voice-too-large" });
    expect(checkAppeal({ kind: "unsupported", what: "sticker" })).toEqual({ ok: false, reason: "unsupported", what: "sticker" });
  });

  it("clean free text: bidi overrides removed, spaces collapsed, limit counted in characters", () => {
    expect(cleanText("a\u202eb  c", 10)).toEqual({ ok: true, value: "ab c" });
    expect(cleanText("زهرا", 4)).toEqual({ ok: true, value: "زهرا" });
    expect(cleanText("زهرا!", 4)).toEqual({ ok: false, error: "too-long", limit: 4 });
  });
});

describe("references, links and progress", () => {
  it("refs are eight characters without look-alikes, and travel in deep links", () => {
    let seed = 0;
    const ref = generatePetitionRef(() => ((seed = (seed * 9301 + 49297) % 233280) / 233280));
    expect(isPetitionRef(ref)).toBe(true);
    expect(ref).not.toMatch(/[l1o0]/);
    expect(parseStartPayload(petitionStartPayload(ref))).toEqual({ kind: "petition", ref });
    expect(parseStartPayload("p_")).toEqual({ kind: "unknown" });
    expect(parseStartPayload("p_UPPER")).toEqual({ kind: "unknown" });
  });

  it("a petition text is shown in the reader's language, else English, else Persian", () => {
    const texts = [
      { locale: "fa", title: "فا" },
      { locale: "en", title: "En" },
    ];
    expect(pickLocalized(texts, "fa-IR")?.title).toBe("فا");
    expect(pickLocalized(texts, "sq")?.title).toBe("En");
    expect(pickLocalized([{ locale: "fa", title: "فا" }], "sq")?.title).toBe("فا");
  });

  it("progress is a bar and a percent that may pass 100", () => {
    expect(progressBar(0, 100)).toBe("▱▱▱▱▱▱▱▱▱▱");
    expect(progressBar(35, 100)).toBe("▰▰▰▱▱▱▱▱▱▱");
    expect(progressBar(250, 100)).toBe("▰▰▰▰▰▰▰▰▰▰");
    expect(progressPercent(11_500, 10_000)).toBe(115);
  });
});
