/**
 * The letter as the simulator runs it: its first days moved forward by whole weeks (weekdays kept) past the
 * time-skipping server's clock, which cannot go back. The rules are unchanged; `schedule` becomes the list of the
 * shifted days (an open-ended letter keeps its first `days` working days) with the letter's own dates beside them
 * (ages are taken on those), the calendar is the letter's own moved with its days (its holidays, not the new
 * year's), and an evaluation on a date moves with them.
 */
import { DateTime } from 'luxon';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { addDays, DEFAULT_WORKING_WEEKDAYS, weekdayOf } from '../../domain/calendar/core';
import { type Policy, policyCalendar, policyDays } from '../../domain/policy';
import { parsePolicyOrThrow, ServiceError } from '../policy-service';

/** Default number of days simulated for an open-ended letter. */
export const DEFAULT_OPEN_ENDED_DAYS = 5;

export interface ShiftedLetter {
  /** The policy file as simulated (YAML). */
  readonly text: string;
  readonly policy: Policy;
  /** The letter's own days that are simulated, and where they moved. */
  readonly originalDays: readonly string[];
  readonly days: readonly string[];
  readonly weeks: number;
  /** True when the letter has more days than are simulated. */
  readonly truncated: boolean;
}

/**
 * Moves the letter's first `maxDays` days (all of them when undefined, DEFAULT_OPEN_ENDED_DAYS for an open-ended
 * letter) forward by the fewest whole weeks that put the first day on or after `notBefore`; the moved calendar
 * keeps every day a working day, as it was on the letter's own date.
 */
export function shiftLetter(
  policyText: string,
  filename: string,
  notBefore: string,
  maxDays?: number,
  idSuffix?: string,
): ShiftedLetter {
  const original = parsePolicyOrThrow(policyText, filename);
  const limit = maxDays ?? (original.schedule.kind === 'open-ended' ? DEFAULT_OPEN_ENDED_DAYS : undefined);
  const all = policyDays(original, limit === undefined ? {} : { limit }).days;
  const originalDays = limit === undefined ? [...all] : all.slice(0, limit);
  const full = policyDays(original);
  const first = originalDays[0];
  if (first === undefined) {
    throw new ServiceError(400, 'INVALID_POLICY', [`${filename}: schedule: the letter has no working day`]);
  }
  const from = DateTime.fromISO(notBefore);
  const weeks = Math.max(0, Math.ceil(from.diff(DateTime.fromISO(first), 'days').days / 7));
  const days = originalDays.map((d) => plusWeeks(d, weeks));
  const raw = (filename.endsWith('.json') ? JSON.parse(policyText) : parseYaml(policyText)) as Record<
    string,
    unknown
  >;
  if (idSuffix) raw['id'] = `${original.id}-${idSuffix}`;
  raw['schedule'] = {
    kind: 'days',
    days,
    letterDates: [...originalDays],
    assumption:
      `Simulation: the letter's days ${originalDays.join(', ')} moved forward ${weeks} weeks ` +
      '(same weekdays) because the test server cannot go back in time; ages are taken on the letter dates.',
  };
  raw['calendar'] = shiftedCalendar(original, originalDays, weeks);
  const evaluation = raw['evaluation'] as { when?: { kind?: string; date?: string } } | undefined;
  if (evaluation?.when?.kind === 'on-date' && evaluation.when.date)
    evaluation.when = { ...evaluation.when, date: plusWeeks(evaluation.when.date, weeks) };
  const text = stringifyYaml(raw);
  return {
    text,
    policy: parsePolicyOrThrow(text, 'simulated.yaml'),
    originalDays,
    days,
    weeks,
    truncated: full.openEnded || full.days.length > originalDays.length,
  };
}

/**
 * Calendar days after the last simulated day whose working calendar is still the letter's own (escalations, the
 * evaluation and the decision run on after the last day).
 */
export const CALENDAR_TAIL_DAYS = 120;

const plusWeeks = (date: string, weeks: number): string =>
  DateTime.fromISO(date).plus({ weeks }).toISODate() ?? date;

/**
 * The letter's own working calendar moved with its days: from the first simulated day to CALENDAR_TAIL_DAYS after
 * the last, a moved day works exactly when the letter's own date works (its year's national holidays and the
 * file's extra days, not those of the year it moved to). Weekdays and working hours are kept.
 */
function shiftedCalendar(
  original: Policy,
  originalDays: readonly string[],
  weeks: number,
): Record<string, unknown> {
  const calendar = policyCalendar(original);
  const workingWeekdays = new Set(original.calendar?.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  const extraNonWorkingDays: { date: string; name: string }[] = [];
  const extraWorkingDays: { date: string; name: string }[] = [];
  const first = originalDays[0]!;
  const last = addDays(originalDays[originalDays.length - 1]!, CALENDAR_TAIL_DAYS);
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const weekdayWorks = workingWeekdays.has(weekdayOf(d));
    const works = calendar.isWorkingDay(d);
    const moved = plusWeeks(d, weeks);
    if (weekdayWorks && !works)
      extraNonWorkingDays.push({ date: moved, name: `${calendar.nonWorkingReason(d) ?? 'libur'} (${d})` });
    else if (!weekdayWorks && works) extraWorkingDays.push({ date: moved, name: `hari kerja (${d})` });
  }
  const { files: _files, ...own } = original.calendar ?? {};
  return {
    ...own,
    nationalHolidays: false,
    extraNonWorkingDays,
    extraWorkingDays,
    assumption:
      `Simulation: the letter's own calendar (${first} to ${last}) moved forward ${weeks} weeks, ` +
      'its holidays with it.',
  };
}
