import { DateTime } from 'luxon';
import { type LocalDate } from './local-date';
import { type LocalTime, minutesOf } from './local-time';
import { resolveZone } from './zones';

/** A point in time as epoch milliseconds (UTC); serialisable and zone-free. */
export type Instant = number;

/**
 * The instant at which a local wall-clock time happens in a zone: `localTimeToInstant('2021-01-27', '07:30',
 * 'WITA')` is 2021-01-26T23:30:00Z. In zones with DST a time that falls in a spring-forward gap moves forward
 * by the gap (luxon's rule); Indonesian zones have no DST.
 */
export function localTimeToInstant(date: LocalDate, time: LocalTime, zone: string): Instant {
  return localMinuteToInstant(date, minutesOf(time), zone);
}

/** Like localTimeToInstant, with the time given as (possibly fractional) minutes since local midnight. */
export function localMinuteToInstant(date: LocalDate, minutes: number, zone: string): Instant {
  const midnight = DateTime.fromISO(date, { zone: resolveZone(zone) });
  if (!midnight.isValid) throw new RangeError(`invalid date "${date}" (expected YYYY-MM-DD)`);
  const whole = Math.floor(minutes);
  const dt = midnight.set({ hour: Math.floor(whole / 60), minute: whole % 60 });
  // "24:00" is the next midnight; luxon's set() would reject hour 24.
  const base = whole >= 24 * 60 ? midnight.plus({ days: 1 }) : dt;
  return base.toMillis() + Math.round((minutes - whole) * 60_000);
}

/** The local date and minutes since local midnight (fractional) of an instant in a zone. */
export function instantToLocal(instant: Instant, zone: string): { date: LocalDate; minutes: number } {
  const dt = DateTime.fromMillis(instant, { zone: resolveZone(zone) });
  const minutes = dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60_000;
  return { date: dt.toISODate() as LocalDate, minutes };
}

/** ISO-8601 text of an instant in a zone, e.g. "2021-01-27T07:30:00.000+08:00". */
export function formatInstant(instant: Instant, zone: string): string {
  return DateTime.fromMillis(instant, { zone: resolveZone(zone) }).toISO() ?? String(instant);
}
