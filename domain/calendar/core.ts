/**
 * The calendar without date-holidays (a large dependency): for workflow code, which should receive national
 * holidays precomputed (`nationalHolidayList` in an activity, then `holidayLookup`) and build its calendar with
 * `buildWorkingCalendar`. Everything here is also exported from ./index.
 */
export { ZONE_ALIASES, type ZoneAlias, canonicalZoneName, isKnownZone, resolveZone } from './zones';
export {
  type LocalDate,
  type Weekday,
  WEEKDAYS,
  isValidLocalDate,
  addDays,
  weekdayOf,
  compareDates,
} from './local-date';
export { type NationalDay, type NationalDayKind, NATIONAL_DAY_KINDS } from './national-day';
export { type LocalTime, isValidLocalTime, minutesOf, formatMinutes } from './local-time';
export {
  type CalendarSpec,
  type CalendarPolicy,
  type DayHoursSpec,
  type WorkInterval,
  type WorkingCalendar,
  type HolidayLookup,
  type NonWorkingDay,
  DEFAULT_WORKING_HOURS,
  DEFAULT_WORKING_WEEKDAYS,
  buildWorkingCalendar,
  holidayLookup,
  dayIntervals,
} from './working-calendar-core';
export {
  type Instant,
  localTimeToInstant,
  localMinuteToInstant,
  instantToLocal,
  formatInstant,
} from './instants';
export {
  addWorkingHours,
  nextWorkingDayAt,
  isWithinWorkingHours,
  applyDelay,
  type WorkingDelay,
} from './working-hours';
export {
  type ScheduleSpec,
  type SchedulePolicy,
  type TrialDays,
  DEFAULT_OPEN_ENDED_LIMIT,
  trialDaysWith,
} from './trial-days';
export { type ReviewCycle, reviewCycle, reviewCycleEnd } from './review-cycle';
