/**
 * Minting and reading edaran's bearer tokens (HS256 JWT with a principal in its claims).
 */
import { signJwt, verifyJwt, type JwtFailure } from './jwt';
import { principalSchema, type Principal } from './principal';

/** Default lifetime of a minted token: 12 hours (one working day and some). */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;

/** Signs a token for `principal`, valid for `ttlSeconds` from `nowMs`. */
export function mintToken(
  principal: Principal,
  secret: string,
  nowMs: number,
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): string {
  const parsed = principalSchema.safeParse(principal);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'principal'}: ${issue?.message ?? 'invalid'}`);
  }
  return signJwt({ ...parsed.data, exp: Math.floor(nowMs / 1000) + ttlSeconds }, secret, nowMs);
}

/** Reads a token: the principal, or why it is refused. */
export function readToken(
  token: string,
  secret: string,
  nowMs: number,
): { ok: true; principal: Principal } | { ok: false; failure: JwtFailure | 'bad-claims' } {
  const verified = verifyJwt(token, secret, nowMs);
  if (!verified.ok) return verified;
  const { role, sub, name, unit, policies } = verified.claims;
  const parsed = principalSchema.safeParse({ role, sub, name, unit, policies });
  return parsed.success ? { ok: true, principal: parsed.data } : { ok: false, failure: 'bad-claims' };
}
