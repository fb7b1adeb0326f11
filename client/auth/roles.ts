/**
 * The roles of a signed-in person (SSO or the development sign-in), derived per letter from the letter's pinned
 * org directory: employee when the directory lists them, supervisor when someone reports to them, HR (of the
 * whole jurisdiction) when they work in the HR office (a unit tagged `hr-office`, e.g. BKPSDM); secretariat and
 * evaluator come from the identity provider's roles or groups, not from the directory.
 */
import { type Store } from '../../activities/store';
import { type Principal, type Role } from './principal';

/** The unit of an HR principal who administers the whole jurisdiction of its letters. */
export const WHOLE_JURISDICTION = '*';

/** Who signed in: their NIP and the roles the identity provider gave them. */
export interface Person {
  readonly sub: string;
  readonly name?: string;
  /** Roles granted by the IdP (only `secretariat` and `evaluator` are taken from there). */
  readonly idpRoles: readonly Role[];
}

/** The directory facts roles need, per directory version. */
interface DirectoryFacts {
  readonly supervisors: ReadonlySet<string>;
  readonly hrStaff: ReadonlySet<string>;
  readonly staff: ReadonlySet<string>;
}

/** Derives principals from the directory; the facts of each pinned directory version are read once. */
export interface RoleDeriver {
  /** The person's principals for a request about `policyId` (or none), in the order the guard tries them. */
  principalsOf(person: Person, policyId: string | undefined): Promise<Principal[]>;
}

/** Builds the deriver over the store. */
export function createRoleDeriver(store: Store): RoleDeriver {
  const facts = new Map<string, Promise<DirectoryFacts>>();
  const factsOf = (version: string): Promise<DirectoryFacts> => {
    let f = facts.get(version);
    if (!f) {
      f = store.loadDirectory({ directoryVersion: version }).then((org) => {
        const hrUnits = new Set(org.units.filter((u) => u.tags.includes('hr-office')).map((u) => u.id));
        return {
          supervisors: new Set(org.employees.flatMap((e) => (e.supervisorNip ? [e.supervisorNip] : []))),
          hrStaff: new Set(org.employees.filter((e) => hrUnits.has(e.unitId)).map((e) => e.nip)),
          staff: new Set(org.employees.map((e) => e.nip)),
        };
      });
      f.catch(() => facts.delete(version));
      facts.set(version, f);
    }
    return f;
  };

  return {
    async principalsOf(person, policyId) {
      const base = { sub: person.sub, ...(person.name ? { name: person.name } : {}) };
      const out: Principal[] = [];
      const pinned = policyId === undefined ? undefined : await store.pinnedDirectory(policyId);
      if (policyId !== undefined && pinned !== undefined) {
        const f = await factsOf(pinned);
        const policies = [policyId];
        // HR first: its view (the whole jurisdiction) contains the supervisor's own people.
        if (f.hrStaff.has(person.sub)) out.push({ role: 'hr', ...base, unit: WHOLE_JURISDICTION, policies });
        if (f.supervisors.has(person.sub)) out.push({ role: 'supervisor', ...base, policies });
      }
      for (const role of ['secretariat', 'evaluator'] as const)
        if (person.idpRoles.includes(role)) out.push({ role, ...base });
      // Everyone is an employee of their own data (reaches only themself).
      out.push({ role: 'employee', ...base });
      return out;
    },
  };
}
