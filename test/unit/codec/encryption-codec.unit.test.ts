import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  CodecKeyError,
  createEncryptionCodec,
  dataConverterFromEnv,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  parseCodecKeys,
  PayloadDecryptionError,
} from '../../../client/codec';

const b64key = (): string => randomBytes(32).toString('base64');
const report = {
  nip: '198507142010011003',
  name: 'Siti Rahayu',
  text: 'Bekerja dari rumah, menyusun laporan',
};
const payloadOf = (v: unknown): Payload => defaultPayloadConverter.toPayload(v);
const valueOf = (p: Payload | undefined): unknown => defaultPayloadConverter.fromPayload(p as Payload);
const str = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8');

describe('AES-256-GCM payload codec', () => {
  const keys = parseCodecKeys(`k2:${b64key()}, k1:${b64key()}`);
  const codec = createEncryptionCodec(keys);

  it('round-trips payloads and leaves no personal data in clear', async () => {
    const [enc] = await codec.encode([payloadOf(report)]);
    expect(str(enc?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(str(enc?.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const raw = Buffer.from(enc?.data ?? new Uint8Array()).toString('latin1');
    for (const secret of [report.nip, report.name, 'laporan', 'json/plain'])
      expect(raw).not.toContain(secret);
    const [dec] = await codec.decode([enc as Payload]);
    expect(str(dec?.metadata?.encoding)).toBe('json/plain');
    expect(valueOf(dec)).toEqual(report);
  });

  it('uses a fresh IV each time (same input, different ciphertext)', async () => {
    const [a, b] = await codec.encode([payloadOf(report), payloadOf(report)]);
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(false);
  });

  it('round-trips empty and binary payloads', async () => {
    const empty: Payload = { metadata: { encoding: Buffer.from('binary/null') } };
    const bin = payloadOf(new Uint8Array([0, 1, 2, 255]));
    const out = await codec.decode(await codec.encode([empty, bin]));
    expect(str(out[0]?.metadata?.encoding)).toBe('binary/null');
    expect(valueOf(out[1])).toEqual(new Uint8Array([0, 1, 2, 255]));
  });

  it('detects tampering: one flipped bit of ciphertext, IV or tag fails GCM authentication', async () => {
    const [enc] = await codec.encode([payloadOf(report)]);
    const data = Buffer.from(enc?.data ?? new Uint8Array());
    for (const at of [0, 20, data.length - 1]) {
      const bad = Buffer.from(data);
      bad[at] = (bad[at] ?? 0) ^ 1;
      await expect(codec.decode([{ ...enc, data: bad }])).rejects.toThrow(/authentication failed/);
    }
    await expect(codec.decode([{ ...enc, data: data.subarray(0, 10) }])).rejects.toThrow(/too short/);
  });

  it('rejects a payload relabelled to another key id (the kid is authenticated)', async () => {
    const [enc] = await codec.encode([payloadOf(report)]);
    const relabelled = { ...enc, metadata: { ...enc?.metadata, [KEY_ID_METADATA]: Buffer.from('k1') } };
    await expect(codec.decode([relabelled])).rejects.toThrow(PayloadDecryptionError);
  });

  it('rotates keys: data written with the old key still decrypts after a new key is put first', async () => {
    const old = `old:${b64key()}`;
    const before = createEncryptionCodec(parseCodecKeys(old));
    const [written] = await before.encode([payloadOf(report)]);
    const after = createEncryptionCodec(parseCodecKeys(`new:${b64key()},${old}`));
    expect(valueOf((await after.decode([written as Payload]))[0])).toEqual(report);
    const [fresh] = await after.encode([payloadOf(report)]);
    expect(str(fresh?.metadata?.[KEY_ID_METADATA])).toBe('new');
    // Once the old key is dropped from the list, its data can no longer be read.
    const dropped = createEncryptionCodec(parseCodecKeys(`new:${b64key()}`));
    await expect(dropped.decode([written as Payload])).rejects.toThrow(/unknown key id "old"/);
  });

  it('passes unencrypted payloads (written before encryption was switched on) through decode', async () => {
    const plain = payloadOf(report);
    expect(valueOf((await codec.decode([plain]))[0])).toEqual(report);
  });
});

describe('EDARAN_CODEC_KEYS', () => {
  it('names the entry and the reason of each mistake', () => {
    expect(() => parseCodecKeys('')).toThrow(/no keys/);
    expect(() => parseCodecKeys('nokid')).toThrow(/EDARAN_CODEC_KEYS\[0\]: expected kid:base64key/);
    expect(() => parseCodecKeys(`a:${b64key()},b:${randomBytes(16).toString('base64')}`)).toThrow(
      /EDARAN_CODEC_KEYS\[1\] \(b\): key must be 32 bytes \(AES-256\), got 16/,
    );
    expect(() => parseCodecKeys('a:not base64!')).toThrow(/not base64/);
    expect(() => parseCodecKeys(`a:${b64key()},a:${b64key()}`)).toThrow(/listed twice/);
    expect(() => parseCodecKeys(`bad kid:${b64key()}`)).toThrow(CodecKeyError);
  });

  it('switches encryption on only when set', async () => {
    expect(dataConverterFromEnv({})).toEqual({});
    expect(dataConverterFromEnv({ EDARAN_CODEC_KEYS: '  ' })).toEqual({});
    const dc = dataConverterFromEnv({ EDARAN_CODEC_KEYS: `k:${b64key()}` });
    expect(dc.payloadCodecs).toHaveLength(1);
    const [enc] = await (dc.payloadCodecs?.[0]?.encode([payloadOf(1)]) ?? Promise.resolve([]));
    expect(str(enc?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(() => dataConverterFromEnv({ EDARAN_CODEC_KEYS: 'k:short' })).toThrow(/32 bytes/);
  });
});
