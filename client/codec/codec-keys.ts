/**
 * The AES-256 keys of the payload codec, read from EDARAN_CODEC_KEYS: `kid:base64key,kid:base64key,...`.
 * The first key encrypts; every listed key decrypts, so a rotated-out key stays listed until its data is gone.
 */

/** One named 32-byte key. */
export interface CodecKey {
  /** Key id, written in each encrypted payload's metadata so decryption picks the right key. */
  readonly id: string;
  readonly key: Buffer;
}

/** The environment variable that switches payload encryption on. */
export const CODEC_KEYS_VAR = 'EDARAN_CODEC_KEYS';

const KID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A malformed EDARAN_CODEC_KEYS, naming the entry and the reason. */
export class CodecKeyError extends Error {
  override readonly name = 'CodecKeyError';
}

/**
 * Parses `kid:base64key,...` (whitespace around entries ignored). Throws {@link CodecKeyError} on an empty list,
 * a bad kid, a key that is not base64 of exactly 32 bytes, or a kid listed twice.
 */
export function parseCodecKeys(text: string): CodecKey[] {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0)
    throw new CodecKeyError(`${CODEC_KEYS_VAR}: no keys (expected kid:base64key,...)`);
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const colon = entry.indexOf(':');
    const where = `${CODEC_KEYS_VAR}[${i}]`;
    if (colon < 0) throw new CodecKeyError(`${where}: expected kid:base64key`);
    const id = entry.slice(0, colon);
    const b64 = entry.slice(colon + 1);
    if (!KID.test(id)) throw new CodecKeyError(`${where}: key id must be 1-64 of A-Z a-z 0-9 . _ -`);
    if (seen.has(id)) throw new CodecKeyError(`${where}: key id "${id}" is listed twice`);
    seen.add(id);
    if (!BASE64.test(b64)) throw new CodecKeyError(`${where} (${id}): key is not base64`);
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) {
      throw new CodecKeyError(`${where} (${id}): key must be 32 bytes (AES-256), got ${key.length}`);
    }
    return { id, key };
  });
}
