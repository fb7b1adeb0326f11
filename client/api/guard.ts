/**
 * Access for every /api route: the caller was read before the route (client/auth/authenticate.ts: a bearer token
 * or the session cookie); check the role against the access table, and, for actions about one person or unit,
 * check the principal reaches them. A signed-in person may hold several roles: the first one the endpoint
 * allows is used, and for a person the others are tried too. Every denial is logged.
 */
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type Store } from '../../activities/store';
import { reaches, reachesUnit, roleMay, type Capability, type Subject } from '../auth/access';
import { policyIdOf } from '../auth/authenticate';
import { coversDay, coversPolicy, type Principal } from '../auth/principal';
import { WHOLE_JURISDICTION } from '../auth/roles';
import { sendError } from './errors';

/** One logged denial (no token content, only who, what and why). */
export interface Denial {
  readonly at: string;
  readonly status: 401 | 403;
  readonly method: string;
  readonly url: string;
  readonly capability: Capability;
  readonly role: string | null;
  readonly sub: string | null;
  readonly reason: string;
}

export interface GuardDeps {
  readonly store: Store;
  /** Where denials go; default: one JSON line on stderr. */
  readonly onDenied?: (d: Denial) => void;
  readonly now?: () => number;
}

const defaultDenied = (d: Denial): void => {
  process.stderr.write(`[edaran] access denied ${JSON.stringify(d)}\n`);
};

/** The access checks bound to their dependencies. */
export interface Guard {
  /** The principal when the role may use `capability`; else sends 401/403 and returns undefined. */
  allow(req: FastifyRequest, reply: FastifyReply, capability: Capability): Principal | undefined;
  /** After {@link allow}: true when the principal reaches the person; else sends 403 (or 404) and returns false. */
  allowPerson(
    req: FastifyRequest,
    reply: FastifyReply,
    capability: Capability,
    p: Principal,
    policyId: string,
    nip: string,
  ): Promise<boolean>;
  /** After {@link allow}: true when the principal may see the unit's data; else sends 403. */
  allowUnit(
    req: FastifyRequest,
    reply: FastifyReply,
    capability: Capability,
    p: Principal,
    policyId: string,
    unitId: string,
  ): Promise<boolean>;
  /**
   * After {@link allow}, for routes whose letter is in the body (issue, preview): true when the token is good for
   * it; else sends 403 and returns false.
   */
  allowPolicy(
    req: FastifyRequest,
    reply: FastifyReply,
    capability: Capability,
    p: Principal,
    policyId: string,
  ): boolean;
  /** The unit and its ancestors in the policy's pinned directory. */
  unitAncestry(policyId: string, unitId: string): Promise<string[]>;
}

/** The day a request is about: the `:date` of a route (undefined elsewhere). */
function dayOf(req: FastifyRequest): string | undefined {
  const date = (req.params as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? date : undefined;
}

/** True when the principal may act for this capability on this letter and day. */
function fits(
  p: Principal,
  capability: Capability,
  policyId: string | undefined,
  day: string | undefined,
): boolean {
  return (
    roleMay(p.role, capability) &&
    (policyId === undefined || coversPolicy(p, policyId)) &&
    (day === undefined || coversDay(p, day))
  );
}

/** Builds the guard. */
export function createGuard(deps: GuardDeps): Guard {
  const now = deps.now ?? Date.now;
  const onDenied = deps.onDenied ?? defaultDenied;
  const deny = (
    req: FastifyRequest,
    reply: FastifyReply,
    status: 401 | 403,
    capability: Capability,
    p: Principal | undefined,
    reason: string,
  ): void => {
    onDenied({
      at: new Date(now()).toISOString(),
      status,
      method: req.method,
      url: req.url.split('?')[0] ?? req.url,
      capability,
      role: p?.role ?? null,
      sub: p?.sub ?? null,
      reason,
    });
    sendError(reply, status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', { problems: [reason] });
  };

  // A pinned directory never changes, so its unit tree is read once per directory version.
  const trees = new Map<string, Map<string, { parentId?: string }>>();
  const unitAncestry = async (policyId: string, unitId: string): Promise<string[]> => {
    const pinned = await deps.store.pinnedDirectory(policyId);
    if (pinned === undefined) return [unitId, WHOLE_JURISDICTION];
    let units = trees.get(pinned);
    if (!units) {
      units = new Map((await deps.store.listUnits({ policyId })).map((u) => [u.id, u]));
      trees.set(pinned, units);
    }
    const chain: string[] = [];
    for (let id: string | undefined = unitId; id !== undefined && !chain.includes(id); ) {
      chain.push(id);
      id = units.get(id)?.parentId;
    }
    // The jurisdiction is the root above every top-level unit (HR of the whole jurisdiction reaches all).
    chain.push(WHOLE_JURISDICTION);
    return chain;
  };

  const subjectOf = async (policyId: string, nip: string): Promise<Subject> => {
    if ((await deps.store.pinnedDirectory(policyId)) === undefined)
      return { nip, unitId: undefined, supervisorChain: [], unitAncestry: [] };
    const scope = { policyId };
    const employee = await deps.store.employeeByNip(scope, nip);
    const chain = employee ? await deps.store.supervisorChain(scope, nip) : [];
    return {
      nip,
      unitId: employee?.unitId,
      supervisorChain: chain.map((e) => e.nip),
      unitAncestry: employee ? await unitAncestry(policyId, employee.unitId) : [],
    };
  };

  return {
    allow(req, reply, capability) {
      const auth = req.edaranAuth;
      if (!auth || !auth.ok) {
        deny(req, reply, 401, capability, undefined, auth?.reason ?? 'authorization: missing Bearer token');
        return undefined;
      }
      const policyId = policyIdOf(req);
      const day = dayOf(req);
      const chosen = auth.candidates.find((p) => fits(p, capability, policyId, day));
      if (chosen) return chosen;
      const first = auth.candidates[0];
      const allowedRole = auth.candidates.find((p) => roleMay(p.role, capability));
      if (!allowedRole || !first) {
        const roles = auth.candidates.map((p) => p.role).join('/');
        deny(req, reply, 403, capability, first, `role ${roles} may not ${capability}`);
      } else if (policyId !== undefined && !coversPolicy(allowedRole, policyId)) {
        // A token scoped to some letters reaches no other letter, on every route under /api/policies/:id.
        deny(
          req,
          reply,
          403,
          capability,
          allowedRole,
          `policy: the ${allowedRole.role} token of ${allowedRole.sub} is not for policy ${policyId}`,
        );
      } else {
        deny(
          req,
          reply,
          403,
          capability,
          allowedRole,
          `date: the ${allowedRole.role} link of ${allowedRole.sub} is for ${allowedRole.day ?? '-'}, not ${day ?? '-'}`,
        );
      }
      return undefined;
    },
    async allowPerson(req, reply, capability, p, policyId, nip) {
      const subject = await subjectOf(policyId, nip);
      // The chosen role first, then the caller's other roles the endpoint allows (a supervisor is also an employee).
      const auth = req.edaranAuth;
      const others = auth?.ok
        ? auth.candidates.filter((c) => c !== p && fits(c, capability, policyId, dayOf(req)))
        : [];
      for (const c of [p, ...others])
        if ((c.person === undefined || c.person === nip) && reaches(c, subject)) return true;
      deny(req, reply, 403, capability, p, `nip: ${p.role} ${p.sub} does not reach this person`);
      return false;
    },
    allowPolicy(req, reply, capability, p, policyId) {
      if (coversPolicy(p, policyId)) return true;
      deny(
        req,
        reply,
        403,
        capability,
        p,
        `policy: the ${p.role} token of ${p.sub} is not for policy ${policyId}`,
      );
      return false;
    },
    async allowUnit(req, reply, capability, p, policyId, unitId) {
      if (reachesUnit(p, await unitAncestry(policyId, unitId))) return true;
      deny(req, reply, 403, capability, p, `unit: ${p.role} ${p.sub} does not reach unit ${unitId}`);
      return false;
    },
    unitAncestry,
  };
}
