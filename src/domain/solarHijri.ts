// Solar Hijri (Jalali) ⇄ Gregorian conversion, a re-implementation of the jalaali-js algorithm
// (Borkowski's breaks table), exact for Solar Hijri years -61 … 3177.
// Families count years in Solar Hijri ("he left in 1381"); we store Gregorian.

export interface CalendarDate {
  year: number;
  /** 1-based month. */
  month: number;
  day: number;
}

/** Solar Hijri years at which the 33-year leap cycle shifts (jalaali-js). */
const BREAKS = [
  -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
] as const;

export const MIN_SOLAR_HIJRI_YEAR = BREAKS[0];
/** One before the last break. */
export const MAX_SOLAR_HIJRI_YEAR = 3177;

/** Offset between a Solar Hijri year and the Gregorian year in which its 1 Farvardin falls. */
const YEAR_OFFSET = 621;

function div(a: number, b: number): number {
  return Math.trunc(a / b);
}

function mod(a: number, b: number): number {
  return a - Math.trunc(a / b) * b;
}

function assertYearInRange(sy: number): void {
  if (!Number.isInteger(sy) || sy < MIN_SOLAR_HIJRI_YEAR || sy > MAX_SOLAR_HIJRI_YEAR) {
    throw new RangeError(`Solar Hijri year out of supported range: ${sy}`);
  }
}

interface YearInfo {
  /** Years since the last leap year: 0 means this year is leap. */
  leap: number;
  /** Gregorian year in which 1 Farvardin falls. */
  gy: number;
  /** Day of March on which 1 Farvardin falls. */
  march: number;
}

function solarHijriYearInfo(sy: number): YearInfo {
  assertYearInRange(sy);
  const gy = sy + YEAR_OFFSET;
  let leapJ = -14;
  let jp: number = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i += 1) {
    const jm = BREAKS[i] as number;
    jump = jm - jp;
    if (sy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = sy - jp;
  // Leap years from AD 621 to the start of this Solar Hijri year, in both calendars.
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;

  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap, gy, march };
}

/** Julian day number of a Gregorian date. */
function gregorianToDayNumber(gy: number, gm: number, gd: number): number {
  const d =
    div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
}

function dayNumberToGregorian(jdn: number): CalendarDate {
  let j = 4 * jdn + 139361631;
  j += div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const i = div(mod(j, 1461), 4) * 5 + 308;
  const day = div(mod(i, 153), 5) + 1;
  const month = mod(div(i, 153), 12) + 1;
  const year = div(j, 1461) - 100100 + div(8 - month, 6);
  return { year, month, day };
}

function solarHijriToDayNumber(sy: number, sm: number, sd: number): number {
  const { gy, march } = solarHijriYearInfo(sy);
  return gregorianToDayNumber(gy, 3, march) + (sm - 1) * 31 - div(sm, 7) * (sm - 7) + sd - 1;
}

function dayNumberToSolarHijri(jdn: number): CalendarDate {
  const gy = dayNumberToGregorian(jdn).year;
  let year = gy - YEAR_OFFSET;
  const info = solarHijriYearInfo(year);
  let k = jdn - gregorianToDayNumber(gy, 3, info.march);
  if (k >= 0) {
    if (k <= 185) return { year, month: 1 + div(k, 31), day: mod(k, 31) + 1 };
    k -= 186;
  } else {
    // Before 1 Farvardin: the last months of the previous Solar Hijri year.
    year -= 1;
    k += 179;
    if (info.leap === 1) k += 1;
  }
  return { year, month: 7 + div(k, 30), day: mod(k, 30) + 1 };
}

export function isLeapSolarHijriYear(year: number): boolean {
  return solarHijriYearInfo(year).leap === 0;
}

/** Farvardin … Shahrivar have 31 days, Mehr … Bahman 30, Esfand 29 or 30 in a leap year. */
export function solarHijriMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isLeapSolarHijriYear(year) ? 30 : 29;
}

export function isValidSolarHijriDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_SOLAR_HIJRI_YEAR &&
    year <= MAX_SOLAR_HIJRI_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= solarHijriMonthLength(year, month)
  );
}

function isValidGregorianDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** Gregorian date → Solar Hijri date. Throws RangeError for an invalid Gregorian date. */
export function toSolarHijri(gregorian: CalendarDate): CalendarDate {
  if (!isValidGregorianDate(gregorian)) {
    throw new RangeError(`Invalid Gregorian date: ${gregorian.year}-${gregorian.month}-${gregorian.day}`);
  }
  return dayNumberToSolarHijri(gregorianToDayNumber(gregorian.year, gregorian.month, gregorian.day));
}

/** Solar Hijri date → Gregorian date. Throws RangeError for an invalid Solar Hijri date. */
export function toGregorian(solarHijri: CalendarDate): CalendarDate {
  if (!isValidSolarHijriDate(solarHijri)) {
    throw new RangeError(`Invalid Solar Hijri date: ${solarHijri.year}-${solarHijri.month}-${solarHijri.day}`);
  }
  return dayNumberToGregorian(solarHijriToDayNumber(solarHijri.year, solarHijri.month, solarHijri.day));
}

/**
 * The Gregorian year in which most of a Solar Hijri year falls (1 Farvardin … ~10 Dey),
 * e.g. 1381 → 2002.
 */
export function solarHijriYearToGregorian(year: number): number {
  return year + YEAR_OFFSET;
}

/** The Solar Hijri year that starts (1 Farvardin, ~21 March) in a Gregorian year, e.g. 2002 → 1381. */
export function gregorianYearToSolarHijri(year: number): number {
  return year - YEAR_OFFSET;
}
