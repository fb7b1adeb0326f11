/**
 * edaran's configuration, from the environment, validated once at start. Every entry point reads it here so
 * that names match across the worker, the API, the CLI, docker-compose.yml and the README.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

export const configSchema = z.object({
  /** host:port of a Temporal frontend. Unset in `npm run dev`: the embedded dev server is started instead. */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Temporal Cloud API key (alternative to mTLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /** mTLS client certificate and key (PEM files), optional CA and server name override. */
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  EDARAN_TASK_QUEUE: z.string().min(1).default('edaran'),
  EDARAN_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  EDARAN_HTTP_PORT: port.default(3000),
  /** Ports of the embedded dev server (`npm run dev` only). */
  EDARAN_TEMPORAL_PORT: port.default(7233),
  EDARAN_TEMPORAL_UI_PORT: port.default(8233),
  /** Where the embedded default keeps its state (Temporal SQLite file, edaran's SQLite store). */
  EDARAN_DATA_DIR: z.string().min(1).default('.edaran'),
  /** postgres://… selects PostgreSQL for edaran's store; unset means SQLite under EDARAN_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
});

export type Config = z.infer<typeof configSchema>;

/** A configuration problem, naming each variable and the reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  if (Boolean(c.TEMPORAL_TLS_CERT_PATH) !== Boolean(c.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError(
      'invalid configuration:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both or neither',
    );
  }
  return c;
}

/** Connection options shared by the client (Connection) and the worker (NativeConnection). */
export function temporalConnectionOptions(c: Config, address: string) {
  const mtls =
    c.TEMPORAL_TLS_CERT_PATH && c.TEMPORAL_TLS_KEY_PATH
      ? {
          clientCertPair: {
            crt: readFileSync(c.TEMPORAL_TLS_CERT_PATH),
            key: readFileSync(c.TEMPORAL_TLS_KEY_PATH),
          },
          ...(c.TEMPORAL_TLS_CA_PATH
            ? { serverRootCACertificate: readFileSync(c.TEMPORAL_TLS_CA_PATH) }
            : {}),
          ...(c.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: c.TEMPORAL_TLS_SERVER_NAME } : {}),
        }
      : undefined;
  return {
    address,
    ...(mtls ? { tls: mtls } : c.TEMPORAL_API_KEY ? { tls: true as const } : {}),
    ...(c.TEMPORAL_API_KEY ? { apiKey: c.TEMPORAL_API_KEY } : {}),
  };
}
