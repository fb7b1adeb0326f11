import { nationalDays } from './holidays';
import { yearOf } from './local-date';
import {
  buildWorkingCalendar,
  type CalendarPolicy,
  type CalendarSpec,
  type HolidayLookup,
  holidayLookup,
  type WorkingCalendar,
} from './working-calendar-core';

const byYear = new Map<number, HolidayLookup>();

/** Indonesian national days (decree data, or estimates outside its years), as a lookup. */
export const nationalHolidayLookup: HolidayLookup = (date) => {
  const year = yearOf(date);
  let lookup = byYear.get(year);
  if (!lookup) {
    lookup = holidayLookup(nationalDays(year));
    byYear.set(year, lookup);
  }
  return lookup(date);
};

/**
 * Builds the working calendar of a policy: weekdays (default Mon–Fri), Indonesian national holidays, election
 * days and cuti bersama from the decree data (./data; computed estimates outside its years), the file's extra
 * non-working and working days, and working hours (`override` replaces the file's). See buildWorkingCalendar
 * for a variant that takes the national days as a list (for workflow code).
 * @throws RangeError when the time zone is unknown or a working-hours entry is malformed.
 */
export function workingCalendar(
  policy: CalendarPolicy,
  override?: CalendarSpec['workingHours'],
): WorkingCalendar {
  return buildWorkingCalendar(policy, nationalHolidayLookup, override);
}
