import { z } from 'zod';
import { emailProblem, phoneProblem } from './contact';
import { compareYmd, parseIsoDate, type Ymd } from './dates';
import { EMPLOYMENT_STATUSES, POSITION_TYPES, type Employee } from './model';
import { checkNip, NON_ASN_PREFIX, parseNonAsnId } from './nip';
import { type OrgProblem } from './problem';
import { readTable, type TableSpec } from './table';

/** Columns of employees.csv. */
export const EMPLOYEE_COLUMNS: TableSpec = {
  required: ['nip', 'name', 'unit', 'positionType', 'positionName', 'status', 'birthDate'],
  optional: ['supervisorNip', 'email', 'phone'],
};

const nonEmpty = z.string().min(1, 'must not be empty');
const optionalChecked = (check: (s: string) => string | undefined) =>
  z
    .string()
    .optional()
    .superRefine((s, ctx) => {
      const reason = s ? check(s) : undefined;
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });
const employeeRowSchema = z.object({
  nip: nonEmpty,
  name: nonEmpty,
  unit: nonEmpty,
  positionType: z.enum(POSITION_TYPES, {
    error: (iss) => `must be one of ${POSITION_TYPES.join(', ')}, got "${String(iss.input)}"`,
  }),
  positionName: nonEmpty,
  status: z.enum(EMPLOYMENT_STATUSES, {
    error: (iss) => `must be one of ${EMPLOYMENT_STATUSES.join(', ')}, got "${String(iss.input)}"`,
  }),
  birthDate: z.string().refine((s) => parseIsoDate(s) !== undefined, {
    error: (iss) => `must be a real date YYYY-MM-DD, got "${String(iss.input)}"`,
  }),
  supervisorNip: z.string().optional(),
  email: optionalChecked(emailProblem),
  phone: optionalChecked(phoneProblem),
});

/** A parsed employee with the line it came from. */
export interface EmployeeAt {
  readonly line: number;
  readonly employee: Employee;
}

/**
 * Parses employees.csv rows: field shapes, NIP validity on `asOf` (ASN) or the NONASN id form (non-ASN),
 * NIP birth date equal to `birthDate`, unique NIPs. Units and supervisors are checked later on the whole set.
 */
export function parseEmployeeRows(
  text: string,
  file: string,
  asOf: Ymd,
): {
  readonly employees: readonly EmployeeAt[];
  readonly problems: readonly OrgProblem[];
  /** Every id in the nip column, also of rows with problems, so references to them are not reported twice. */
  readonly presentIds: ReadonlySet<string>;
} {
  const table = readTable(text, file, EMPLOYEE_COLUMNS);
  const problems: OrgProblem[] = [...table.problems];
  const employees: EmployeeAt[] = [];
  const firstLine = new Map<string, number>();
  const presentIds = new Set<string>();
  for (const row of table.rows) {
    if (row.cells['nip']) presentIds.add(row.cells['nip']);
    const parsed = employeeRowSchema.safeParse(row.cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, line: row.line, field: String(issue.path[0] ?? 'row'), reason: issue.message });
      }
      continue;
    }
    const r = parsed.data;
    const problem = (field: string, reason: string) => problems.push({ file, line: row.line, field, reason });
    const before = problems.length;
    const birth = parseIsoDate(r.birthDate) as Ymd;
    if (compareYmd(birth, asOf) > 0) problem('birthDate', `${r.birthDate} is after the as-of date`);
    if (r.status === 'non-ASN') {
      const id = parseNonAsnId(r.nip);
      if (!id) {
        problem(
          'nip',
          `non-ASN staff need an id "${NON_ASN_PREFIX}<unit>-<n>" (n = 1, 2, …), got "${r.nip}"`,
        );
      } else if (id.unitId !== r.unit) {
        problem('nip', `non-ASN id names unit "${id.unitId}" but the unit column is "${r.unit}"`);
      }
    } else {
      const nip = checkNip(r.nip, asOf);
      if (!nip.ok) problem('nip', nip.reason);
      else if (nip.parts.birthDate !== r.birthDate) {
        problem('nip', `birth date ${nip.parts.birthDate} in the NIP differs from birthDate ${r.birthDate}`);
      }
    }
    if (r.supervisorNip === r.nip) problem('supervisorNip', 'an employee cannot supervise themself');
    const first = firstLine.get(r.nip);
    if (first !== undefined) problem('nip', `duplicate NIP "${r.nip}", first on line ${first}`);
    else firstLine.set(r.nip, row.line);
    if (problems.length > before) continue;
    const employee: Employee = {
      nip: r.nip,
      name: r.name,
      unitId: r.unit,
      positionType: r.positionType,
      positionName: r.positionName,
      status: r.status,
      birthDate: r.birthDate,
      ...(r.supervisorNip ? { supervisorNip: r.supervisorNip } : {}),
      ...(r.email ? { email: r.email } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
    };
    employees.push({ line: row.line, employee });
  }
  return { employees, problems, presentIds };
}
