/**
 * Environment of the Web UI codec endpoint, read by deploy/api-main.ts. Not in client/config.ts yet (see
 * deploy/README.md); parsed here with the same rules: empty means unset, a bad value names the variable.
 */
import { z } from 'zod';

const schema = z.object({
  /** Port of the codec endpoint's own listener (on EDARAN_HTTP_HOST); unset: no endpoint. */
  EDARAN_CODEC_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Comma-separated browser origins allowed to call it: the Temporal Web UI's URL. */
  EDARAN_CODEC_CORS_ORIGINS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'must be an origin like http://host:port, no path')))
    .optional(),
});

/** The codec endpoint settings. */
export type CodecEndpointEnv = z.infer<typeof schema>;

/** Parses the codec endpoint variables; throws naming each bad variable and the reason. */
export function codecEndpointEnv(env: NodeJS.ProcessEnv = process.env): CodecEndpointEnv {
  const cleaned = Object.fromEntries(Object.keys(schema.shape).flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new Error(
    `invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
  );
}
