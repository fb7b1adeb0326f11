/**
 * When a period's evaluation takes place, by the letter's `evaluation.when`:
 * - after-last-day, n working days: at the start of work on the n-th working day after the period's last day
 *   (n = 0: as soon as the last day is recapped);
 * - on-date: at the start of work on that date (a non-working date: local midnight);
 * - periodic (open-ended letters): at the end of the review cycle, at the start of work on the first working day
 *   after the cycle's last day (the next cycle starts after that day; see review-cycle.ts).
 * Null means "no wait beyond the last day's recap".
 */
import { localMinuteToInstant, type WorkingCalendar } from '../calendar';
import { type Policy, policyCalendar } from '../policy';

export function evaluationInstant(
  policy: Policy,
  lastDay: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): string | null {
  const when = policy.evaluation.when;
  const startOfWork = (date: string): string =>
    new Date(
      localMinuteToInstant(date, calendar.workIntervals(date)[0]?.start ?? 0, calendar.zone),
    ).toISOString();
  switch (when.kind) {
    case 'after-last-day': {
      if (when.workingDays === 0) return null;
      let day = lastDay;
      for (let i = 0; i < when.workingDays; i++) day = calendar.nextWorkingDay(day);
      return startOfWork(day);
    }
    case 'on-date':
      return startOfWork(when.date);
    case 'periodic':
      return startOfWork(calendar.nextWorkingDay(lastDay));
    default: {
      const never: never = when;
      throw new RangeError(`evaluation.when: unknown kind ${JSON.stringify(never)}`);
    }
  }
}
