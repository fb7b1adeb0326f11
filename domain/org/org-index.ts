import { type Employee, type OrgDirectory, type Unit } from './model';

/** Lookup tables over a directory, built once in O(n) and reused (memoised per directory object). */
export interface OrgIndex {
  readonly org: OrgDirectory;
  readonly unitById: ReadonlyMap<string, Unit>;
  readonly employeeByNip: ReadonlyMap<string, Employee>;
  /** Employees of each unit (only the unit itself, not its sub-units), in directory order. */
  readonly employeesByUnit: ReadonlyMap<string, readonly Employee[]>;
  /** Direct sub-units of each unit. */
  readonly childUnits: ReadonlyMap<string, readonly Unit[]>;
  /** Direct reports of each supervisor NIP. */
  readonly directReports: ReadonlyMap<string, readonly Employee[]>;
}

const cache = new WeakMap<OrgDirectory, OrgIndex>();

/** Builds (or returns the cached) index of a directory. Treat the directory as immutable afterwards. */
export function indexOrg(org: OrgDirectory): OrgIndex {
  const hit = cache.get(org);
  if (hit) return hit;
  const unitById = new Map<string, Unit>();
  const childUnits = new Map<string, Unit[]>();
  for (const u of org.units) {
    unitById.set(u.id, u);
    if (u.parentId !== undefined) push(childUnits, u.parentId, u);
  }
  const employeeByNip = new Map<string, Employee>();
  const employeesByUnit = new Map<string, Employee[]>();
  const directReports = new Map<string, Employee[]>();
  for (const e of org.employees) {
    employeeByNip.set(e.nip, e);
    push(employeesByUnit, e.unitId, e);
    if (e.supervisorNip !== undefined) push(directReports, e.supervisorNip, e);
  }
  const index: OrgIndex = { org, unitById, employeeByNip, employeesByUnit, childUnits, directReports };
  cache.set(org, index);
  return index;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function asIndex(org: OrgDirectory | OrgIndex): OrgIndex {
  return 'unitById' in org ? org : indexOrg(org);
}

/**
 * The supervisors of an employee, nearest first, up to the head at the top (the employee not included),
 * i.e. the path a report travels "berjenjang". Throws RangeError for an unknown NIP. Stops at a repeated
 * NIP, so an unvalidated directory with a cycle cannot loop.
 */
export function supervisorChain(org: OrgDirectory | OrgIndex, nip: string): readonly Employee[] {
  const index = asIndex(org);
  const self = index.employeeByNip.get(nip);
  if (!self) throw new RangeError(`no employee with NIP "${nip}"`);
  const chain: Employee[] = [];
  const seen = new Set<string>([nip]);
  let next = self.supervisorNip;
  while (next !== undefined && !seen.has(next)) {
    const sup = index.employeeByNip.get(next);
    if (!sup) break;
    chain.push(sup);
    seen.add(next);
    next = sup.supervisorNip;
  }
  return chain;
}

/** Employees of one unit (not its sub-units); empty for an unknown unit. */
export function employeesOfUnit(org: OrgDirectory | OrgIndex, unitId: string): readonly Employee[] {
  return asIndex(org).employeesByUnit.get(unitId) ?? [];
}

/**
 * The head of a unit: its member whose supervisor is outside the unit (or who has none), preferring
 * the highest position type. Undefined for a unit without staff.
 */
export function unitHead(org: OrgDirectory | OrgIndex, unitId: string): Employee | undefined {
  const index = asIndex(org);
  let best: Employee | undefined;
  for (const e of index.employeesByUnit.get(unitId) ?? []) {
    const sup = e.supervisorNip === undefined ? undefined : index.employeeByNip.get(e.supervisorNip);
    if (sup && sup.unitId === unitId) continue;
    if (!best || RANK[e.positionType] < RANK[best.positionType]) best = e;
  }
  return best;
}

const RANK: Readonly<Record<Employee['positionType'], number>> = {
  jpt: 0,
  administrator: 1,
  pengawas: 2,
  fungsional: 3,
  pelaksana: 4,
};

/** A unit and all its descendants, parents before children (guards against cycles). */
export function unitSubtree(org: OrgDirectory | OrgIndex, unitId: string): readonly Unit[] {
  const index = asIndex(org);
  const root = index.unitById.get(unitId);
  if (!root) return [];
  const out: Unit[] = [];
  const seen = new Set<string>();
  const queue: Unit[] = [root];
  for (let k = 0; k < queue.length; k++) {
    const u = queue[k] as Unit;
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    out.push(u);
    queue.push(...(index.childUnits.get(u.id) ?? []));
  }
  return out;
}

/** The top-level ancestor of a unit (the OPD or ministry it belongs to); undefined for an unknown unit. */
export function topLevelUnit(org: OrgDirectory | OrgIndex, unitId: string): Unit | undefined {
  const index = asIndex(org);
  let u = index.unitById.get(unitId);
  const seen = new Set<string>();
  while (u && u.parentId !== undefined && !seen.has(u.id)) {
    seen.add(u.id);
    const parent = index.unitById.get(u.parentId);
    if (!parent) break;
    u = parent;
  }
  return u;
}
