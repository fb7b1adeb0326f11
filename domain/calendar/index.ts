/**
 * Calendar: zones, working days and hours, trial days, and working-time arithmetic. Pure; uses luxon, the decree
 * data in ./data for Indonesian national days, and date-holidays for estimates outside the decree years.
 * Workflow code should import ./core (neither the data nor date-holidays).
 */
export * from './core';
export {
  nationalDays,
  nationalHolidays,
  nationalHolidayList,
  isDecreeYear,
  estimateWarning,
} from './holidays';
export {
  type Decree,
  type DecreeDay,
  type DecreeYear,
  DECREE_YEARS,
  checkDecreeYear,
  decreeYear,
  decreeDays,
} from './decrees';
export { workingCalendar, nationalHolidayLookup } from './working-calendar';
export { trialDays } from './trial-days-default';
export { type SkippedDay, type SkippedDays, skippedDays, skippedDaysLine } from './skipped-days';
