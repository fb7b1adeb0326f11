/** Calendar arithmetic on ISO date strings, pure and clock-free (the directory only needs whole days). */

/** A calendar date as numbers. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True in Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Builds a date from numbers when it exists on the calendar (rejects 2023-02-29, month 13, day 0). */
export function makeYmd(year: number, month: number, day: number): Ymd | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Parses a strict ISO date `YYYY-MM-DD`; undefined when malformed or not a real date. */
export function parseIsoDate(s: string): Ymd | undefined {
  // Why char codes: called once or twice per employee row; a regex match allocates per call.
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 7);
  const day = digits(s, 8, 10);
  return year < 0 || month < 0 || day < 0 ? undefined : makeYmd(year, month, day);
}

/** The decimal value of s[from, to) when all are ASCII digits, else -1. */
export function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Formats as `YYYY-MM-DD`. */
export function formatIsoDate(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Months since year 0, so month arithmetic is integer arithmetic. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Whole years completed from `birth` to `on`. Someone born on 29 February becomes a year older on
 * 1 March in non-leap years (the birthday has not been reached on 28 February).
 */
export function yearsBetween(birth: Ymd, on: Ymd): number {
  const years = on.year - birth.year;
  const reached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return reached ? years : years - 1;
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
