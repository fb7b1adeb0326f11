/**
 * edaran's own JSON Web Tokens, signed and verified with `jose` (HS256 with a `kid`, see keys.ts). Each token has
 * one use, carried in its audience, so a personal link cannot be replayed as a session cookie or a service token:
 * `api` (bearer tokens for scripts and gateways, minted by `edaran token`), `session` (the browser's cookie) and
 * `link` (the personal link in a message); `oidc-state` holds the PKCE verifier during a sign-in. `exp` is required on every token.
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { asKeyRing, keyById, type KeyRing } from './keys';
import { principalSchema, type Principal } from './principal';

/** Default lifetime of a minted service token: 12 hours (one working day and some). */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;

/** What a token is for. */
export type TokenUse = 'api' | 'session' | 'link' | 'oidc-state';

/** Why a token was refused (logged, never shown in detail to the caller). */
export type TokenFailure =
  | 'malformed'
  | 'bad-algorithm'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'missing-exp'
  | 'not-yet-valid'
  | 'wrong-use'
  | 'bad-claims';

const ISSUER = 'edaran';
const audienceOf = (use: TokenUse): string => `edaran:${use}`;

/** Signs `claims` for `use` with the ring's current key, valid for `ttlSeconds` from `nowMs`. */
export async function signToken(
  keys: KeyRing | string,
  use: TokenUse,
  claims: JWTPayload,
  nowMs: number,
  ttlSeconds: number,
): Promise<string> {
  if (!(ttlSeconds > 0)) throw new Error(`ttlSeconds: must be positive, got ${ttlSeconds}`);
  const { current } = asKeyRing(keys);
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', kid: current.kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(audienceOf(use))
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.round(ttlSeconds))
    .sign(current.key);
}

/** Verifies algorithm, key id, signature, issuer, use and times; returns the claims or why it was refused. */
export async function verifyToken(
  keys: KeyRing | string,
  use: TokenUse,
  token: string,
  nowMs: number,
  /** Seconds of expiry to overlook (only to name the person of an expired link). */
  clockToleranceSeconds = 0,
): Promise<{ ok: true; claims: JWTPayload } | { ok: false; failure: TokenFailure }> {
  const ring = asKeyRing(keys);
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = keyById(ring, header.kid);
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key.key;
      },
      {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: audienceOf(use),
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(nowMs),
        clockTolerance: clockToleranceSeconds,
      },
    );
    return { ok: true, claims: payload };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

function failureOf(err: unknown): TokenFailure {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'exp') return 'missing-exp';
    if (err.claim === 'nbf' || err.claim === 'iat') return 'not-yet-valid';
    if (err.claim === 'aud' || err.claim === 'iss') return 'wrong-use';
    return 'bad-claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported)
    return 'bad-algorithm';
  if (err instanceof errors.JWKSNoMatchingKey) return 'unknown-key';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  return 'malformed';
}

/** The principal claims of a verified token, or undefined when they are not a principal. */
export function principalOf(claims: JWTPayload): Principal | undefined {
  const { role, sub, name, unit, policies, day, person } = claims as Record<string, unknown>;
  const parsed = principalSchema.safeParse({ role, sub, name, unit, policies, day, person });
  return parsed.success ? parsed.data : undefined;
}

/** Checks a principal, throwing an error that names the field. */
export function checkedPrincipal(principal: Principal): Principal {
  const parsed = principalSchema.safeParse(principal);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'principal'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Mints a service token (bearer, for scripts and gateways) for `principal`, valid for `ttlSeconds`. */
export async function mintToken(
  principal: Principal,
  keys: KeyRing | string,
  nowMs: number,
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): Promise<string> {
  return signToken(keys, 'api', { ...checkedPrincipal(principal) }, nowMs, ttlSeconds);
}

/** Reads a token of `use` (default a service token): the principal, or why it is refused. */
export async function readToken(
  token: string,
  keys: KeyRing | string,
  nowMs: number,
  use: TokenUse = 'api',
): Promise<{ ok: true; principal: Principal } | { ok: false; failure: TokenFailure }> {
  const verified = await verifyToken(keys, use, token, nowMs);
  if (!verified.ok) return verified;
  const principal = principalOf(verified.claims);
  return principal ? { ok: true, principal } : { ok: false, failure: 'bad-claims' };
}
