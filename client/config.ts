/**
 * edaran's configuration, from the environment, validated once at start. Every entry point reads it here so
 * that names match across the worker, the API, the CLI, docker-compose.yml and the README.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type NotificationActivities } from '../activities/notifications';
import { type ChannelName } from '../activities/store';
import { type AuthOptions } from './auth/auth-routes';

const port = z.coerce.number().int().min(1).max(65535);
const rate = z.coerce.number().min(0, 'must be 0 (no limit) or more').max(10_000);

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
  /**
   * HS256 key of edaran's tokens, sessions and personal links (≥ 32 chars); dev generates one into
   * EDARAN_DATA_DIR/jwt-secret. The API and the worker (which signs the links in messages) need the same one.
   */
  EDARAN_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Earlier keys, comma-separated, still accepted after a rotation until their tokens expire. */
  EDARAN_JWT_PREVIOUS_SECRETS: z.string().min(32).optional(),
  /** `production` turns on Secure cookies and refuses the development sign-in. */
  NODE_ENV: z.string().optional(),
  /** OpenID Connect provider (the ASN's SSO, a regional Keycloak): issuer URL, client, and the claims read. */
  EDARAN_OIDC_ISSUER: z.string().url().optional(),
  EDARAN_OIDC_CLIENT_ID: z.string().min(1).default('edaran'),
  EDARAN_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  EDARAN_OIDC_NIP_CLAIM: z.string().min(1).default('nip'),
  EDARAN_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  EDARAN_OIDC_SECRETARIAT_ROLE: z.string().min(1).default('edaran-secretariat'),
  EDARAN_OIDC_EVALUATOR_ROLE: z.string().min(1).default('edaran-evaluator'),
  EDARAN_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  /** Lifetime of a personal link in a message, minutes (default 720: the working day). */
  EDARAN_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(720),
  /** Lifetime of a browser session, minutes (default 600). */
  EDARAN_SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(600),
  /** Public base URL of the pages, used in the links of messages (e.g. https://edaran.example.go.id). */
  EDARAN_PUBLIC_URL: z.string().url().optional(),
  /** Email channel: smtp://user:pass@host:587 or smtps://…:465, with the sender address. */
  EDARAN_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  EDARAN_MAIL_FROM: z.string().min(3).optional(),
  /** Webhook channel (WhatsApp/SMS gateways): JSON POST signed with HMAC-SHA256 using the secret. */
  EDARAN_WEBHOOK_URL: z.string().url().optional(),
  EDARAN_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * 1: the gateway deduplicates by the Idempotency-Key header, so a send cut off by a crash is resent with the
   * same key. Unset/0 (default): such a send is held as `uncertain` (at most once), as for email.
   */
  EDARAN_WEBHOOK_RESEND_UNCERTAIN: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Sends per second of each channel, per worker process (0 = no limit). */
  EDARAN_RATE_EMAIL_PER_SECOND: rate.default(50),
  EDARAN_RATE_WEBHOOK_PER_SECOND: rate.default(20),
  /** File channel folder (default EDARAN_DATA_DIR/outbox). */
  EDARAN_OUTBOX_DIR: z.string().min(1).optional(),
  /** Payload encryption keys `kid:base64key,…` (first is current); unset means payloads are not encrypted. */
  EDARAN_CODEC_KEYS: z.string().min(1).optional(),
  /** Port of the Temporal Web UI codec endpoint (standalone API only) and the UI origins allowed to call it. */
  EDARAN_CODEC_PORT: port.optional(),
  EDARAN_CODEC_CORS_ORIGINS: z.string().min(1).optional(),
  /** For the CLI: the API to talk to and the bearer token to use. */
  EDARAN_API_URL: z.string().url().optional(),
  EDARAN_TOKEN: z.string().min(1).optional(),
});

export type Config = z.infer<typeof configSchema>;

/** A configuration problem, naming each variable and the reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => typeof v === 'string' && v !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  if (c.EDARAN_SMTP_URL && !c.EDARAN_MAIL_FROM) {
    throw new ConfigError('invalid configuration:\n  EDARAN_MAIL_FROM: required when EDARAN_SMTP_URL is set');
  }
  if (c.EDARAN_WEBHOOK_URL && !c.EDARAN_WEBHOOK_SECRET) {
    throw new ConfigError(
      'invalid configuration:\n  EDARAN_WEBHOOK_SECRET: required when EDARAN_WEBHOOK_URL is set',
    );
  }
  if (Boolean(c.TEMPORAL_TLS_CERT_PATH) !== Boolean(c.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError(
      'invalid configuration:\n  TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both or neither',
    );
  }
  return c;
}

/**
 * Base URL of the pages in messages: EDARAN_PUBLIC_URL, or else the API's own address (EDARAN_HTTP_HOST and
 * EDARAN_HTTP_PORT; a wildcard host becomes localhost), so a report link is always there.
 */
export function publicBaseUrl(c: Config): string {
  if (c.EDARAN_PUBLIC_URL) return c.EDARAN_PUBLIC_URL.replace(/\/+$/, '');
  const host = c.EDARAN_HTTP_HOST;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${c.EDARAN_HTTP_PORT}`;
}

/** How people sign in, from the configuration (see client/auth/auth-routes.ts). */
export function authOptionsOf(
  c: Config,
  opts: {
    dev: boolean;
    lifecycle?: { notifications: NotificationActivities; channels: readonly ChannelName[] };
  },
): AuthOptions {
  const production = c.NODE_ENV === 'production';
  const publicUrl = publicBaseUrl(c);
  return {
    // Secure cookies unless this is development over plain http.
    secureCookies: production || !(opts.dev && publicUrl.startsWith('http:')),
    publicUrl,
    ...(c.EDARAN_OIDC_ISSUER
      ? {
          oidc: {
            issuer: c.EDARAN_OIDC_ISSUER,
            clientId: c.EDARAN_OIDC_CLIENT_ID,
            ...(c.EDARAN_OIDC_CLIENT_SECRET ? { clientSecret: c.EDARAN_OIDC_CLIENT_SECRET } : {}),
            nipClaim: c.EDARAN_OIDC_NIP_CLAIM,
            rolesClaim: c.EDARAN_OIDC_ROLES_CLAIM,
            roleNames: {
              secretariat: c.EDARAN_OIDC_SECRETARIAT_ROLE,
              evaluator: c.EDARAN_OIDC_EVALUATOR_ROLE,
            },
            scope: c.EDARAN_OIDC_SCOPE,
          },
        }
      : {}),
    devSignIn: opts.dev && !production && !c.EDARAN_OIDC_ISSUER,
    sessionTtlSeconds: c.EDARAN_SESSION_TTL_MINUTES * 60,
    linkTtlSeconds: c.EDARAN_LINK_TTL_MINUTES * 60,
    ...(opts.lifecycle
      ? { notifications: opts.lifecycle.notifications, channels: opts.lifecycle.channels }
      : {}),
  };
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
