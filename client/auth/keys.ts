/**
 * The signing keys of edaran's own tokens (service tokens, session cookies, personal links): HS256 keys, each
 * with a `kid` derived from the key itself, so a key can rotate. The current key signs; the current and the
 * previous keys verify, so tokens issued before a rotation stay good until they expire.
 *
 * Rotation: move EDARAN_JWT_SECRET into EDARAN_JWT_PREVIOUS_SECRETS (comma-separated), set a new
 * EDARAN_JWT_SECRET, restart the API and the worker. Without EDARAN_JWT_SECRET (dev) a random key is generated
 * once into <EDARAN_DATA_DIR>/jwt-secret, so sessions survive restarts of `npm run dev`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One HMAC key and its id. */
export interface SigningKey {
  readonly kid: string;
  readonly key: Uint8Array;
}

/** The key that signs and the keys that still verify. */
export interface KeyRing {
  readonly current: SigningKey;
  readonly previous: readonly SigningKey[];
  /** Where the current key came from, for the start-up line. */
  readonly source: 'env' | 'file' | 'generated' | 'given';
  readonly file?: string;
}

const MIN_SECRET = 32;

/** The key of a secret; its `kid` is a hash prefix, so the same secret always has the same id. */
export function signingKey(secret: string): SigningKey {
  const kid = createHash('sha256').update(`edaran-kid:${secret}`).digest('base64url').slice(0, 16);
  return { kid, key: new TextEncoder().encode(secret) };
}

/** A key ring from secrets (the first signs); a too-short secret is an error naming `field`. */
export function keyRing(
  current: string,
  previous: readonly string[] = [],
  source: KeyRing['source'] = 'given',
  field = 'EDARAN_JWT_SECRET',
): KeyRing {
  if (current.length < MIN_SECRET) throw new Error(`${field}: must be at least ${MIN_SECRET} characters`);
  for (const p of previous)
    if (p.length < MIN_SECRET)
      throw new Error(`EDARAN_JWT_PREVIOUS_SECRETS: each secret must be at least ${MIN_SECRET} characters`);
  return { current: signingKey(current), previous: previous.map(signingKey), source };
}

/** A key ring from a secret string or a ring (tests and callers that hold one secret pass the string). */
export function asKeyRing(keys: KeyRing | string): KeyRing {
  return typeof keys === 'string' ? keyRing(keys) : keys;
}

/** The key with this id, current or previous. */
export function keyById(ring: KeyRing, kid: string | undefined): SigningKey | undefined {
  if (kid === undefined) return undefined;
  return [ring.current, ...ring.previous].find((k) => k.kid === kid);
}

/** Resolves the ring from the environment (see the file comment). */
export function resolveKeyRing(env: NodeJS.ProcessEnv = process.env): KeyRing {
  const previous = (env.EDARAN_JWT_PREVIOUS_SECRETS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const fromEnv = env.EDARAN_JWT_SECRET?.trim();
  if (fromEnv) return keyRing(fromEnv, previous, 'env');
  const dir = env.EDARAN_DATA_DIR?.trim() || '.edaran';
  const file = join(dir, 'jwt-secret');
  if (existsSync(file))
    return { ...keyRing(readFileSync(file, 'utf8').trim(), previous, 'file', file), file };
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { ...keyRing(secret, previous, 'generated', file), file };
}
