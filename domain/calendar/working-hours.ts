import { instantToLocal, type Instant, localMinuteToInstant, localTimeToInstant } from './instants';
import { addDays } from './local-date';
import { type LocalTime } from './local-time';
import { MAX_SEARCH_DAYS, type WorkingCalendar } from './working-calendar-core';

/**
 * The instant that lies `hours` working hours after `instant`: only time inside the calendar's working
 * intervals counts (breaks, evenings, weekends, holidays do not). From outside working hours the count starts at
 * the next working interval. Zero hours returns the instant unchanged. Fractions are allowed (0.5 = 30 min).
 * @throws RangeError for negative or non-finite hours, or a calendar with no working time.
 */
export function addWorkingHours(instant: Instant, hours: number, calendar: WorkingCalendar): Instant {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be >= 0, got ${hours}`);
  if (hours === 0) return instant;
  let remaining = hours * 60;
  const start = instantToLocal(instant, calendar.zone);
  let date = start.date;
  let cursor = start.minutes;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    for (const iv of calendar.workIntervals(date)) {
      if (cursor >= iv.end) continue;
      const from = Math.max(cursor, iv.start);
      const available = iv.end - from;
      if (remaining <= available) return localMinuteToInstant(date, from + remaining, calendar.zone);
      remaining -= available;
      cursor = iv.end;
    }
    date = addDays(date, 1);
    cursor = 0;
  }
  throw new RangeError(`calendar has no working time within ${MAX_SEARCH_DAYS} days`);
}

/**
 * The given local time on the first working day strictly after the local date of `instant`
 * ("next working day 09:00").
 */
export function nextWorkingDayAt(instant: Instant, time: LocalTime, calendar: WorkingCalendar): Instant {
  const { date } = instantToLocal(instant, calendar.zone);
  return localTimeToInstant(calendar.nextWorkingDay(date), time, calendar.zone);
}

/** True when `instant` falls inside a working interval of a working day. */
export function isWithinWorkingHours(instant: Instant, calendar: WorkingCalendar): boolean {
  const { date, minutes } = instantToLocal(instant, calendar.zone);
  return calendar.workIntervals(date).some((iv) => minutes >= iv.start && minutes < iv.end);
}

/** A delay on an escalation ladder: a number of working hours, or a fixed time on the next working day. */
export type WorkingDelay = { readonly workingHours: number } | { readonly nextWorkingDayAt: LocalTime };

/** The instant a delay ends when it starts at `instant`. */
export function applyDelay(instant: Instant, delay: WorkingDelay, calendar: WorkingCalendar): Instant {
  return 'workingHours' in delay
    ? addWorkingHours(instant, delay.workingHours, calendar)
    : nextWorkingDayAt(instant, delay.nextWorkingDayAt, calendar);
}
