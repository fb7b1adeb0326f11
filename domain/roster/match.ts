import { type Unit } from '../org/model';
import { type ComparisonOp, type PersonSelector, type UnitSelector } from '../policy';

/** Looks up a jurisdiction figure by name (e.g. "budgetAbsorption"); undefined when not supplied. */
export type FigureLookup = (name: string) => number | undefined;

/** The facts about a person that person selectors test, prepared once per person. */
export interface PersonFacts {
  readonly positionType: string;
  /** Lower-cased position name, for case-insensitive substring matching. */
  readonly positionNameLower: string;
  readonly status: string;
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

/**
 * True when the unit matches every criterion of the selector (values inside one list combine with OR).
 * A data condition on a missing or non-number field, or against a figure that is not supplied, does not match.
 */
export function unitMatches(sel: UnitSelector, unit: Unit, figure: FigureLookup): boolean {
  if (sel.sectors && !(sel.sectors as readonly string[]).includes(unit.sector)) return false;
  if (sel.tags && !sel.tags.some((t) => unit.tags.includes(t))) return false;
  if (sel.unitIds && !sel.unitIds.includes(unit.id)) return false;
  const dc = sel.dataCondition;
  if (dc) {
    const own = unit.data[dc.field];
    const other =
      typeof dc.value === 'number' ? dc.value : figure(dc.value.ref.slice('jurisdiction.'.length));
    if (typeof own !== 'number' || other === undefined || !compare(dc.op, own, other)) return false;
  }
  return true;
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
