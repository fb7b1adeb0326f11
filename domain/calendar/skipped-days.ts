import { estimateWarning } from './holidays';
import { addDays, compareDates, type LocalDate, yearOf } from './local-date';
import { type SchedulePolicy } from './trial-days';
import { trialDays } from './trial-days-default';
import { workingCalendar } from './working-calendar';
import { type NonWorkingDay } from './working-calendar-core';

/** A day inside a letter's schedule that is not a trial day, and why. */
export interface SkippedDay extends NonWorkingDay {
  readonly date: LocalDate;
}

/** What `policy validate` reports about a letter's days beside the problems. */
export interface SkippedDays {
  /** Non-working days other than weekends between the first and last trial day, in date order. */
  readonly days: readonly SkippedDay[];
  /** Weekend days in the same span. */
  readonly weekends: number;
  /** Warnings for years of the span the decree data does not cover (their lunar dates are estimates). */
  readonly warnings: readonly string[];
}

/**
 * The days a letter's schedule skips and why (holiday, cuti bersama, election day, the letter's own day), from
 * its first to its last trial day (a period: its start to its end; open-ended: the default listing). A list of
 * days skips nothing (a listed non-working day is a validation problem instead).
 */
export function skippedDays(policy: SchedulePolicy): SkippedDays {
  const s = policy.schedule;
  const trial = trialDays(policy).days;
  const first = s.kind === 'days' ? trial[0] : s.start;
  const last = s.kind === 'period' ? s.end : trial[trial.length - 1];
  if (s.kind === 'days' || first === undefined || last === undefined)
    return { days: [], weekends: 0, warnings: warningsFor(trial[0], trial[trial.length - 1]) };
  const cal = workingCalendar(policy);
  const days: SkippedDay[] = [];
  let weekends = 0;
  for (let d = first; compareDates(d, last) <= 0; d = addDays(d, 1)) {
    const why = cal.nonWorkingDay(d);
    if (why === undefined) continue;
    if (why.kind === 'weekend') weekends++;
    else days.push({ date: d, ...why });
  }
  return { days, weekends, warnings: warningsFor(first, last) };
}

function warningsFor(first: LocalDate | undefined, last: LocalDate | undefined): string[] {
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  for (let y = yearOf(first); y <= yearOf(last); y++) {
    const w = estimateWarning(y);
    if (w !== undefined) out.push(w);
  }
  return out;
}

/** One line for `policy validate`: the skipped days and why, e.g. "2024-04-08 cuti bersama (…)". */
export function skippedDaysLine(skipped: SkippedDays): string {
  const label: Readonly<Record<SkippedDay['kind'], string>> = {
    holiday: 'libur nasional',
    'cuti-bersama': 'cuti bersama',
    'election-day': 'hari pemungutan suara',
    letter: 'hari libur surat',
    weekend: 'akhir pekan',
  };
  const listed = skipped.days.map(
    (d) => `${d.date} ${label[d.kind]} (${d.name}${d.estimate === true ? ', perkiraan' : ''})`,
  );
  const weekends = skipped.weekends > 0 ? [`${skipped.weekends} hari akhir pekan`] : [];
  const all = [...listed, ...weekends];
  return `skipped: ${all.length > 0 ? all.join('; ') : 'none'}`;
}
