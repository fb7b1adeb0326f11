import { parseIsoDate } from './dates';
import { parseEmployeeRows } from './employee-rows';
import { parseJurisdictionRows } from './jurisdiction-rows';
import { checkLinks } from './links';
import { type Jurisdiction, type OrgDirectory } from './model';
import { type OrgProblem } from './problem';
import { parseUnitRows } from './unit-rows';

/** Input of `parseOrgCsv`: the CSV texts and the names to report problems under. */
export interface ParseOrgInput {
  readonly unitsCsv: string;
  readonly employeesCsv: string;
  /** Name used in problems, e.g. "examples/orgs/kebumen/units.csv". */
  readonly unitsFile: string;
  readonly employeesFile: string;
  /** Optional jurisdiction.csv (one row: id, name, timeZone, referenceDate, data.*). */
  readonly jurisdictionCsv?: string;
  readonly jurisdictionFile?: string;
  /** ISO date `YYYY-MM-DD` on which NIPs and birth dates must be plausible (no clock in domain/). */
  readonly asOf: string;
  /** When given, every unit's sector must be one of these (e.g. SECTOR_IDS from domain/policy/sectors). */
  readonly knownSectors?: readonly string[];
}

/** The outcome of an import: the directory, or every problem found (sorted by file, then line). */
export type ParseOrgResult =
  | { readonly ok: true; readonly org: OrgDirectory }
  | { readonly ok: false; readonly problems: readonly OrgProblem[] };

/** Position types that may stand at the top of a supervisor chain (a unit head). */
const HEAD_TYPES: ReadonlySet<string> = new Set(['jpt', 'administrator']);

/**
 * Imports an org directory from CSV text (pure: the caller reads the files). Checks every row's fields,
 * NIPs, unit parents (exist, no cycles), employees' units, supervisors (exist, no cycles) and that every
 * chain ends at a head (jpt or administrator). Throws RangeError only when `asOf` itself is malformed.
 */
export function parseOrgCsv(input: ParseOrgInput): ParseOrgResult {
  const asOf = parseIsoDate(input.asOf);
  if (!asOf) throw new RangeError(`asOf "${input.asOf}" is not a valid YYYY-MM-DD date`);
  const { unitsFile, employeesFile } = input;
  const problems: OrgProblem[] = [];

  let jurisdiction: Jurisdiction | undefined;
  if (input.jurisdictionCsv !== undefined) {
    const j = parseJurisdictionRows(input.jurisdictionCsv, input.jurisdictionFile ?? 'jurisdiction.csv');
    problems.push(...j.problems);
    jurisdiction = j.jurisdiction;
  }

  const units = parseUnitRows(input.unitsCsv, unitsFile, input.knownSectors);
  problems.push(...units.problems);
  const unitLinks = checkLinks(
    units.units.map(({ line, unit }) => ({ id: unit.id, line, target: unit.parentId })),
    units.presentIds,
  );
  for (const n of unitLinks.dangling) {
    problems.push({
      file: unitsFile,
      line: n.line,
      field: 'parent',
      reason: `unit "${n.target}" does not exist`,
    });
  }
  for (const cycle of unitLinks.cycles) {
    const first = cycle[0];
    if (!first) continue;
    const path = [...cycle, first].map((n) => n.id).join(' → ');
    problems.push({ file: unitsFile, line: first.line, field: 'parent', reason: `parent cycle: ${path}` });
  }

  const staff = parseEmployeeRows(input.employeesCsv, employeesFile, asOf);
  problems.push(...staff.problems);
  for (const { line, employee } of staff.employees) {
    // Why the guard: with an unreadable units.csv every employee would repeat the same problem.
    if (units.readable && !units.presentIds.has(employee.unitId)) {
      problems.push({
        file: employeesFile,
        line,
        field: 'unit',
        reason: `unit "${employee.unitId}" does not exist`,
      });
    }
    if (employee.supervisorNip === undefined && !HEAD_TYPES.has(employee.positionType)) {
      problems.push({
        file: employeesFile,
        line,
        field: 'supervisorNip',
        reason: `missing: only a unit head (jpt or administrator) may have no supervisor, this is ${employee.positionType}`,
      });
    }
  }
  const supLinks = checkLinks(
    staff.employees.map(({ line, employee }) => ({ id: employee.nip, line, target: employee.supervisorNip })),
    staff.presentIds,
  );
  for (const n of supLinks.dangling) {
    problems.push({
      file: employeesFile,
      line: n.line,
      field: 'supervisorNip',
      reason: `supervisor "${n.target}" does not exist`,
    });
  }
  for (const cycle of supLinks.cycles) {
    const first = cycle[0];
    if (!first) continue;
    const path = [...cycle, first].map((n) => n.id).join(' → ');
    problems.push({
      file: employeesFile,
      line: first.line,
      field: 'supervisorNip',
      reason: `supervisor cycle (the chain never reaches a head): ${path}`,
    });
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems, input) };
  return {
    ok: true,
    org: {
      units: units.units.map((u) => u.unit),
      employees: staff.employees.map((e) => e.employee),
      ...(jurisdiction ? { jurisdiction } : {}),
    },
  };
}

function sortProblems(problems: readonly OrgProblem[], input: ParseOrgInput): OrgProblem[] {
  const order = [input.jurisdictionFile ?? 'jurisdiction.csv', input.unitsFile, input.employeesFile];
  const rank = (f: string) => {
    const k = order.indexOf(f);
    return k < 0 ? order.length : k;
  };
  // Array.prototype.sort is stable, so problems on one line keep the order they were found in.
  return [...problems].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
}
