import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import Fastify from 'fastify';
import { createEncryptionCodec, parseCodecKeys, registerCodecRoutes } from '../../../client/codec';

const UI = 'http://localhost:8080';
const codec = createEncryptionCodec(parseCodecKeys(`k1:${randomBytes(32).toString('base64')}`));
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

function app() {
  const a = Fastify();
  registerCodecRoutes(a, codec, { corsOrigins: [UI] });
  return a;
}

describe('codec endpoint for the Temporal Web UI', () => {
  it('decodes what the codec encoded, in the codec-server JSON format', async () => {
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload({ nip: '199001012015031001' })]);
    const res = await app().inject({
      method: 'POST',
      url: '/codec/decode',
      headers: { origin: UI, 'x-namespace': 'default' },
      payload: { payloads: [toJson(enc as Payload)] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI);
    const body = res.json<{ payloads: { metadata: Record<string, string>; data: string }[] }>();
    expect(Buffer.from(body.payloads[0]?.metadata.encoding ?? '', 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(body.payloads[0]?.data ?? '', 'base64').toString())).toEqual({
      nip: '199001012015031001',
    });
  });

  it('encodes into encrypted payloads that the codec decodes', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/codec/encode',
      payload: { payloads: [toJson(defaultPayloadConverter.toPayload('Budi'))] },
    });
    expect(res.statusCode).toBe(200);
    const [p] = res.json<{ payloads: { metadata: Record<string, string>; data: string }[] }>().payloads;
    expect(Buffer.from(p?.metadata.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
    const [dec] = await codec.decode([
      {
        metadata: Object.fromEntries(
          Object.entries(p?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(p?.data ?? '', 'base64'),
      },
    ]);
    expect(defaultPayloadConverter.fromPayload(dec as Payload)).toBe('Budi');
  });

  it('answers the CORS preflight for the UI origin only', async () => {
    const ok = await app().inject({
      method: 'OPTIONS',
      url: '/codec/decode',
      headers: { origin: UI, 'access-control-request-method': 'POST' },
    });
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(UI);
    expect(ok.headers['access-control-allow-headers']).toContain('x-namespace');
    const other = await app().inject({
      method: 'OPTIONS',
      url: '/codec/decode',
      headers: { origin: 'http://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rejects a malformed body naming the field, and a tampered payload with 422', async () => {
    const bad = await app().inject({
      method: 'POST',
      url: '/codec/decode',
      payload: { payloads: [{ data: 'not base64!' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'payloads.0.data' });
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload('x')]);
    const json = toJson(enc as Payload);
    const data = Buffer.from(json.data, 'base64');
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
    const tampered = await app().inject({
      method: 'POST',
      url: '/codec/decode',
      payload: { payloads: [{ ...json, data: data.toString('base64') }] },
    });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json()).toMatchObject({ error: 'CODEC_FAILED' });
  });
});
