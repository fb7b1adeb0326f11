import {
  DEFAULT_OPEN_ENDED_LIMIT,
  type TrialDays,
  trialDays,
  workingCalendar,
  type WorkingCalendar,
} from '../calendar';
import { type CalendarFile } from './calendar-section';
import { type Policy } from './policy-schema';

/**
 * The trial days of a policy (see calendar/trialDays): the listed days, a period's working days, or the first
 * `limit` (default 30) working days of an open-ended policy with `openEnded: true`.
 */
export function policyDays(policy: Policy, options: { readonly limit?: number } = {}): TrialDays {
  const limit =
    options.limit ?? (policy.schedule.kind === 'open-ended' ? DEFAULT_OPEN_ENDED_LIMIT : undefined);
  return trialDays(policy, limit === undefined ? {} : { limit });
}

/** The working calendar of a policy in its zone. */
export function policyCalendar(policy: Policy): WorkingCalendar {
  return workingCalendar(policy);
}

/**
 * The policy with the extra days of its calendar files merged into `calendar` (the caller reads the files named
 * in `calendar.files`; domain code does no I/O). Days already listed in the policy win.
 */
export function withCalendarFiles(policy: Policy, files: readonly CalendarFile[]): Policy {
  if (files.length === 0) return policy;
  const cal = policy.calendar ?? {};
  const merge = <T extends { date: string }>(own: readonly T[] | undefined, extra: readonly T[]): T[] => {
    const dates = new Set((own ?? []).map((d) => d.date));
    return [...(own ?? []), ...extra.filter((d) => !dates.has(d.date))];
  };
  return {
    ...policy,
    calendar: {
      ...cal,
      extraNonWorkingDays: merge(
        cal.extraNonWorkingDays,
        files.flatMap((f) => f.extraNonWorkingDays ?? []),
      ),
      extraWorkingDays: merge(
        cal.extraWorkingDays,
        files.flatMap((f) => f.extraWorkingDays ?? []),
      ),
    },
  };
}
