// Codes in the desk reader's words: provinces, statuses, dates in their calendar, digits and time
// zone, a case's timeline — the same locale keys the chat uses, so both say the same thing.

import { formatDigits, isPersianLocale } from "../../domain/digits.js";
import { utcOffsetMinutes } from "../../domain/localTime.js";
import { listProvinces, provinceName } from "../../domain/provinces.js";
import { LOCATION_OTHER, LOCATION_UNKNOWN } from "../../domain/registration/draft.js";
import { formatDate } from "../../domain/yearInput.js";
import type { TimelineEntry } from "../../services/cases/caseTypes.js";
import { locationName, type BelievedLocation } from "../../services/locations.js";
import type { DeskReader } from "./deskReader.js";

type Words = Pick<DeskReader, "t" | "locale" | "timeZone">;

export function provinceLabel(reader: Words, code: string): string {
  return code === "abroad" ? reader.t("province-abroad") : provinceName(code, reader.locale);
}

/** Every province code (and families outside Iran) in the order of their names in the reader's alphabet. */
export function provinceOrderFor(reader: Words): string[] {
  const collator = new Intl.Collator(reader.locale);
  return [...listProvinces().map((p) => p.code), "abroad"]
    .map((code) => ({ code, label: provinceLabel(reader, code) }))
    .sort((a, b) => collator.compare(a.label, b.label))
    .map(({ code }) => code);
}

export function statusLabel(reader: Words, status: string): string {
  return reader.t(`status-${status}`);
}

/** A day on the reader's clock, in their calendar and digits ("۷ آذر ۱۴۰۵", "28 Nov 2026"). */
export function dayLabel(reader: Words, at: Date): string {
  return formatDate(at, reader.locale, { utcOffsetMinutes: utcOffsetMinutes(reader.timeZone, at) });
}

/** A day and its time on the reader's clock ("۷ آذر ۱۴۰۵، ۰۹:۰۵"). */
export function momentLabel(reader: Words, at: Date): string {
  const offset = utcOffsetMinutes(reader.timeZone, at);
  const local = new Date(at.getTime() + offset * 60_000);
  const time = formatDigits(`${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`, reader.locale);
  return `${formatDate(at, reader.locale, { utcOffsetMinutes: offset })}${isPersianLocale(reader.locale) ? "، " : ", "}${time}`;
}

/** What happened, in words: "Status changed: Closed (reunited)", "Registered", "Changed by the family". */
export function timelineWhat(reader: Words, entry: TimelineEntry): string {
  if (entry.type === "status" && entry.to) {
    const reason = entry.closeReason ? ` (${reader.t(`close-reason-${entry.closeReason}`)})` : "";
    return `${reader.t("timeline-status")}: ${statusLabel(reader, entry.to)}${reason}`;
  }
  return reader.t(`timeline-${entry.type}`);
}

/** A believed location's name: a coordinator's location in the reader's language, or "other"/"unknown". */
export function locationLabel(reader: Words, code: string, locations: readonly BelievedLocation[]): string {
  if (code === LOCATION_UNKNOWN) return reader.t("desk-location-unknown");
  if (code === LOCATION_OTHER) return reader.t("location-other");
  const location = locations.find((l) => l.code === code);
  return location ? locationName(location, reader.locale) : code;
}
