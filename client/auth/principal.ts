/**
 * Who is calling: a role and, for people, their NIP; HR also carries the unit it administers and the letters it
 * administers them under (unit ids repeat across jurisdictions: `setda` is in Kebumen, Kutai Kartanegara, DKI,
 * ...). Carried in a signed token (see tokens.ts), checked with zod at the edge. A principal from a personal
 * link is narrowed further to one day (`day`) and, for a supervisor, one person (`person`).
 */
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../../domain/lifecycle/unit-day/roster-entry';

/** The five roles of issue 7. */
export const ROLES = ['secretariat', 'employee', 'supervisor', 'hr', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

const nip = z.string().regex(STAFF_ID_PATTERN, 'must be an 18-digit NIP or a staff id');
const policyId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a policy id');

/**
 * Token claims: `sub` is the NIP for employee/supervisor, an operator id otherwise; `unit` is required for HR;
 * `policies` names the letters the token is good for (required for HR, optional for every other role; a token
 * without it reaches every letter).
 */
export const principalSchema = z
  .object({
    role: z.enum(ROLES),
    sub: z.string().min(1).max(80),
    name: z.string().max(200).optional(),
    unit: z.string().min(1).max(80).optional(),
    policies: z.array(policyId).min(1, 'must name at least one policy').max(50).optional(),
    day: z.iso.date('must be a day YYYY-MM-DD').optional(),
    person: nip.optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.role === 'employee' || p.role === 'supervisor') && !nip.safeParse(p.sub).success)
      ctx.addIssue({ code: 'custom', path: ['sub'], message: `must be the NIP of the ${p.role}` });
    if (p.role === 'hr' && p.unit === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: 'required for role hr (the unit it administers)',
      });
    if (p.role === 'hr' && p.policies === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['policies'],
        message:
          'required for role hr (the letters it administers its unit under; unit ids repeat across jurisdictions)',
      });
  });

export type Principal = z.infer<typeof principalSchema>;

/** The actor recorded in domain events for an action by this principal. */
export function actorOf(p: Principal): { id: string; name: string; role: string } {
  return { id: p.sub, name: p.name ?? p.sub, role: p.role };
}

/** True when the principal is good for the day (no `day` claim: every day). */
export function coversDay(p: Principal, day: string): boolean {
  return p.day === undefined || p.day === day;
}

/** True when the token is good for the letter `policyId` (no `policies` claim: every letter). */
export function coversPolicy(p: Principal, policyId: string): boolean {
  return p.policies === undefined || p.policies.includes(policyId);
}
