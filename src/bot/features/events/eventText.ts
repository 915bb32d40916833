import type { InlineKeyboardButton } from "grammy/types";
import type { EventNoticeText } from "../../../domain/notices.js";
import { formatEventTime, RSVP_ANSWERS } from "../../../domain/events.js";
import { formatDigits } from "../../../domain/digits.js";
import type { RsvpCounts } from "../../../services/events.js";
import { rsvpButton } from "./callbacks.js";

type Translate = (key: string, args?: Record<string, string | number>) => string;

/** The reader's language, else Persian (always written), else the first. */
export function eventTextFor(texts: readonly EventNoticeText[], locale: string): EventNoticeText {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === "fa") ?? texts[0] ?? { locale, title: "", description: "" };
}

/** Title, description and time as one reader sees them. */
export function eventBody(t: Translate, texts: readonly EventNoticeText[], startsAt: Date, locale: string, timeZone: string): string {
  const text = eventTextFor(texts, locale);
  const lines = [`📅 ${text.title}`];
  if (text.description) lines.push(text.description);
  lines.push(t("ev-when", { time: formatEventTime(startsAt, locale, timeZone) }));
  return lines.join("\n\n");
}

export function rsvpKeyboard(t: Translate, eventId: string): { text: string; callbackData: string }[][] {
  return [RSVP_ANSWERS.map((answer) => ({ text: t(`ev-answer-${answer}`), callbackData: rsvpButton.pack({ answer, id: eventId }) }))];
}

export const asInlineButtons = (rows: { text: string; callbackData: string }[][]): InlineKeyboardButton[][] =>
  rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.callbackData })));

/** The organiser's figures: totals, then per province and per language. */
export function countsText(t: Translate, counts: RsvpCounts, locale: string, provinceName: (code: string) => string): string {
  const figures = (c: Record<string, number>) => t("ev-counts-line", { yes: formatDigits(c.yes ?? 0, locale), maybe: formatDigits(c.maybe ?? 0, locale), no: formatDigits(c.no ?? 0, locale) });
  const lines = [t("ev-counts-total", { figures: figures(counts.total) })];
  const provinces = Object.entries(counts.byProvince).sort(([a], [b]) => a.localeCompare(b));
  if (provinces.length > 0) lines.push(t("ev-counts-by-province"), ...provinces.map(([code, c]) => `• ${provinceName(code)}: ${figures(c)}`));
  const languages = Object.entries(counts.byLocale).sort(([a], [b]) => a.localeCompare(b));
  if (languages.length > 0) lines.push(t("ev-counts-by-language"), ...languages.map(([l, c]) => `• ${t(`language-name-${l}`)}: ${figures(c)}`));
  return lines.join("\n");
}
