/**
 * The lines `edaran policy validate` adds for a valid letter: which days of its schedule were skipped and why,
 * and a warning for each year the decree data does not cover. (A leading `_` keeps this file out of the
 * command list.)
 */
import { skippedDays, skippedDaysLine, type SchedulePolicy } from '../../domain/calendar';

/** Indented lines under `FILE: ok`, each ending in a newline. */
export function skippedDaysReport(policy: SchedulePolicy): string {
  const skipped = skippedDays(policy);
  return [skippedDaysLine(skipped), ...skipped.warnings.map((w) => `peringatan: ${w}`)]
    .map((l) => `  ${l}\n`)
    .join('');
}
