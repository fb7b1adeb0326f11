/**
 * AES-256-GCM payload codec: every payload Temporal stores (workflow input and result, activity arguments,
 * signals, updates, queries, memo) is encrypted before it leaves the process, so NIPs, names and report text
 * never reach the Temporal server in clear. Search attributes are NOT payloads: they stay in clear by design
 * (workflows/search-attributes.ts keeps personal data out of them).
 *
 * Wire format of an encrypted payload: metadata `encoding` = `binary/encrypted`, `encryption-key-id` = kid,
 * data = 12-byte IV ‖ ciphertext ‖ 16-byte GCM tag, over the protobuf encoding of the original payload. The kid
 * is authenticated data, so a payload cannot be relabelled to another key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { type CodecKey } from './codec-keys';

/** `encoding` metadata of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key naming the key that encrypted a payload. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array | null | undefined): string | undefined =>
  b ? Buffer.from(b).toString('utf8') : undefined;

/** A payload that cannot be decrypted (unknown key, tampered or truncated data). */
export class PayloadDecryptionError extends ValueError {}

/** Encrypts and decrypts one payload with a given key. */
function encryptOne(payload: Payload, key: CodecKey): Payload {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(utf8(key.id));
  const plain = temporal.api.common.v1.Payload.encode(payload).finish();
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(key.id) },
    data: Buffer.concat([iv, body, cipher.getAuthTag()]),
  };
}

function decryptOne(payload: Payload, keys: ReadonlyMap<string, CodecKey>): Payload {
  // Payloads written before encryption was switched on pass through unchanged.
  if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
  const kid = text(payload.metadata?.[KEY_ID_METADATA]);
  if (!kid) throw new PayloadDecryptionError(`encrypted payload: metadata ${KEY_ID_METADATA} is missing`);
  const key = keys.get(kid);
  if (!key)
    throw new PayloadDecryptionError(`encrypted payload: unknown key id "${kid}" (not in the key list)`);
  const data = Buffer.from(payload.data ?? new Uint8Array());
  if (data.length < IV_BYTES + TAG_BYTES) {
    throw new PayloadDecryptionError(`encrypted payload (key ${kid}): data too short (${data.length} bytes)`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key.key, data.subarray(0, IV_BYTES));
  decipher.setAAD(utf8(kid));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new PayloadDecryptionError(`encrypted payload (key ${kid}): authentication failed (tampered data)`);
  }
  const decoded = temporal.api.common.v1.Payload.decode(plain);
  return { metadata: decoded.metadata, data: decoded.data };
}

/**
 * A PayloadCodec over the given keys: the first encrypts, all decrypt (key rotation). Pass it as
 * `dataConverter: { payloadCodecs: [codec] }` to the Client and the Worker alike.
 */
export function createEncryptionCodec(keys: readonly CodecKey[]): PayloadCodec {
  const current = keys[0];
  if (!current) throw new Error('createEncryptionCodec: at least one key is needed');
  const byId = new Map(keys.map((k) => [k.id, k]));
  return {
    encode: async (payloads) => payloads.map((p) => encryptOne(p, current)),
    decode: async (payloads) => payloads.map((p) => decryptOne(p, byId)),
  };
}
