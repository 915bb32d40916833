// What coordinators and signers may put into a petition or an appeal, and the limits on it.

import { normalizeDigits, stripInvisibleMarks } from "../digits.js";
import { INVISIBLE_IN_FREE_TEXT } from "../invisibleCharacters.js";
import { toGregorian, isValidSolarHijriDate } from "../solarHijri.js";

export const PETITION_LIMITS = {
  title: 150,
  /** The full text must fit one Telegram message (4096) with title, addressee and progress lines. */
  body: 3300,
  addressee: 200,
  country: 60,
  letterRecipient: 80,
  letterSender: 80,
} as const;

export const APPEAL_LIMITS = {
  textChars: 2000,
  captionChars: 1000,
  photoBytes: 10 * 1024 * 1024,
  /** Bots can fetch files up to 20 MB; longer recordings are hard to deliver anyway. */
  voiceBytes: 20 * 1024 * 1024,
  voiceSeconds: 300,
} as const;

export type TextAnswer = { ok: true; value: string } | { ok: false; error: "empty" | "too-long"; limit: number };

/**
 * Free text as typed: bidi overrides and invisible characters removed (they can hide or scramble
 * text), spaces collapsed, line breaks kept when multiline, at most `limit` characters.
 */
export function cleanText(raw: string, limit: number, options: { multiline?: boolean } = {}): TextAnswer {
  let text = raw.normalize("NFC").replace(INVISIBLE_IN_FREE_TEXT, "");
  text = options.multiline ? text.replace(/\r\n?/g, "\n").replace(/[^\S\n]+/g, " ").replace(/\n{3,}/g, "\n\n") : text.replace(/\s+/g, " ");
  text = text.replace(/\p{Cc}/gu, (c) => (options.multiline && c === "\n" ? c : "")).trim();
  if (text === "") return { ok: false, error: "empty", limit };
  if (Array.from(text).length > limit) return { ok: false, error: "too-long", limit };
  return { ok: true, value: text };
}

/** What a user sent as an appeal, reduced to what the checks need (no grammY types here). */
export type AppealInput =
  | { kind: "text"; text: string }
  | { kind: "photo"; fileId: string; fileUniqueId: string; fileSize?: number; caption?: string }
  | { kind: "voice"; fileId: string; fileUniqueId: string; fileSize?: number; duration: number }
  | { kind: "unsupported"; what: "sticker" | "video" | "video_note" | "audio" | "document" | "animation" | "location" | "contact" | "other" };

export type AppealContent =
  | { kind: "text"; text: string }
  | { kind: "photo"; fileId: string; fileUniqueId: string; fileSize?: number; text?: string }
  | { kind: "voice"; fileId: string; fileUniqueId: string; fileSize?: number; durationSeconds: number };

export type AppealRejection =
  | { reason: "text-empty" }
  | { reason: "text-too-long"; limit: number }
  | { reason: "caption-too-long"; limit: number }
  | { reason: "photo-too-large"; limitMb: number }
  | { reason: "voice-too-long"; limitMinutes: number }
  | { reason: "voice-too-large"; limitMb: number }
  | { reason: "unsupported"; what: Extract<AppealInput, { kind: "unsupported" }>["what"] };

export function checkAppeal(input: AppealInput): { ok: true; value: AppealContent } | ({ ok: false } & AppealRejection) {
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  switch (input.kind) {
    case "text": {
      const text = cleanText(input.text, APPEAL_LIMITS.textChars, { multiline: true });
      if (!text.ok) return text.error === "empty" ? { ok: false, reason: "text-empty" } : { ok: false, reason: "text-too-long", limit: text.limit };
      return { ok: true, value: { kind: "text", text: text.value } };
    }
    case "photo": {
      if ((input.fileSize ?? 0) > APPEAL_LIMITS.photoBytes) return { ok: false, reason: "photo-too-large", limitMb: mb(APPEAL_LIMITS.photoBytes) };
      let caption: string | undefined;
      if (input.caption !== undefined) {
        const cleaned = cleanText(input.caption, APPEAL_LIMITS.captionChars, { multiline: true });
        if (!cleaned.ok && cleaned.error === "too-long") return { ok: false, reason: "caption-too-long", limit: cleaned.limit };
        if (cleaned.ok) caption = cleaned.value;
      }
      return {
        ok: true,
        value: { kind: "photo", fileId: input.fileId, fileUniqueId: input.fileUniqueId, ...(input.fileSize ? { fileSize: input.fileSize } : {}), ...(caption ? { text: caption } : {}) },
      };
    }
    case "voice": {
      if (input.duration > APPEAL_LIMITS.voiceSeconds) return { ok: false, reason: "voice-too-long", limitMinutes: APPEAL_LIMITS.voiceSeconds / 60 };
      if ((input.fileSize ?? 0) > APPEAL_LIMITS.voiceBytes) return { ok: false, reason: "voice-too-large", limitMb: mb(APPEAL_LIMITS.voiceBytes) };
      return {
        ok: true,
        value: { kind: "voice", fileId: input.fileId, fileUniqueId: input.fileUniqueId, ...(input.fileSize ? { fileSize: input.fileSize } : {}), durationSeconds: input.duration },
      };
    }
    case "unsupported":
      return { ok: false, reason: "unsupported", what: input.what };
  }
}

export type DeadlineParse = { ok: true; value: Date } | { ok: false; error: "not-a-date" | "in-the-past" };

/**
 * A deadline typed as a day: "2027-03-20" (Gregorian) or "1405/12/29" (Solar Hijri, any digit
 * script). The petition stays open until the end of that day on the organisers' wall clock.
 */
export function parseDeadline(raw: string, now: Date, utcOffsetMinutes: number): DeadlineParse {
  const text = normalizeDigits(stripInvisibleMarks(raw)).trim();
  const match = /^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/.exec(text);
  if (!match) return { ok: false, error: "not-a-date" };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let gregorian: { year: number; month: number; day: number };
  if (year >= 1300 && year < 1600) {
    if (!isValidSolarHijriDate({ year, month, day })) return { ok: false, error: "not-a-date" };
    gregorian = toGregorian({ year, month, day });
  } else {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (year < 1900 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return { ok: false, error: "not-a-date" };
    gregorian = { year, month, day };
  }
  const endOfDay = new Date(Date.UTC(gregorian.year, gregorian.month - 1, gregorian.day, 23, 59, 59) - utcOffsetMinutes * 60_000);
  if (endOfDay.getTime() <= now.getTime()) return { ok: false, error: "in-the-past" };
  return { ok: true, value: endOfDay };
}

/** The text to show a reader: their locale, else English, else Persian, else whatever exists. */
export function pickLocalized<T extends { locale: string }>(texts: readonly T[], locale: string, fallbacks: readonly string[] = ["en", "fa"]): T | undefined {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  for (const wanted of [base, ...fallbacks]) {
    const found = texts.find((t) => t.locale === wanted);
    if (found) return found;
  }
  return texts[0];
}
