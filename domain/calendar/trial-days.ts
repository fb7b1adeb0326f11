import { addDays, compareDates, type LocalDate } from './local-date';
import { type CalendarPolicy, MAX_SEARCH_DAYS, type WorkingCalendar } from './working-calendar-core';

/** A policy's schedule: an explicit list of days, a period, or open-ended from a start with reviews. */
export type ScheduleSpec =
  | { readonly kind: 'days'; readonly days: readonly LocalDate[] }
  | {
      readonly kind: 'period';
      readonly start: LocalDate;
      readonly end: LocalDate;
      readonly skipNonWorkingDays?: boolean;
    }
  | { readonly kind: 'open-ended'; readonly start: LocalDate };

/** The fields of a policy that decide its trial days. */
export interface SchedulePolicy extends CalendarPolicy {
  readonly schedule: ScheduleSpec;
}

/** The trial days of a policy. `truncated` is set when `limit` cut the list (always for open-ended). */
export interface TrialDays {
  readonly days: readonly LocalDate[];
  readonly openEnded: boolean;
  readonly truncated: boolean;
}

/** Days listed when no limit is given for an open-ended schedule. */
export const DEFAULT_OPEN_ENDED_LIMIT = 30;

/**
 * The trial days of a policy as local dates in its zone. An explicit list is taken as written (the letter
 * names the days; sorted, duplicates dropped). A period lists its working days (weekends, national holidays and
 * the file's extra non-working days skipped) unless `skipNonWorkingDays: false`. An open-ended schedule lists
 * working days from its start, the first `limit` (default 30). The calendar must be the policy's
 * (`workingCalendar(policy)`, or `buildWorkingCalendar` with precomputed holidays inside a workflow).
 */
export function trialDaysWith(
  policy: SchedulePolicy,
  calendar: WorkingCalendar,
  options: { readonly limit?: number } = {},
): TrialDays {
  const s = policy.schedule;
  const limit = options.limit ?? Infinity;
  switch (s.kind) {
    case 'days': {
      const all = [...new Set(s.days)].sort(compareDates);
      return { days: all.slice(0, limit), openEnded: false, truncated: all.length > limit };
    }
    case 'period': {
      const cal = calendar;
      const days: LocalDate[] = [];
      for (let d = s.start; compareDates(d, s.end) <= 0; d = addDays(d, 1)) {
        if (s.skipNonWorkingDays === false || cal.isWorkingDay(d)) {
          if (days.length >= limit) return { days, openEnded: false, truncated: true };
          days.push(d);
        }
      }
      return { days, openEnded: false, truncated: false };
    }
    case 'open-ended': {
      const cal = calendar;
      const max = Math.min(options.limit ?? DEFAULT_OPEN_ENDED_LIMIT, MAX_SEARCH_DAYS);
      const days: LocalDate[] = [];
      for (let d = s.start, i = 0; days.length < max && i < MAX_SEARCH_DAYS; d = addDays(d, 1), i++) {
        if (cal.isWorkingDay(d)) days.push(d);
      }
      return { days, openEnded: true, truncated: true };
    }
    default: {
      const never: never = s;
      throw new Error(`unknown schedule kind ${JSON.stringify(never)}`);
    }
  }
}
