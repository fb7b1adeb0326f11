import { DateTime } from 'luxon';
import { addDays, compareDates, isValidLocalDate, type LocalDate } from './local-date';
import { MAX_SEARCH_DAYS, type WorkingCalendar } from './working-calendar-core';

/** One review cycle of an open-ended letter: its calendar span and the working days in it. */
export interface ReviewCycle {
  /** First calendar day of the cycle. */
  readonly start: LocalDate;
  /** Last calendar day of the cycle: the day before `start` plus `everyMonths` months. */
  readonly end: LocalDate;
  /** The working days from `start` through `end`, ascending. */
  readonly days: readonly LocalDate[];
}

/**
 * The last calendar day of a cycle of `everyMonths` months starting on `start` (1 June + 6 months ends on
 * 30 November; 31 August + 6 months ends on 27 February, the day before 28 February).
 */
export function reviewCycleEnd(start: LocalDate, everyMonths: number): LocalDate {
  if (!isValidLocalDate(start))
    throw new RangeError(`review cycle start "${start}" is not a date YYYY-MM-DD`);
  if (!Number.isInteger(everyMonths) || everyMonths < 1)
    throw new RangeError(`review cycle everyMonths ${everyMonths} must be a whole number of at least 1`);
  const next = DateTime.fromISO(start, { zone: 'utc' })
    .plus({ months: everyMonths })
    .toISODate() as LocalDate;
  return addDays(next, -1);
}

/**
 * The review cycle of `everyMonths` months that starts on `start`: every working day of the calendar from the
 * start through the end of the last month of the cycle.
 * @throws RangeError when the cycle has no working day at all.
 */
export function reviewCycle(calendar: WorkingCalendar, start: LocalDate, everyMonths: number): ReviewCycle {
  const end = reviewCycleEnd(start, everyMonths);
  const days: LocalDate[] = [];
  for (let d = start, i = 0; compareDates(d, end) <= 0 && i < MAX_SEARCH_DAYS; d = addDays(d, 1), i++) {
    if (calendar.isWorkingDay(d)) days.push(d);
  }
  if (days.length === 0) throw new RangeError(`the review cycle ${start}..${end} has no working day`);
  return { start, end, days };
}
