/**
 * Content hash of an org directory: the directory version. Order-insensitive (units sorted by id, employees
 * by NIP, tags kept in order since they are data), so re-importing the same CSV gives the same version.
 */
import { createHash } from 'node:crypto';
import { type Employee, type Jurisdiction, type OrgDirectory, type Unit } from '../../domain/org/model';

function canonicalUnit(u: Unit): unknown[] {
  const data = Object.keys(u.data)
    .sort()
    .map((k) => [k, u.data[k]]);
  return [u.id, u.name, u.sector, [...u.tags], u.parentId ?? null, data];
}

function canonicalJurisdiction(j: Jurisdiction): unknown[] {
  const data = Object.keys(j.data)
    .sort()
    .map((k) => [k, j.data[k]]);
  return [j.id, j.name, j.timeZone, j.referenceDate, data];
}

function canonicalEmployee(e: Employee): unknown[] {
  return [
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
  ];
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Returns the directory version for `org`, e.g. `dir-3f2a…` (24 hex digits of SHA-256). */
export function directoryVersionOf(org: OrgDirectory): string {
  const hash = createHash('sha256');
  hash.update('edaran-directory-v1\n');
  for (const u of [...org.units].sort(byKey((x) => x.id)))
    hash.update(JSON.stringify(canonicalUnit(u)) + '\n');
  hash.update(`${JSON.stringify(org.jurisdiction ? canonicalJurisdiction(org.jurisdiction) : null)}\n--\n`);
  for (const e of [...org.employees].sort(byKey((x) => x.nip))) {
    hash.update(JSON.stringify(canonicalEmployee(e)) + '\n');
  }
  return `dir-${hash.digest('hex').slice(0, 24)}`;
}
