import { type ComparisonOp, type PersonChoiceValue, type PersonSelector } from '../policy';

/**
 * The facts about a person that person selectors test, prepared once per person. The roster matches people with
 * these (age computed once per day from numbers) rather than domain/policy's matchesPerson, which parses dates
 * on every call; the semantics are the same (case-insensitive substring names, whole-year ages).
 */
export interface PersonFacts {
  readonly positionType: string;
  /** Lower-cased position name, for case-insensitive substring matching. */
  readonly positionNameLower: string;
  readonly status: string;
  /** The person's own choice in force, where a rule grants one (choices.ts). */
  readonly choice?: { readonly ruleId: string; readonly choice: PersonChoiceValue };
}

/** `a op b`. */
export function compare(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'eq':
      return a === b;
    default: {
      const never: never = op;
      throw new RangeError(`unknown comparison ${String(never)}`);
    }
  }
}

/** True when the selector uses an age condition (so its result can change from one day to the next). */
export function usesAge(sel: PersonSelector | undefined): boolean {
  return sel?.age !== undefined;
}

/** True when the person, aged `age` on the day, matches every criterion of the selector. */
export function personMatches(sel: PersonSelector, p: PersonFacts, age: number): boolean {
  if (sel.positionTypes && !(sel.positionTypes as readonly string[]).includes(p.positionType)) return false;
  if (sel.statuses && !(sel.statuses as readonly string[]).includes(p.status)) return false;
  if (sel.positionNames && !sel.positionNames.some((n) => p.positionNameLower.includes(n.toLowerCase())))
    return false;
  if (sel.age && !compare(sel.age.op, age, sel.age.years)) return false;
  return true;
}
