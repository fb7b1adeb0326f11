/**
 * Calendar: zones, working days and hours, trial days, and working-time arithmetic. Pure; uses luxon, and
 * date-holidays for Indonesian national holidays. Workflow code should import ./core (no date-holidays).
 */
export * from './core';
export { nationalHolidays, nationalHolidayList } from './holidays';
export { workingCalendar, nationalHolidayLookup } from './working-calendar';
export { trialDays } from './trial-days-default';
