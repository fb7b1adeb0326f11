import { DateTime } from 'luxon';

/** A calendar date with no zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

/** Weekday names used in policy files, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One weekday name. */
export type Weekday = (typeof WEEKDAYS)[number];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is `YYYY-MM-DD` and a real calendar date (2023-02-30 is not). */
export function isValidLocalDate(s: string): boolean {
  return DATE_RE.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

/** Parses a local date; date arithmetic is done in UTC so no zone offset can shift the day. */
function toUtcDay(date: LocalDate): DateTime {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  if (!DATE_RE.test(date) || !dt.isValid)
    throw new RangeError(`invalid date "${date}" (expected YYYY-MM-DD)`);
  return dt;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  return toUtcDay(date).plus({ days: n }).toISODate() as LocalDate;
}

/** The weekday of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  const w = WEEKDAYS[toUtcDay(date).weekday - 1];
  if (w === undefined) throw new RangeError(`no weekday for "${date}"`);
  return w;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (ISO dates sort as strings). */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar year of a local date. */
export function yearOf(date: LocalDate): number {
  return toUtcDay(date).year;
}
