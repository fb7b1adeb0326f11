/** Payload encryption (AES-256-GCM) for Temporal, its configuration and its Web UI codec endpoint. */
export { CODEC_KEYS_VAR, CodecKeyError, parseCodecKeys, type CodecKey } from './codec-keys';
export {
  createEncryptionCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadDecryptionError,
} from './encryption-codec';
export { codecFromEnv, dataConverterFromEnv } from './data-converter';
export { registerCodecRoutes, type CodecRouteOptions } from './codec-routes';
