import { type SchedulePolicy, type TrialDays, trialDaysWith } from './trial-days';
import { workingCalendar } from './working-calendar';

/** The trial days of a policy with its default calendar (national holidays from date-holidays); see trialDaysWith. */
export function trialDays(policy: SchedulePolicy, options: { readonly limit?: number } = {}): TrialDays {
  return trialDaysWith(policy, workingCalendar(policy), options);
}
