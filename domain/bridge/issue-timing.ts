/**
 * What issuing a letter now does to its days: a day already over, or a day whose deadline (or morning notice) has
 * passed, fires the whole day at once (notice, reminders, late notices and escalations in the same second), so the
 * secretariat is warned before it happens. Pure: `now` comes in.
 */
import { instantToLocal, type Instant } from '../calendar/instants';
import { compareDates } from '../calendar/local-date';
import { type Policy, policyCalendar, policyDays } from '../policy';
import { planPolicyDay } from './day-schedule';

/** How late a trial day is at issue time. */
export type LateDayKind = 'past' | 'past-deadline' | 'after-notice';

/** One trial day that issuing now would run late. */
export interface LateDay {
  readonly date: string;
  readonly kind: LateDayKind;
}

/** Days of a letter that issuing at `now` would open late (open-ended letters: their first listed days). */
export function lateDaysAtIssue(policy: Policy, now: Instant): LateDay[] {
  const calendar = policyCalendar(policy);
  const today = instantToLocal(now, calendar.zone).date;
  const late: LateDay[] = [];
  for (const date of policyDays(policy).days) {
    if (compareDates(date, today) < 0) {
      late.push({ date, kind: 'past' });
      continue;
    }
    const plan = planPolicyDay(policy, date, calendar);
    if (now > Date.parse(plan.deadline)) late.push({ date, kind: 'past-deadline' });
    else if (now > Date.parse(plan.noticeAt)) late.push({ date, kind: 'after-notice' });
  }
  return late;
}
