/**
 * An org of a few thousand staff for the chaos run: a jurisdiction's generated full-scale org cut down to its
 * first top-level units (each with all its sub-units and staff) until `staff` people are in. Whole agencies
 * are kept, so every supervisor chain stays inside the directory.
 */
import { generateOrg, type JurisdictionId } from '../../domain/org/generate/generate-org';
import { type OrgDirectory, type Unit } from '../../domain/org/model';

export function orgOfAbout(jurisdiction: JurisdictionId, staff: number, seed: number): OrgDirectory {
  const full = generateOrg(jurisdiction, { scale: 'full', seed });
  const byId = new Map(full.units.map((u) => [u.id, u] as const));
  const topOf = (u: Unit): string => {
    let cur = u;
    while (cur.parentId !== undefined) cur = byId.get(cur.parentId) ?? cur;
    return cur.id;
  };
  const headcount = new Map<string, number>();
  for (const e of full.employees) {
    const top = topOf(byId.get(e.unitId)!);
    headcount.set(top, (headcount.get(top) ?? 0) + 1);
  }
  const kept = new Set<string>();
  let total = 0;
  for (const u of full.units) {
    if (u.parentId !== undefined || total >= staff) continue;
    kept.add(u.id);
    total += headcount.get(u.id) ?? 0;
  }
  const units = full.units.filter((u) => kept.has(topOf(u)));
  const unitIds = new Set(units.map((u) => u.id));
  const employees = full.employees.filter((e) => unitIds.has(e.unitId));
  const nips = new Set(employees.map((e) => e.nip));
  // A supervisor in an agency left out is dropped (none in the seed orgs: agencies report to no one outside).
  return {
    ...full,
    units,
    employees: employees.map((e) =>
      e.supervisorNip === undefined || nips.has(e.supervisorNip) ? e : { ...e, supervisorNip: undefined },
    ),
  };
}
