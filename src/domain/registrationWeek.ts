// The week a case was registered in, stored on the case (`registeredWeek`) so that a broad list of
// cases in registration order (the desk's table, /find with no name) can be read a week at a time:
// an equality on the week selects about one week of cases, which FerretDB pushes down to its
// database and MongoDB reads from the index `registeredWeek_1_createdAt_-1__id_-1`, instead of
// sorting every case (README "Performance"). Weeks start on Monday, 00:00 UTC; a key is that
// Monday's date, "2026-11-23".

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** The key of the week `at` falls in: the date of its Monday (UTC). */
export function registrationWeek(at: Date): string {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** The week keys from `from`'s week to `to`'s week, both included, oldest first (empty when `to` is earlier). */
export function weeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  const last = Date.parse(`${registrationWeek(to)}T00:00:00Z`);
  for (let monday = Date.parse(`${registrationWeek(from)}T00:00:00Z`); monday <= last; monday += WEEK_MS) {
    weeks.push(new Date(monday).toISOString().slice(0, 10));
  }
  return weeks;
}

/**
 * The weeks a list in registration order reads, in its order: the weeks the tally counted cases in
 * (counted at `countedAt`), and every week since then, the weeks whose cases the tally cannot know
 * yet, up to `now`'s. Newest first unless `ascending`.
 */
export function weeksToRead(counted: Readonly<Record<string, number>>, countedAt: Date, now: Date, ascending: boolean): string[] {
  const weeks = new Set(Object.keys(counted).filter((week) => (counted[week] ?? 0) > 0));
  for (const week of weeksBetween(countedAt, now)) weeks.add(week);
  const oldestFirst = [...weeks].sort();
  return ascending ? oldestFirst : oldestFirst.reverse();
}
