/**
 * Integrity checks an org directory must pass before it is stored: the store's keys and joins rely on them.
 * Field-level validation (NIP format, position types) belongs to the CSV importer in domain/org.
 */
import { type OrgDirectory } from '../../domain/org/model';

/** Returns every problem found, each naming the record and field; empty when the directory is sound. */
export function directoryProblems(org: OrgDirectory): string[] {
  const problems: string[] = [];
  const unitIds = new Set<string>();
  for (const [i, u] of org.units.entries()) {
    if (!u.id) problems.push(`units[${i}].id: must not be empty`);
    else if (unitIds.has(u.id)) problems.push(`units[${i}].id: duplicate unit id "${u.id}"`);
    unitIds.add(u.id);
  }
  for (const [i, u] of org.units.entries()) {
    if (u.parentId !== undefined && !unitIds.has(u.parentId)) {
      problems.push(`units[${i}].parentId: unknown unit "${u.parentId}"`);
    }
  }
  const nips = new Set<string>();
  for (const [i, e] of org.employees.entries()) {
    if (!e.nip) problems.push(`employees[${i}].nip: must not be empty`);
    else if (nips.has(e.nip)) problems.push(`employees[${i}].nip: duplicate NIP "${e.nip}"`);
    nips.add(e.nip);
    if (!unitIds.has(e.unitId))
      problems.push(`employees[${i}].unitId: unknown unit "${e.unitId}" (NIP ${e.nip})`);
  }
  return problems;
}
