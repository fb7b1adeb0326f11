/**
 * The worker's real dependencies, opened once per process: the store (SQLite under EDARAN_DATA_DIR, or
 * PostgreSQL at DATABASE_URL), the notification channels from the environment, and the activities over them.
 */
import { join } from 'node:path';
import { type ActivityDeps } from '../activities';
import { channelsFromEnv, createNotificationActivities } from '../activities/notifications';
import { type ChannelName, openStore, type Store } from '../activities/store';
import { type Config } from '../client/config';

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
  return {
    store,
    deps: {
      proof: {
        onOutcome: (o) => echo(`proof ${o.workflowId} ended by ${o.endedBy} (${o.approvals} approvals)`),
      },
      lifecycle: {
        store,
        notifications: createNotificationActivities({ store, channels }),
        channels: preferred.length > 0 ? preferred : ['file'],
        ...(env.EDARAN_PUBLIC_URL ? { publicUrl: env.EDARAN_PUBLIC_URL } : {}),
      },
    },
    close: () => store.close(),
  };
}
