import { type Policy } from './policy-schema';

/**
 * The letter's own date a rostered day stands for: `schedule.letterDates` pairs each listed day with one (a
 * simulation moves a letter's days forward by whole weeks); otherwise the day itself. Date-dependent rules (ages
 * and birthdays) are evaluated on it, so a moved letter rosters the people it would have on its own dates.
 */
export function letterDateOf(policy: Pick<Policy, 'schedule'>, day: string): string {
  const s = policy.schedule;
  if (s.kind !== 'days' || s.letterDates === undefined) return day;
  const i = s.days.indexOf(day);
  return i < 0 ? day : (s.letterDates[i] ?? day);
}
