import type { Employee, Unit } from '../org/model';
import type { ComparisonOp } from './primitives';
import type { DataCondition, PersonSelector, UnitSelector } from './selectors';

/** Jurisdiction-wide figures by name (the policy's own values merged with the org data's Jurisdiction.data). */
export type Figures = Readonly<Record<string, number | string | undefined>>;

/**
 * The figures a policy's conditions may reference: values the policy supplies, then those the org data supplies
 * (Jurisdiction.data in domain/org/model.ts) for figures declared `suppliedBy: org-data`.
 */
export function resolveFigures(
  declared:
    | Readonly<Record<string, { suppliedBy: 'policy' | 'org-data'; value?: number | undefined }>>
    | undefined,
  orgData: Figures = {},
): Figures {
  const out: Record<string, number | string | undefined> = {};
  for (const [name, f] of Object.entries(declared ?? {}))
    out[name] = f.suppliedBy === 'policy' ? f.value : orgData[name];
  return out;
}

/** `a <op> b`. */
export function compare(a: number, op: ComparisonOp, b: number): boolean {
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
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/**
 * True when the unit's data satisfies the condition. A missing or non-numeric field, or an unknown figure,
 * does not match (a rule never fires on data that is not there).
 */
export function matchesDataCondition(c: DataCondition, unit: Pick<Unit, 'data'>, figures: Figures): boolean {
  const left = unit.data[c.field];
  const right = typeof c.value === 'number' ? c.value : figures[c.value.ref.slice('jurisdiction.'.length)];
  return typeof left === 'number' && typeof right === 'number' && compare(left, c.op, right);
}

/** True when the unit matches every criterion of the selector (AND); list values match any (OR). */
export function matchesUnit(s: UnitSelector, unit: Unit, figures: Figures = {}): boolean {
  if (s.sectors && !(s.sectors as readonly string[]).includes(unit.sector)) return false;
  if (s.tags && !s.tags.some((t) => unit.tags.includes(t))) return false;
  if (s.unitIds && !s.unitIds.includes(unit.id)) return false;
  if (s.dataCondition && !matchesDataCondition(s.dataCondition, unit, figures)) return false;
  return true;
}

/** Age in whole years on a local date (YYYY-MM-DD), from a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  if ([by, bm, bd, y, m, d].some((n) => n === undefined || Number.isNaN(n)))
    throw new RangeError(`bad date in ageOn(${birthDate}, ${onDate})`);
  const birthdayPassed = (m as number) > (bm as number) || (m === bm && (d as number) >= (bd as number));
  return (y as number) - (by as number) - (birthdayPassed ? 0 : 1);
}

/**
 * True when the employee matches every criterion of the selector on `onDate` (ages change over a long policy).
 * Position names match case-insensitively as substrings.
 */
export function matchesPerson(s: PersonSelector, e: Employee, onDate: string): boolean {
  if (s.positionTypes && !s.positionTypes.includes(e.positionType)) return false;
  if (s.statuses && !s.statuses.includes(e.status)) return false;
  if (s.positionNames) {
    const name = e.positionName.toLowerCase();
    if (!s.positionNames.some((p) => name.includes(p.toLowerCase()))) return false;
  }
  if (s.age && !compare(ageOn(e.birthDate, onDate), s.age.op, s.age.years)) return false;
  return true;
}

/** True when a rule with optional unit and person selectors applies to the employee in the unit on the date. */
export function matchesRule(
  rule: { readonly units?: UnitSelector | undefined; readonly persons?: PersonSelector | undefined },
  unit: Unit,
  e: Employee,
  onDate: string,
  figures: Figures = {},
): boolean {
  return (
    (!rule.units || matchesUnit(rule.units, unit, figures)) &&
    (!rule.persons || matchesPerson(rule.persons, e, onDate))
  );
}
