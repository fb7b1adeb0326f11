/**
 * The codec server the Temporal Web UI calls to show decrypted payloads: POST /codec/decode and /codec/encode
 * with `{ "payloads": [{ "metadata": { "<key>": "<base64>" }, "data": "<base64>" }] }` in and out, the format of
 * Temporal's codec-server protocol. The UI calls it from the browser, so the UI's origin needs CORS.
 */
import { type Payload, type PayloadCodec } from '@temporalio/common';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Options of {@link registerCodecRoutes}. */
export interface CodecRouteOptions {
  /** Browser origins allowed to call the endpoint (e.g. `http://localhost:8080`, the Web UI); none by default. */
  readonly corsOrigins?: readonly string[];
  /** URL prefix; default `/codec`. */
  readonly prefix?: string;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const bodySchema = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() })),
});

type JsonPayload = z.infer<typeof bodySchema>['payloads'][number];

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')),
});

const toJson = (p: Payload): { metadata: Record<string, string>; data: string } => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [
      k,
      Buffer.from(v ?? new Uint8Array()).toString('base64'),
    ]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** Registers POST <prefix>/encode and <prefix>/decode (and their CORS preflights) on a fastify app. */
export function registerCodecRoutes(
  app: FastifyInstance,
  codec: PayloadCodec,
  opts: CodecRouteOptions = {},
): void {
  const prefix = opts.prefix ?? '/codec';
  const origins = new Set(opts.corsOrigins ?? []);

  const cors = (req: FastifyRequest, reply: FastifyReply): void => {
    const origin = req.headers.origin;
    if (origin && origins.has(origin)) {
      reply.header('access-control-allow-origin', origin);
      reply.header('vary', 'Origin');
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-allow-methods', 'POST, OPTIONS');
      // The UI sends X-Namespace and, with auth configured, Authorization.
      reply.header('access-control-allow-headers', 'content-type, x-namespace, authorization');
    }
  };

  for (const op of ['encode', 'decode'] as const) {
    const url = `${prefix}/${op}`;
    app.options(url, async (req, reply) => {
      cors(req, reply);
      return reply.code(204).send();
    });
    app.post(url, async (req, reply) => {
      cors(req, reply);
      const body = bodySchema.safeParse(req.body);
      if (!body.success) {
        const issue = body.error.issues[0];
        return reply.code(400).send({
          error: 'INVALID_INPUT',
          field: issue?.path.join('.') || 'body',
          reason: issue?.message ?? 'invalid',
        });
      }
      const payloads = body.data.payloads.map(fromJson);
      try {
        const out = op === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
        return { payloads: out.map(toJson) };
      } catch (err) {
        return reply
          .code(422)
          .send({ error: 'CODEC_FAILED', reason: err instanceof Error ? err.message : String(err) });
      }
    });
  }
}
