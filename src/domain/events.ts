import { formatDigits, isPersianLocale } from "./digits.js";
import { utcOffsetMinutes } from "./localTime.js";
import { isQuiet } from "./quietHours.js";
import { formatDate } from "./yearInput.js";

/** What an invited person answered; the link and the reminders go to Yes and Maybe. */
export const RSVP_ANSWERS = ["yes", "maybe", "no"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export type EventState = "scheduled" | "moved" | "cancelled";

export const attends = (answer: RsvpAnswer): boolean => answer !== "no";

const HOUR = 3_600_000;

export interface EventReminderPlan {
  before: "24h" | "1h";
  dueAt: Date;
  lateAfter: Date;
  quietHours: "respect" | "ignore";
}

/**
 * The two reminders of someone who said Yes or Maybe: 24 h and 1 h before, pointless once the
 * event began. The 1 h reminder may wake a reader only when the event itself is in their night
 * (they chose to be there then); otherwise both wait for the morning. Reminders already due are
 * left out.
 */
export function eventReminderPlan(startsAt: Date, readerTimeZone: string, now: Date): EventReminderPlan[] {
  const plan: EventReminderPlan[] = [
    { before: "24h", dueAt: new Date(startsAt.getTime() - 24 * HOUR), lateAfter: startsAt, quietHours: "respect" },
    { before: "1h", dueAt: new Date(startsAt.getTime() - HOUR), lateAfter: startsAt, quietHours: isQuiet(startsAt, readerTimeZone) ? "ignore" : "respect" },
  ];
  return plan.filter((reminder) => reminder.dueAt.getTime() > now.getTime());
}

const WEEKDAYS: Record<string, readonly string[]> = {
  fa: ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  sq: ["e diel", "e hënë", "e martë", "e mërkurë", "e enjte", "e premte", "e shtunë"],
};

/**
 * When an event starts, on the reader's wall clock and calendar: fa "جمعه ۱۰ آذر ۱۴۰۵، ساعت ۱۸:۳۰"
 * (Solar Hijri, Persian digits), en "Tuesday 1 Dec 2026, 18:30".
 */
export function formatEventTime(at: Date, locale: string, timeZone: string): string {
  const offset = utcOffsetMinutes(timeZone, at);
  const local = new Date(at.getTime() + offset * 60_000);
  const clock = `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
  const day = formatDate(at, locale, { utcOffsetMinutes: offset });
  const persian = isPersianLocale(locale);
  const weekday = (WEEKDAYS[persian ? "fa" : locale] ?? WEEKDAYS.en!)[local.getUTCDay()];
  return persian ? `${weekday} ${day}، ساعت ${formatDigits(clock, "fa")}` : `${weekday} ${day}, ${clock}`;
}
