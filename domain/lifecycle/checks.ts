import { type LocalizedText } from '../errors';
import { say } from './result';
import { instantMillis, isIsoDate } from './time';

/** Why `value` (named `field`) is not an ISO instant with an offset, or null. */
export function instantProblem(value: unknown, field: string): LocalizedText | null {
  return instantMillis(value) === null
    ? say(
        `Kolom "${field}" harus waktu ISO-8601 dengan zona, mis. 2023-12-04T09:00:00+07:00.`,
        `Field "${field}" must be an ISO-8601 instant with an offset, e.g. 2023-12-04T09:00:00+07:00.`,
      )
    : null;
}

/** Why `value` is not a non-empty string, or null. */
export function textProblem(value: unknown, field: string): LocalizedText | null {
  return typeof value === 'string' && value.trim() !== ''
    ? null
    : say(`Kolom "${field}" wajib diisi.`, `Field "${field}" must be a non-empty string.`);
}

/** Why `value` is not a YYYY-MM-DD date, or null. */
export function dateProblem(value: unknown, field: string): LocalizedText | null {
  return isIsoDate(value)
    ? null
    : say(`Kolom "${field}" harus tanggal YYYY-MM-DD.`, `Field "${field}" must be a YYYY-MM-DD date.`);
}

/** Why `value` is not an integer in [min, max], or null. */
export function integerProblem(
  value: unknown,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): LocalizedText | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? null
    : say(
        `Kolom "${field}" harus bilangan bulat ${min} sampai ${max}.`,
        `Field "${field}" must be an integer from ${min} to ${max}.`,
      );
}

/** The instant in milliseconds; only for values already checked with {@link instantProblem}. */
export function millisOf(instant: string): number {
  const ms = instantMillis(instant);
  if (ms === null) throw new Error(`unchecked instant ${instant}`);
  return ms;
}
