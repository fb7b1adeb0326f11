import { parseIsoDate, yearsBetween } from './dates';
import { type Employee } from './model';

/**
 * The employee's age in whole years on an ISO date (`YYYY-MM-DD`), e.g. for "staff over 55" rules.
 * A 29 February birthday counts as reached on 1 March in non-leap years. Throws on malformed dates.
 */
export function ageOn(employee: Pick<Employee, 'birthDate'>, isoDate: string): number {
  const birth = parseIsoDate(employee.birthDate);
  if (!birth) throw new RangeError(`birthDate "${employee.birthDate}" is not a valid YYYY-MM-DD date`);
  const on = parseIsoDate(isoDate);
  if (!on) throw new RangeError(`date "${isoDate}" is not a valid YYYY-MM-DD date`);
  return yearsBetween(birth, on);
}
