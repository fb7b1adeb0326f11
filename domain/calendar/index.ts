/** Calendar: zones, working days and hours, trial days, and working-time arithmetic. Pure; uses luxon. */
export { ZONE_ALIASES, type ZoneAlias, isKnownZone, resolveZone } from './zones';
export {
  type LocalDate,
  type Weekday,
  WEEKDAYS,
  isValidLocalDate,
  addDays,
  weekdayOf,
  compareDates,
} from './local-date';
export { type LocalTime, isValidLocalTime, minutesOf, formatMinutes } from './local-time';
export { nationalHolidays } from './holidays';
export {
  type CalendarSpec,
  type CalendarPolicy,
  type DayHoursSpec,
  type WorkInterval,
  type WorkingCalendar,
  DEFAULT_WORKING_HOURS,
  DEFAULT_WORKING_WEEKDAYS,
  workingCalendar,
  dayIntervals,
} from './working-calendar';
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
  trialDays,
} from './trial-days';
