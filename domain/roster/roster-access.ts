import { type Employee } from '../org/model';
import { type Mode, MODES, type ReasonCode } from './modes';
import { type Roster } from './roster-types';

/** One person's assignment on one day, as plain data (for JSON, explanations and tests). */
export interface Assignment {
  readonly date: string;
  readonly nip: string;
  readonly unitId: string;
  readonly mode: Mode;
  readonly code: ReasonCode;
  readonly ruleIds: readonly string[];
}

const nipMaps = new WeakMap<Roster, Map<string, number>>();

/** The index of a day in the roster, or -1. */
export function dayIndexOf(r: Roster, date: string): number {
  return r.days.indexOf(date);
}

/** The index of an employee in the roster (directory order), or -1. Builds a NIP map once per roster. */
export function employeeIndexOf(r: Roster, nip: string): number {
  let map = nipMaps.get(r);
  if (!map) {
    map = new Map(r.employees.map((e, k) => [e.nip, k]));
    nipMaps.set(r, map);
  }
  return map.get(nip) ?? -1;
}

/** The mode of employee `e` on day `d` (indices), without building an object. */
export function modeAt(r: Roster, d: number, e: number): Mode {
  return MODES[(r.modes[d] as Uint8Array)[e] as number] as Mode;
}

/** The assignment of employee `e` on day `d` (indices). */
export function assignmentAt(r: Roster, d: number, e: number): Assignment {
  const reason = r.reasonTable[(r.reasons[d] as Uint16Array)[e] as number];
  if (!reason) throw new RangeError(`no assignment for day ${d}, employee ${e}`);
  const emp = r.employees[e] as Employee;
  return {
    date: r.days[d] as string,
    nip: emp.nip,
    unitId: emp.unitId,
    mode: modeAt(r, d, e),
    code: reason.code,
    ruleIds: reason.ruleIds,
  };
}

/** One person's assignment on a date, or undefined when the NIP or date is not in the roster. */
export function findAssignment(r: Roster, nip: string, date: string): Assignment | undefined {
  const d = dayIndexOf(r, date);
  const e = employeeIndexOf(r, nip);
  return d < 0 || e < 0 ? undefined : assignmentAt(r, d, e);
}

/** Every assignment of a day, in directory order, built one at a time (no array of 60,000 objects). */
export function* dayAssignments(r: Roster, d: number): Generator<Assignment> {
  for (let e = 0; e < r.employees.length; e++) yield assignmentAt(r, d, e);
}
