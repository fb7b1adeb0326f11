import { DateTime, IANAZone } from 'luxon';

/** A calendar date, `YYYY-MM-DD`, in the policy's time zone. */
export type IsoDate = string;

/** An instant as ISO-8601 with an explicit offset or `Z`, e.g. `2023-12-04T09:00:00+07:00`. */
export type Instant = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// An instant without offset would be read in the machine's zone, which breaks determinism.
const EXPLICIT_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  return (
    typeof value === 'string' && ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

/** Milliseconds since the epoch, or null when `value` is not an ISO instant with an explicit offset. */
export function instantMillis(value: unknown): number | null {
  if (typeof value !== 'string' || !EXPLICIT_OFFSET.test(value) || !value.includes('T')) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** True when `value` is an IANA time zone name such as `Asia/Jakarta`. */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && IANAZone.isValidZone(value);
}

/** The calendar date of `instant` in `timezone`. The caller has validated both. */
export function localDateOf(instant: Instant, timezone: string): IsoDate {
  const date = DateTime.fromISO(instant, { setZone: true }).setZone(timezone).toISODate();
  if (date === null) throw new Error(`cannot place ${instant} in ${timezone}`);
  return date;
}

/** True when `dates` are valid, strictly ascending (so also unique) calendar dates. */
export function isAscendingDateList(dates: readonly unknown[]): dates is readonly IsoDate[] {
  return dates.every((d, i) => isIsoDate(d) && (i === 0 || (dates[i - 1] as string) < d));
}
