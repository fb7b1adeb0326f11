/**
 * The worker's real dependencies, opened once per process: the store (SQLite under EDARAN_DATA_DIR, or
 * PostgreSQL at DATABASE_URL), the notification channels from the environment, and the activities over them.
 */
import { join } from 'node:path';
import { type ActivityDeps } from '../activities';
import { channelsFromEnv, createNotificationActivities, type RateLimit } from '../activities/notifications';
import { type ChannelName, openStore, type Store } from '../activities/store';
import { resolveKeyRing } from '../client/auth/keys';
import { linkUrl, mintLink } from '../client/auth/links';
import { type Config, publicBaseUrl } from '../client/config';

export interface Runtime {
  readonly store: Store;
  readonly deps: ActivityDeps;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Lines about delivered messages and proof outcomes (dev console). */
  readonly echo?: (line: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** The per-channel send rates of EDARAN_RATE_*_PER_SECOND (0 = no limit); the file channel is never limited. */
export function rateLimitsOf(config: Config): Partial<Record<ChannelName, RateLimit>> {
  const limits: Partial<Record<ChannelName, RateLimit>> = {};
  if (config.EDARAN_RATE_EMAIL_PER_SECOND > 0)
    limits.email = { perSecond: config.EDARAN_RATE_EMAIL_PER_SECOND };
  if (config.EDARAN_RATE_WEBHOOK_PER_SECOND > 0)
    limits.webhook = { perSecond: config.EDARAN_RATE_WEBHOOK_PER_SECOND };
  return limits;
}

export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const env = opts.env ?? process.env;
  const store = await openStore(
    config.DATABASE_URL
      ? { databaseUrl: config.DATABASE_URL }
      : { sqlitePath: join(config.EDARAN_DATA_DIR, 'edaran.db') },
  );
  const channels = channelsFromEnv(
    { EDARAN_OUTBOX_DIR: join(config.EDARAN_DATA_DIR, 'outbox'), ...env },
    opts.echo,
  );
  // Email and webhook when configured; the file channel otherwise, so nothing is ever silently dropped.
  const preferred: ChannelName[] = (['email', 'webhook'] as const).filter((c) => channels[c] !== undefined);
  const echo = opts.echo ?? (() => undefined);
  const publicUrl = publicBaseUrl(
    env.EDARAN_PUBLIC_URL ? { ...config, EDARAN_PUBLIC_URL: env.EDARAN_PUBLIC_URL } : config,
  );
  // Personal links are signed with the API's key ring: the same EDARAN_JWT_SECRET (or dev key file).
  const keys = resolveKeyRing({
    ...env,
    EDARAN_DATA_DIR: config.EDARAN_DATA_DIR,
    EDARAN_JWT_SECRET: env.EDARAN_JWT_SECRET ?? config.EDARAN_JWT_SECRET,
  });
  return {
    store,
    deps: {
      proof: {
        onOutcome: (o) => echo(`proof ${o.workflowId} ended by ${o.endedBy} (${o.approvals} approvals)`),
      },
      lifecycle: {
        store,
        notifications: createNotificationActivities({ store, channels, rateLimits: rateLimitsOf(config) }),
        channels: preferred.length > 0 ? preferred : ['file'],
        // Links in messages: EDARAN_PUBLIC_URL, else the API's own address; each one personal (client/auth/links.ts).
        publicUrl,
        personalLink: async (link) =>
          linkUrl(publicUrl, await mintLink(keys, link, Date.now(), config.EDARAN_LINK_TTL_MINUTES * 60)),
      },
    },
    close: () => store.close(),
  };
}
