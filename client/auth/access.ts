/**
 * Who may do what. Two checks: the role may use the endpoint at all (ACCESS table), and, for an action about one
 * person, the principal reaches that person (an employee only themself, a supervisor only their chain, HR only
 * their unit and its sub-units; secretariat and evaluators read everyone).
 */
import { type Principal, type Role } from './principal';

/** What an endpoint does, for the access table. */
export const CAPABILITIES = [
  'issue',
  'amend',
  'revoke',
  'decide',
  'read-policy',
  'roster',
  'report',
  'supervise',
  'person-status',
  'team',
  'recap',
  'results',
  'dossier',
  'outbox',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The role × capability table; anything absent is denied. */
export const ACCESS: Readonly<Record<Capability, readonly Role[]>> = {
  issue: ['secretariat'],
  amend: ['secretariat'],
  revoke: ['secretariat'],
  decide: ['secretariat'],
  'read-policy': ['secretariat', 'employee', 'supervisor', 'hr', 'evaluator'],
  roster: ['secretariat', 'hr', 'evaluator'],
  report: ['employee'],
  supervise: ['supervisor', 'hr'],
  'person-status': ['secretariat', 'employee', 'supervisor', 'hr', 'evaluator'],
  team: ['supervisor', 'hr'],
  recap: ['secretariat', 'hr', 'evaluator'],
  results: ['secretariat', 'hr', 'evaluator'],
  dossier: ['secretariat', 'evaluator'],
  // Delivery status of notifications (who was not reached, and why): the secretariat, and HR for its units.
  outbox: ['secretariat', 'hr'],
};

/** True when the role may use the capability at all. */
export function roleMay(role: Role, capability: Capability): boolean {
  return ACCESS[capability].includes(role);
}

/** What the access check needs to know about the person acted upon. */
export interface Subject {
  readonly nip: string;
  /** Undefined when the NIP is not in the policy's directory. */
  readonly unitId: string | undefined;
  /** NIPs of the direct supervisor, theirs, … up to the top. */
  readonly supervisorChain: readonly string[];
  /** The unit and its ancestors (for HR of a parent unit). */
  readonly unitAncestry: readonly string[];
}

/** True when the principal reaches the subject (the role check comes first, see {@link roleMay}). */
export function reaches(p: Principal, s: Subject): boolean {
  switch (p.role) {
    case 'secretariat':
    case 'evaluator':
      return true;
    case 'employee':
      return p.sub === s.nip;
    case 'supervisor':
      return s.supervisorChain.includes(p.sub);
    case 'hr':
      return p.unit !== undefined && s.unitAncestry.includes(p.unit);
    default: {
      const never: never = p.role;
      return never;
    }
  }
}

/** True when the principal may see data of a unit (HR: its unit and sub-units; readers: all). */
export function reachesUnit(p: Principal, unitAncestry: readonly string[]): boolean {
  switch (p.role) {
    case 'secretariat':
    case 'evaluator':
      return true;
    case 'hr':
      return p.unit !== undefined && unitAncestry.includes(p.unit);
    case 'employee':
    case 'supervisor':
      return false;
    default: {
      const never: never = p.role;
      return never;
    }
  }
}
