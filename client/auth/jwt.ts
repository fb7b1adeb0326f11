/**
 * HS256 JSON Web Tokens with node:crypto: sign and verify, nothing else (no new dependency). Only HS256 is
 * accepted on verification, so a token cannot pick a weaker algorithm ("alg": "none").
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Why a token was refused (logged, never shown in detail to the caller). */
export type JwtFailure = 'malformed' | 'bad-algorithm' | 'bad-signature' | 'expired' | 'not-yet-valid';

/** Signs `claims` (an `iat` in seconds is added when missing). */
export function signJwt(claims: Record<string, unknown>, secret: string, nowMs: number): string {
  const body = { iat: Math.floor(nowMs / 1000), ...claims };
  const payload = b64url(JSON.stringify(body));
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** Verifies signature, algorithm, `exp` and `nbf`; returns the claims or why the token was refused. */
export function verifyJwt(
  token: string,
  secret: string,
  nowMs: number,
): { ok: true; claims: Record<string, unknown> } | { ok: false; failure: JwtFailure } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, failure: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, failure: 'malformed' };
  }
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256')
    return { ok: false, failure: 'bad-algorithm' };
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    return { ok: false, failure: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, failure: 'bad-signature' };
  const c = claims as Record<string, unknown>;
  const nowS = nowMs / 1000;
  if (typeof c.exp === 'number' && nowS >= c.exp) return { ok: false, failure: 'expired' };
  if (typeof c.nbf === 'number' && nowS < c.nbf) return { ok: false, failure: 'not-yet-valid' };
  return { ok: true, claims: c };
}
