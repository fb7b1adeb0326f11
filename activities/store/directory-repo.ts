/**
 * SQL of the org directory: versioned import (one transaction, multi-row inserts), pinning per policy, and the
 * reads the workflows need. Every read goes through a {@link DirectoryScope} so a running policy always sees
 * the version it was pinned to, whatever was imported later.
 */
import {
  EMPLOYMENT_STATUSES,
  POSITION_TYPES,
  type Employee,
  type EmploymentStatus,
  type Jurisdiction,
  type OrgDirectory,
  type PositionType,
  type Unit,
} from '../../domain/org/model';
import { directoryProblems } from './directory-check';
import { directoryVersionOf } from './directory-hash';
import { insertMany, type SqlDb } from './sql-db';
import {
  type DirectoryImport,
  type DirectoryScope,
  type DirectoryVersionInfo,
  type UnitWithHeadcount,
} from './store';

const UNIT_COLUMNS = ['version', 'id', 'name', 'sector', 'tags', 'parent_id', 'data'];
const EMPLOYEE_COLUMNS = [
  'version',
  'nip',
  'name',
  'unit_id',
  'position_type',
  'position_name',
  'status',
  'birth_date',
  'supervisor_nip',
  'email',
  'phone',
];
// Longest chain we follow: deeper than any real hierarchy, and a guard against corrupt data.
const MAX_CHAIN = 32;

interface EmployeeRow {
  nip: string;
  name: string;
  unit_id: string;
  position_type: string;
  position_name: string;
  status: string;
  birth_date: string;
  supervisor_nip: string | null;
  email: string | null;
  phone: string | null;
}

interface UnitRow {
  id: string;
  name: string;
  sector: string;
  tags: string;
  parent_id: string | null;
  data: string;
  headcount?: number | string;
}

const EMPLOYEE_SELECT =
  'SELECT nip, name, unit_id, position_type, position_name, status, birth_date, supervisor_nip, email, phone FROM directory_employees';

function toEmployee(r: EmployeeRow): Employee {
  return {
    nip: r.nip,
    name: r.name,
    unitId: r.unit_id,
    // Stored values were written from typed Employees, so these casts only restore the types.
    positionType: (POSITION_TYPES as readonly string[]).includes(r.position_type)
      ? (r.position_type as PositionType)
      : 'pelaksana',
    positionName: r.position_name,
    status: (EMPLOYMENT_STATUSES as readonly string[]).includes(r.status)
      ? (r.status as EmploymentStatus)
      : 'non-ASN',
    birthDate: r.birth_date,
    ...(r.supervisor_nip ? { supervisorNip: r.supervisor_nip } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
  };
}

function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    sector: r.sector,
    tags: JSON.parse(r.tags) as string[],
    ...(r.parent_id ? { parentId: r.parent_id } : {}),
    data: JSON.parse(r.data) as Record<string, number | string>,
  };
}

/** Imports `org` as a content-addressed version; a repeat import of the same content writes nothing. */
export async function importDirectory(
  db: SqlDb,
  org: OrgDirectory,
  opts: { source: string; now?: Date },
): Promise<DirectoryImport> {
  const problems = directoryProblems(org);
  if (problems.length > 0) {
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw new Error(`directory rejected: ${problems.slice(0, 10).join('; ')}${more}`);
  }
  const version = directoryVersionOf(org);
  const now = (opts.now ?? new Date()).toISOString();
  const counts = { units: org.units.length, employees: org.employees.length };
  return db.transaction(async (tx) => {
    const created = await tx.run(
      'INSERT INTO directory_versions (version, source, imported_at, unit_count, employee_count, jurisdiction) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING',
      [
        version,
        opts.source,
        now,
        counts.units,
        counts.employees,
        org.jurisdiction ? JSON.stringify(org.jurisdiction) : null,
      ],
    );
    if (created === 0) return { directoryVersion: version, created: false, ...counts };
    await insertMany(
      tx,
      'directory_units',
      UNIT_COLUMNS,
      org.units.map((u) => [
        version,
        u.id,
        u.name,
        u.sector,
        JSON.stringify(u.tags),
        u.parentId ?? null,
        JSON.stringify(u.data),
      ]),
    );
    await insertMany(
      tx,
      'directory_employees',
      EMPLOYEE_COLUMNS,
      org.employees.map((e) => [
        version,
        e.nip,
        e.name,
        e.unitId,
        e.positionType,
        e.positionName,
        e.status,
        e.birthDate,
        e.supervisorNip ?? null,
        e.email ?? null,
        e.phone ?? null,
      ]),
    );
    return { directoryVersion: version, created: true, ...counts };
  });
}

/** Pins `policyId` to `version`; refuses a silent change of an existing pin. */
export async function pinDirectory(
  db: SqlDb,
  policyId: string,
  version: string,
  opts: { replace?: boolean; now?: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const exists = await tx.get('SELECT version FROM directory_versions WHERE version = ?', [version]);
    if (!exists) throw new Error(`directoryVersion: unknown directory version "${version}"`);
    const current = await tx.get<{ version: string }>(
      'SELECT version FROM policy_directory WHERE policy_id = ?',
      [policyId],
    );
    if (current?.version === version) return;
    if (current && !opts.replace) {
      throw new Error(
        `policyId: policy "${policyId}" is pinned to directory ${current.version}; re-pinning to ${version} would change its roster, pass replace: true to do it on purpose`,
      );
    }
    await tx.run(
      'INSERT INTO policy_directory (policy_id, version, pinned_at) VALUES (?, ?, ?) ON CONFLICT (policy_id) DO UPDATE SET version = excluded.version, pinned_at = excluded.pinned_at',
      [policyId, version, (opts.now ?? new Date()).toISOString()],
    );
  });
}

/** The directory version pinned to `policyId`, if any. */
export async function pinnedDirectory(db: SqlDb, policyId: string): Promise<string | undefined> {
  const row = await db.get<{ version: string }>('SELECT version FROM policy_directory WHERE policy_id = ?', [
    policyId,
  ]);
  return row?.version;
}

async function resolve(db: SqlDb, scope: DirectoryScope): Promise<string> {
  if ('directoryVersion' in scope) {
    const row = await db.get('SELECT version FROM directory_versions WHERE version = ?', [
      scope.directoryVersion,
    ]);
    if (!row) throw new Error(`directoryVersion: unknown directory version "${scope.directoryVersion}"`);
    return scope.directoryVersion;
  }
  const version = await pinnedDirectory(db, scope.policyId);
  if (!version)
    throw new Error(`policyId: policy "${scope.policyId}" has no pinned directory; pin one first`);
  return version;
}

interface VersionRow {
  version: string;
  source: string;
  imported_at: string;
  unit_count: number;
  employee_count: number;
  jurisdiction: string | null;
}

const VERSION_SELECT =
  'SELECT version, source, imported_at, unit_count, employee_count, jurisdiction FROM directory_versions';

function toVersionInfo(r: VersionRow): DirectoryVersionInfo {
  return {
    directoryVersion: r.version,
    source: r.source,
    importedAt: r.imported_at,
    units: Number(r.unit_count),
    employees: Number(r.employee_count),
    ...(r.jurisdiction ? { jurisdiction: JSON.parse(r.jurisdiction) as Jurisdiction } : {}),
  };
}

/** Every stored directory version, newest first. */
export async function listDirectoryVersions(db: SqlDb): Promise<DirectoryVersionInfo[]> {
  const rows = await db.all<VersionRow>(`${VERSION_SELECT} ORDER BY imported_at DESC, version`);
  return rows.map(toVersionInfo);
}

/** The version a scope resolves to. */
export async function directoryInfo(db: SqlDb, scope: DirectoryScope): Promise<DirectoryVersionInfo> {
  const version = await resolve(db, scope);
  const row = await db.get<VersionRow>(`${VERSION_SELECT} WHERE version = ?`, [version]);
  if (!row) throw new Error(`directoryVersion: unknown directory version "${version}"`);
  return toVersionInfo(row);
}

/** The whole directory of a scope, units by id and employees by NIP. */
export async function loadDirectory(db: SqlDb, scope: DirectoryScope): Promise<OrgDirectory> {
  const info = await directoryInfo(db, scope);
  const units = await db.all<UnitRow>(
    'SELECT id, name, sector, tags, parent_id, data FROM directory_units WHERE version = ? ORDER BY id',
    [info.directoryVersion],
  );
  const employees = await db.all<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE version = ? ORDER BY nip`, [
    info.directoryVersion,
  ]);
  return {
    units: units.map(toUnit),
    employees: employees.map(toEmployee),
    ...(info.jurisdiction ? { jurisdiction: info.jurisdiction } : {}),
  };
}

/** Units of the scope's version with their direct headcount, ordered by id. */
export async function listUnits(db: SqlDb, scope: DirectoryScope): Promise<UnitWithHeadcount[]> {
  const version = await resolve(db, scope);
  const rows = await db.all<UnitRow>(
    `SELECT u.id, u.name, u.sector, u.tags, u.parent_id, u.data,
       (SELECT COUNT(*) FROM directory_employees e WHERE e.version = u.version AND e.unit_id = u.id) AS headcount
     FROM directory_units u WHERE u.version = ? ORDER BY u.id`,
    [version],
  );
  return rows.map((r) => ({ ...toUnit(r), headcount: Number(r.headcount ?? 0) }));
}

/** Employees directly in `unitId`, ordered by NIP. */
export async function employeesOfUnit(db: SqlDb, scope: DirectoryScope, unitId: string): Promise<Employee[]> {
  const version = await resolve(db, scope);
  const rows = await db.all<EmployeeRow>(
    `${EMPLOYEE_SELECT} WHERE version = ? AND unit_id = ? ORDER BY nip`,
    [version, unitId],
  );
  return rows.map(toEmployee);
}

/** One employee by NIP. */
export async function employeeByNip(
  db: SqlDb,
  scope: DirectoryScope,
  nip: string,
): Promise<Employee | undefined> {
  const version = await resolve(db, scope);
  const row = await db.get<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE version = ? AND nip = ?`, [version, nip]);
  return row ? toEmployee(row) : undefined;
}

/** Many employees by NIP, queried in chunks. */
export async function employeesByNip(
  db: SqlDb,
  scope: DirectoryScope,
  nips: readonly string[],
): Promise<Map<string, Employee>> {
  const version = await resolve(db, scope);
  const unique = [...new Set(nips)];
  const found = new Map<string, Employee>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db.all<EmployeeRow>(
      `${EMPLOYEE_SELECT} WHERE version = ? AND nip IN (${chunk.map(() => '?').join(',')})`,
      [version, ...chunk],
    );
    for (const r of rows) found.set(r.nip, toEmployee(r));
  }
  return found;
}

/** Supervisors of `nip`, nearest first. */
export async function supervisorChain(db: SqlDb, scope: DirectoryScope, nip: string): Promise<Employee[]> {
  const version = await resolve(db, scope);
  const chain: Employee[] = [];
  const seen = new Set([nip]);
  let current = await db.get<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE version = ? AND nip = ?`, [version, nip]);
  while (current?.supervisor_nip && !seen.has(current.supervisor_nip) && chain.length < MAX_CHAIN) {
    seen.add(current.supervisor_nip);
    current = await db.get<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE version = ? AND nip = ?`, [
      version,
      current.supervisor_nip,
    ]);
    if (current) chain.push(toEmployee(current));
  }
  return chain;
}
