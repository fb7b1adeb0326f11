/** The data converter every edaran Client and Worker uses: encryption on when EDARAN_CODEC_KEYS is set. */
import { type DataConverter, type PayloadCodec } from '@temporalio/common';
import { CODEC_KEYS_VAR, parseCodecKeys } from './codec-keys';
import { createEncryptionCodec } from './encryption-codec';

/** The codec configured by the environment, or undefined when EDARAN_CODEC_KEYS is unset or empty. */
export function codecFromEnv(env: NodeJS.ProcessEnv = process.env): PayloadCodec | undefined {
  const keys = env[CODEC_KEYS_VAR]?.trim();
  return keys ? createEncryptionCodec(parseCodecKeys(keys)) : undefined;
}

/**
 * `{ payloadCodecs: [codec] }` when EDARAN_CODEC_KEYS is set, else `{}` (Temporal's default converter).
 * Spread-safe for both `new Client({ dataConverter })` and `Worker.create({ dataConverter })`.
 * Throws a CodecKeyError naming the entry when the keys are malformed: never start half-encrypted.
 */
export function dataConverterFromEnv(env: NodeJS.ProcessEnv = process.env): DataConverter {
  const codec = codecFromEnv(env);
  return codec ? { payloadCodecs: [codec] } : {};
}
