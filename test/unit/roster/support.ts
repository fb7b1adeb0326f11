/** Builders for roster tests: policies from examples/policies, and small hand-made orgs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  type Employee,
  type EmploymentStatus,
  type OrgDirectory,
  type PositionType,
  type Unit,
} from '../../../domain/org/model';
import { parseOrgCsv } from '../../../domain/org/parse-org';
import { parsePolicy, type Policy, policyDays, SECTOR_IDS } from '../../../domain/policy';
import { type Roster, findAssignment, type Assignment } from '../../../domain/roster';

/** Parses examples/policies/<name>.yaml; throws with the problems when it does not validate. */
export function examplePolicy(name: string): Policy {
  const file = join(__dirname, '../../../examples/policies', `${name}.yaml`);
  const parsed = parsePolicy(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.policy;
}

/** The trial days of a policy (open-ended: the first `limit`). */
export function daysOf(policy: Policy, limit?: number): readonly string[] {
  return policyDays(policy, limit === undefined ? {} : { limit }).days;
}

/** A unit with defaults. */
export function unit(id: string, sector: string, extra: Partial<Unit> = {}): Unit {
  return { id, name: id, sector, tags: [], data: {}, ...extra };
}

let serial = 0;

/** An employee with defaults (a PNS pelaksana born 1990); NIPs are unique per call. */
export function person(
  unitId: string,
  extra: Partial<Employee> & { positionType?: PositionType; status?: EmploymentStatus } = {},
): Employee {
  serial++;
  return {
    nip: `199001012015011${String(serial).padStart(3, '0')}`,
    name: `Pegawai ${serial}`,
    unitId,
    positionType: 'pelaksana',
    positionName: 'Pengadministrasi Umum',
    status: 'PNS',
    birthDate: '1990-01-01',
    ...extra,
  };
}

/** `count` employees of a unit sharing `extra`. */
export function staff(unitId: string, count: number, extra: Partial<Employee> = {}): Employee[] {
  return Array.from({ length: count }, () => person(unitId, extra));
}

/** The assignment of a NIP on a date; throws when missing so tests fail loudly. */
export function at(r: Roster, nip: string, date: string): Assignment {
  const a = findAssignment(r, nip, date);
  if (!a) throw new Error(`no assignment for ${nip} on ${date}`);
  return a;
}

/** The unit's counts on a day index. */
export function countsOf(r: Roster, unitId: string, day = 0) {
  const c = r.unitDays[day]?.find((x) => x.unitId === unitId);
  if (!c) throw new Error(`no counts for ${unitId} on day ${day}`);
  return c;
}

/** Reads and validates the fixture org examples/orgs/<name> (units, employees, jurisdiction CSV). */
export function fixtureOrg(name: string): OrgDirectory {
  const dir = join(__dirname, '../../../examples/orgs', name);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const jurisdictionCsv = read('jurisdiction.csv');
  const [row] = parse(jurisdictionCsv, { columns: true }) as Record<string, string>[];
  const parsed = parseOrgCsv({
    unitsCsv: read('units.csv'),
    employeesCsv: read('employees.csv'),
    jurisdictionCsv,
    unitsFile: `${name}/units.csv`,
    employeesFile: `${name}/employees.csv`,
    jurisdictionFile: `${name}/jurisdiction.csv`,
    asOf: row?.referenceDate ?? '2024-01-01',
    knownSectors: SECTOR_IDS,
  });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems.slice(0, 5))}`);
  return parsed.org;
}
