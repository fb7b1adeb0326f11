/**
 * Review cycles of an open-ended letter (schedule.kind open-ended, reviewed every `review.everyMonths` months):
 * the first cycle runs from the schedule's start; each later one starts the day after the evaluation that ended
 * the cycle before (or after the decision, when that came later), so no day of a cycle runs before its evaluation.
 */
import { addDays, reviewCycle, type ReviewCycle, type WorkingCalendar } from '../calendar/core';
import { type Policy, policyCalendar } from '../policy';

/** The review cadence in months of an open-ended letter, or null for a letter with an end. */
export function reviewMonthsOf(policy: Policy): number | null {
  return policy.schedule.kind === 'open-ended' ? policy.schedule.review.everyMonths : null;
}

/**
 * The first review cycle of an open-ended letter: the working days from its start through the end of its
 * `everyMonths` months.
 * @throws RangeError for a letter that is not open-ended.
 */
export function firstReviewCycle(
  policy: Policy,
  calendar: WorkingCalendar = policyCalendar(policy),
): ReviewCycle {
  if (policy.schedule.kind !== 'open-ended')
    throw new RangeError(
      `schedule.kind: review cycles need an open-ended letter, not "${policy.schedule.kind}"`,
    );
  return reviewCycle(calendar, policy.schedule.start, policy.schedule.review.everyMonths);
}

/**
 * The next review cycle of an open-ended letter, for `make-permanent` (continue): `everyMonths` months starting
 * the day after `after` (the local date of the evaluation, or of the decision when that is later).
 * @throws RangeError for a letter that is not open-ended.
 */
export function nextReviewCycle(
  policy: Policy,
  after: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): ReviewCycle {
  const months = reviewMonthsOf(policy);
  if (months === null)
    throw new RangeError(
      `schedule.kind: review cycles need an open-ended letter, not "${policy.schedule.kind}"`,
    );
  return reviewCycle(calendar, addDays(after, 1), months);
}
