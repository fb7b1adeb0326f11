/**
 * When people's choices close (`choice.cutoff` on a not-required-wfo rule): the given local time, the given number
 * of working days before the period's first day (0: on the first day itself).
 */
import { addDays, localTimeToInstant, type WorkingCalendar } from '../calendar';
import { type Policy, policyCalendar } from '../policy';

/** The cut-off of each rule that grants a choice, as ISO (UTC), for a period starting on `firstDay`. */
export function choiceCutoffs(
  policy: Policy,
  firstDay: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const r of policy.exclusions ?? []) {
    if (r.choice === undefined) continue;
    let day = firstDay;
    for (let i = 0; i < r.choice.cutoff.workingDaysBefore; i++) {
      do day = addDays(day, -1);
      while (!calendar.isWorkingDay(day));
    }
    out.set(r.id, new Date(localTimeToInstant(day, r.choice.cutoff.at, calendar.zone)).toISOString());
  }
  return out;
}
