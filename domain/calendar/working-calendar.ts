import { nationalHolidays } from './holidays';
import { yearOf } from './local-date';
import {
  buildWorkingCalendar,
  type CalendarPolicy,
  type CalendarSpec,
  type HolidayLookup,
  type WorkingCalendar,
} from './working-calendar-core';

/** Indonesian national holidays from date-holidays, as a lookup. */
export const nationalHolidayLookup: HolidayLookup = (date) => nationalHolidays(yearOf(date)).get(date);

/**
 * Builds the working calendar of a policy: weekdays (default Mon–Fri), Indonesian national holidays from
 * date-holidays (default on), the file's extra non-working days (cuti bersama) and extra working days, and
 * working hours (`override` replaces the file's). See buildWorkingCalendar for a date-holidays-free variant.
 * @throws RangeError when the time zone is unknown or a working-hours entry is malformed.
 */
export function workingCalendar(
  policy: CalendarPolicy,
  override?: CalendarSpec['workingHours'],
): WorkingCalendar {
  return buildWorkingCalendar(policy, nationalHolidayLookup, override);
}
