/**
 * The token signing secret: EDARAN_JWT_SECRET when set, else a random one generated once into
 * <EDARAN_DATA_DIR>/jwt-secret (dev default), so tokens survive restarts of `npm run dev`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the secret came from, for the start-up line. */
export interface JwtSecret {
  readonly secret: string;
  readonly source: 'env' | 'file' | 'generated';
  readonly file?: string;
}

/** Resolves the secret; a too-short EDARAN_JWT_SECRET is an error naming the variable. */
export function resolveJwtSecret(env: NodeJS.ProcessEnv = process.env): JwtSecret {
  const fromEnv = env.EDARAN_JWT_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('EDARAN_JWT_SECRET: must be at least 32 characters');
    return { secret: fromEnv, source: 'env' };
  }
  const dir = env.EDARAN_DATA_DIR?.trim() || '.edaran';
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), source: 'file', file };
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'generated', file };
}
