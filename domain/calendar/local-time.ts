/** A wall-clock time `HH:mm` (24-hour), e.g. "07:30". */
export type LocalTime = string;

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `s` is a valid `HH:mm` time from 00:00 to 23:59. */
export function isValidLocalTime(s: string): boolean {
  return TIME_RE.test(s);
}

/** Minutes since midnight for `HH:mm`, or for "24:00" (end of day, allowed only as an interval end). */
export function minutesOf(time: LocalTime): number {
  if (time === '24:00') return 24 * 60;
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`invalid time "${time}" (expected HH:mm)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** `HH:mm` for a minute of the day (0..1439). */
export function formatMinutes(minutes: number): LocalTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
