/**
 * Who receives a missing report's escalation at one level, by the role the letter names for that level:
 * - supervisor: the direct supervisor;
 * - supervisor-chain: level by level up the chain (berjenjang): the level-th supervisor, or the top of the chain;
 * - unit-head: the head of the person's agency (OPD / ministry): the highest supervisor in the chain who still
 *   belongs to the same top-level unit; for the head themselves, their own supervisor;
 * - hr-office / unit-hr: the head of the directory's HR office (a unit tagged `hr-office`, e.g. BKD / BKPSDM);
 *   a directory without one sends it to the unit head instead (the fallback is part of the answer);
 * - any other role: as supervisor-chain.
 * Undefined when the person has no supervisor at all (the top of the organisation).
 */
import { type Employee } from '../org/model';

export interface EscalationRecipient {
  readonly nip: string;
  /** The role actually served: the letter's, or `unit-head` when the directory has no HR office. */
  readonly as: string;
}

export interface EscalationContext {
  /** The letter's `to` for the level (a role of domain/policy's ROLES). */
  readonly to: string;
  readonly level: number;
  readonly person: Employee;
  /** The person's supervisors, the direct one first. */
  readonly chain: readonly Employee[];
  /** The top-level unit (agency) a unit belongs to. */
  readonly agencyOf: (unitId: string) => string;
  /** The head of the HR office, when the directory has one. */
  readonly hrHead?: Employee;
}

export function escalationRecipient(c: EscalationContext): EscalationRecipient | undefined {
  const direct = c.chain[0];
  if (direct === undefined) return undefined;
  const unitHead = (): Employee => {
    const agency = c.agencyOf(c.person.unitId);
    let head: Employee | undefined;
    for (const s of c.chain) {
      if (c.agencyOf(s.unitId) !== agency) break;
      head = s;
    }
    return head ?? direct;
  };
  switch (c.to) {
    case 'supervisor':
      return { nip: direct.nip, as: c.to };
    case 'unit-head':
      return { nip: unitHead().nip, as: c.to };
    case 'hr-office':
    case 'unit-hr':
      return c.hrHead && c.hrHead.nip !== c.person.nip
        ? { nip: c.hrHead.nip, as: c.to }
        : { nip: unitHead().nip, as: 'unit-head' };
    default: {
      const up = c.chain[Math.max(0, c.level - 1)] ?? c.chain[c.chain.length - 1];
      return up ? { nip: up.nip, as: c.to } : undefined;
    }
  }
}

/**
 * The head of a unit's staff: its member whose supervisor is not in the unit (or who has none); the first such
 * member in NIP order when there are several, so the answer does not depend on the directory's row order.
 */
export function headOfUnit(members: readonly Employee[]): Employee | undefined {
  const nips = new Set(members.map((m) => m.nip));
  return [...members]
    .filter((m) => m.supervisorNip === undefined || !nips.has(m.supervisorNip))
    .sort((a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0))[0];
}
