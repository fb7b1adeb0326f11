/**
 * Browser sessions: a `jose`-signed token (use `session`) in an HttpOnly, SameSite=Lax cookie, Secure outside
 * development. A session is either a signed-in person (SSO or the development sign-in; roles are derived per
 * letter, see roles.ts) or the narrow principal of a personal link (one letter, one day, one purpose).
 */
import { type CookieSerializeOptions } from '@fastify/cookie';
import { z } from 'zod';
import { type KeyRing } from './keys';
import { ROLES, principalSchema, type Principal } from './principal';
import { type Person } from './roles';
import { principalOf, signToken, verifyToken, type TokenFailure } from './tokens';

/** The session cookie's name. */
export const SESSION_COOKIE = 'edaran_session';

/** Default lifetime of a session: 10 hours (a working day). */
export const DEFAULT_SESSION_TTL_SECONDS = 10 * 3600;

/** What a session cookie carries. */
export type Session =
  | {
      readonly kind: 'person';
      readonly person: Person;
      readonly via: 'oidc' | 'dev';
      readonly idToken?: string;
    }
  | { readonly kind: 'link'; readonly principal: Principal };

const personClaims = z.object({
  kind: z.literal('person'),
  sub: principalSchema.shape.sub,
  name: z.string().max(200).optional(),
  idpRoles: z.array(z.enum(ROLES)).max(5),
  via: z.enum(['oidc', 'dev']),
  idt: z.string().max(8000).optional(),
});

/** Cookie attributes: HttpOnly, SameSite=Lax (the link from a message is a top-level GET), Secure unless dev. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

/** Signs a session. */
export async function mintSession(
  keys: KeyRing,
  session: Session,
  nowMs: number,
  ttlSeconds = DEFAULT_SESSION_TTL_SECONDS,
): Promise<string> {
  const claims =
    session.kind === 'link'
      ? { kind: 'link', ...session.principal }
      : {
          kind: 'person',
          sub: session.person.sub,
          ...(session.person.name ? { name: session.person.name } : {}),
          idpRoles: [...session.person.idpRoles],
          via: session.via,
          ...(session.idToken ? { idt: session.idToken } : {}),
        };
  return signToken(keys, 'session', claims, nowMs, ttlSeconds);
}

/** Reads a session cookie. */
export async function readSession(
  keys: KeyRing,
  token: string,
  nowMs: number,
): Promise<{ ok: true; session: Session } | { ok: false; failure: TokenFailure }> {
  const verified = await verifyToken(keys, 'session', token, nowMs);
  if (!verified.ok) return verified;
  const c = verified.claims;
  if (c.kind === 'link') {
    const principal = principalOf(c);
    return principal
      ? { ok: true, session: { kind: 'link', principal } }
      : { ok: false, failure: 'bad-claims' };
  }
  const parsed = personClaims.safeParse(c);
  if (!parsed.success) return { ok: false, failure: 'bad-claims' };
  const p = parsed.data;
  return {
    ok: true,
    session: {
      kind: 'person',
      person: { sub: p.sub, ...(p.name ? { name: p.name } : {}), idpRoles: p.idpRoles },
      via: p.via,
      ...(p.idt ? { idToken: p.idt } : {}),
    },
  };
}
