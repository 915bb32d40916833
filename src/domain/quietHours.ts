import { utcOffsetMinutes } from "./localTime.js";

/**
 * Each family's own daytime (issue #10): no reminder reaches anyone between 22:00 and 08:00 on
 * their wall clock. Computed with the platform's time zone data (Intl), so daylight saving (Europe)
 * and its absence (Iran since 2022) come from the same tables the rest of the bot uses.
 */
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

const MINUTE_MS = 60_000;

/** True when the name is an IANA time zone the platform knows ("Asia/Tehran", "Europe/Tirane"). */
export function isTimeZone(name: string): boolean {
  if (name.trim() === "" || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `timeZone` at an instant, as UTC fields of a shifted date. */
function wallClock(at: Date, timeZone: string): Date {
  return new Date(at.getTime() + utcOffsetMinutes(timeZone, at) * MINUTE_MS);
}

/** True between 22:00 and 08:00 on the wall clock of `timeZone`. */
export function isQuiet(now: Date, timeZone: string): boolean {
  const hour = wallClock(now, timeZone).getUTCHours();
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/**
 * The next 08:00 on the wall clock of `timeZone` after `now` (the moment a reminder that fell due
 * in the night is delivered). Two passes settle the offset on a daylight-saving day.
 */
export function nextMorning(now: Date, timeZone: string): Date {
  const wall = wallClock(now, timeZone);
  const day = wall.getUTCHours() < QUIET_UNTIL_HOUR ? wall.getUTCDate() : wall.getUTCDate() + 1;
  const morningWall = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), day, QUIET_UNTIL_HOUR, 0);
  let at = new Date(morningWall - utcOffsetMinutes(timeZone, new Date(morningWall)) * MINUTE_MS);
  at = new Date(morningWall - utcOffsetMinutes(timeZone, at) * MINUTE_MS);
  return at;
}
