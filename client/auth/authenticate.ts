/**
 * Who is calling, for every /api request, before the route runs: a bearer token (scripts and gateways) or the
 * session cookie (browsers). The result is a list of candidate principals (a signed-in person can be employee,
 * supervisor and HR at once); the guard picks the one the endpoint allows.
 */
import { type FastifyRequest } from 'fastify';
import { type KeyRing } from './keys';
import { type Principal } from './principal';
import { type RoleDeriver } from './roles';
import { readSession, SESSION_COOKIE } from './session';
import { readToken } from './tokens';

/** What the request proved about its caller. */
export type RequestAuth =
  | { readonly ok: true; readonly via: 'bearer' | 'session'; readonly candidates: readonly Principal[] }
  | { readonly ok: false; readonly reason: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on /api routes. */
    edaranAuth?: RequestAuth;
  }
}

/** The letter a request is about: the `:id` of a route under /api/policies/:id (undefined elsewhere). */
export function policyIdOf(req: FastifyRequest): string | undefined {
  if (!req.routeOptions.url?.startsWith('/api/policies/:id')) return undefined;
  const id = (req.params as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Reads the caller of a request. */
export async function authenticate(
  req: FastifyRequest,
  deps: { keys: KeyRing; roles: RoleDeriver; now: () => number },
): Promise<RequestAuth> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) return { ok: false, reason: 'authorization: missing Bearer token' };
    const read = await readToken(token, deps.keys, deps.now());
    return read.ok
      ? { ok: true, via: 'bearer', candidates: [read.principal] }
      : { ok: false, reason: `authorization: token ${read.failure}` };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return { ok: false, reason: 'authorization: missing Bearer token or session' };
  const read = await readSession(deps.keys, cookie, deps.now());
  if (!read.ok) return { ok: false, reason: `session: ${read.failure}` };
  const s = read.session;
  if (s.kind === 'link') return { ok: true, via: 'session', candidates: [s.principal] };
  return { ok: true, via: 'session', candidates: await deps.roles.principalsOf(s.person, policyIdOf(req)) };
}
