import { emailProblem, phoneProblem } from './contact';
import { compareYmd, parseIsoDate, type Ymd } from './dates';
import {
  EMPLOYMENT_STATUSES,
  POSITION_TYPES,
  type Employee,
  type EmploymentStatus,
  type PositionType,
} from './model';
import { checkNip, NON_ASN_PREFIX, parseNonAsnId } from './nip';
import { type OrgProblem } from './problem';
import { readTable, type TableSpec } from './table';

const REQUIRED = ['nip', 'name', 'unit', 'positionType', 'positionName', 'status', 'birthDate'] as const;
const OPTIONAL = ['supervisorNip', 'email', 'phone'] as const;
const ALL_COLUMNS = [...REQUIRED, ...OPTIONAL] as const;

/** Columns of employees.csv. */
export const EMPLOYEE_COLUMNS: TableSpec = { required: REQUIRED, optional: OPTIONAL };

const POSITION_TYPE_SET: ReadonlySet<string> = new Set(POSITION_TYPES);
const STATUS_SET: ReadonlySet<string> = new Set(EMPLOYMENT_STATUSES);

/** Column positions of employees.csv (-1 when an optional column is absent). */
type Columns = Readonly<Record<(typeof ALL_COLUMNS)[number], number>>;

/** A parsed employee with the line it came from. */
export interface EmployeeAt {
  readonly line: number;
  readonly employee: Employee;
}

/**
 * Parses employees.csv rows: field shapes, NIP validity on `asOf` (ASN) or the NONASN id form (non-ASN),
 * NIP birth date equal to `birthDate`, unique NIPs. Units and supervisors are checked later on the whole set.
 * Hand-written checks rather than a zod schema: one row per civil servant (60,000 in DKI) must load in well
 * under 2 s, and a per-row schema cost ~10x more here.
 */
export function parseEmployeeRows(
  text: string,
  file: string,
  asOf: Ymd,
): {
  readonly employees: readonly EmployeeAt[];
  readonly problems: readonly OrgProblem[];
  /** Every id in the nip column (→ its first line), also of rows with problems, so references to them are not reported twice. */
  readonly presentIds: ReadonlyMap<string, number>;
} {
  const table = readTable(text, file, EMPLOYEE_COLUMNS);
  const problems: OrgProblem[] = [...table.problems];
  const employees: EmployeeAt[] = [];
  const firstLine = new Map<string, number>();
  const col = Object.fromEntries(ALL_COLUMNS.map((c) => [c, table.index.get(c) ?? -1])) as Columns;
  for (const row of table.rows) {
    const c = row.cells;
    const line = row.line;
    const before = problems.length;
    const problem = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const nip = c[col.nip] ?? '';
    if (nip === '') problem('nip', 'must not be empty');
    const name = c[col.name] ?? '';
    if (name === '') problem('name', 'must not be empty');
    const unit = c[col.unit] ?? '';
    if (unit === '') problem('unit', 'must not be empty');
    const positionType = c[col.positionType] ?? '';
    if (!POSITION_TYPE_SET.has(positionType)) {
      problem('positionType', `must be one of ${POSITION_TYPES.join(', ')}, got "${positionType}"`);
    }
    const positionName = c[col.positionName] ?? '';
    if (positionName === '') problem('positionName', 'must not be empty');
    const status = c[col.status] ?? '';
    if (!STATUS_SET.has(status)) {
      problem('status', `must be one of ${EMPLOYMENT_STATUSES.join(', ')}, got "${status}"`);
    }
    const birthDate = c[col.birthDate] ?? '';
    const birth = parseIsoDate(birthDate);
    if (!birth) problem('birthDate', `must be a real date YYYY-MM-DD, got "${birthDate}"`);
    else if (compareYmd(birth, asOf) > 0) problem('birthDate', `${birthDate} is after the as-of date`);
    const supervisorNip = c[col.supervisorNip] ?? '';
    const email = c[col.email] ?? '';
    const emailReason = email === '' ? undefined : emailProblem(email);
    if (emailReason) problem('email', emailReason);
    const phone = c[col.phone] ?? '';
    const phoneReason = phone === '' ? undefined : phoneProblem(phone);
    if (phoneReason) problem('phone', phoneReason);
    if (nip !== '') {
      if (status === 'non-ASN') {
        const id = parseNonAsnId(nip);
        if (!id) {
          problem(
            'nip',
            `non-ASN staff need an id "${NON_ASN_PREFIX}<unit>-<n>" (n = 1, 2, …), got "${nip}"`,
          );
        } else if (unit !== '' && id.unitId !== unit) {
          problem('nip', `non-ASN id names unit "${id.unitId}" but the unit column is "${unit}"`);
        }
      } else if (STATUS_SET.has(status)) {
        const check = checkNip(nip, asOf);
        if (!check.ok) problem('nip', check.reason);
        else if (birth && check.parts.birthDate !== birthDate) {
          problem(
            'nip',
            `birth date ${check.parts.birthDate} in the NIP differs from birthDate ${birthDate}`,
          );
        }
      }
      if (supervisorNip === nip) problem('supervisorNip', 'an employee cannot supervise themself');
      const first = firstLine.get(nip);
      if (first !== undefined) problem('nip', `duplicate NIP "${nip}", first on line ${first}`);
      else firstLine.set(nip, line);
    }
    if (problems.length > before) continue;
    // Why mutable: optional keys are added only when present, without spreading temporaries per row.
    const employee: { -readonly [K in keyof Employee]: Employee[K] } = {
      nip,
      name,
      unitId: unit,
      positionType: positionType as PositionType,
      positionName,
      status: status as EmploymentStatus,
      birthDate,
    };
    if (supervisorNip !== '') employee.supervisorNip = supervisorNip;
    if (email !== '') employee.email = email;
    if (phone !== '') employee.phone = phone;
    employees.push({ line, employee });
  }
  return { employees, problems, presentIds: firstLine };
}
