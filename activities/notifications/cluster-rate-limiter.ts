/**
 * A send rate shared by every worker of the cluster, not one bucket per process: the counter lives in the
 * database all workers already share (PostgreSQL at DATABASE_URL, or the SQLite file in development), through
 * rate-limiter-flexible's atomic store-backed limiters. Ten workers at EDARAN_RATE_EMAIL_PER_SECOND=50 send
 * 50 emails a second together, as the mail relay allows, instead of 500.
 */
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import {
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { type ChannelName } from '../store/store';
import { type RateLimit, type RateLimiter } from './rate-limiter';

/** Longest single pause, so a waiter reports (heartbeats) at least this often. */
const MAX_PAUSE_MS = 5_000;
/** The table the limiters keep their counters in (one row per channel and second). */
const TABLE = 'notification_rate';

/** Where the shared counters live. */
export type ClusterRateStore =
  | { readonly databaseUrl: string }
  | {
      readonly sqlitePath: string;
    };

/** Cluster-wide limiters per channel, and how to close their database connection. */
export interface ClusterRateLimiters {
  readonly limiters: Partial<Record<ChannelName, RateLimiter>>;
  close(): Promise<void>;
}

/** Waits on `limiter` until a point is granted, pausing at most {@link MAX_PAUSE_MS} between tries. */
function acquirerOf(limiter: RateLimiterAbstract, key: string): RateLimiter {
  return {
    async acquire(onWait?: () => void): Promise<void> {
      for (;;) {
        try {
          await limiter.consume(key, 1);
          return;
        } catch (err) {
          // A RateLimiterRes means "not now"; anything else is a database error and propagates.
          if (!(err instanceof RateLimiterRes)) throw err;
          await new Promise((r) => setTimeout(r, Math.min(MAX_PAUSE_MS, Math.max(10, err.msBeforeNext))));
          onWait?.();
        }
      }
    },
  };
}

/** Resolves once a store-backed limiter has created its table (rate-limiter-flexible reports it by callback). */
function ready<T>(make: (cb: (err?: Error) => void) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const limiter = make((err) => (err ? reject(err) : resolve(limiter)));
  });
}

/**
 * Opens cluster-wide limiters for `limits` (sends per second per channel, a window of one second) in `store`.
 * Every process that opens them on the same database shares the same counters.
 */
export async function openClusterRateLimiters(
  store: ClusterRateStore,
  limits: Partial<Record<ChannelName, RateLimit>>,
): Promise<ClusterRateLimiters> {
  const entries = Object.entries(limits) as [ChannelName, RateLimit][];
  for (const [name, limit] of entries)
    if (!(limit.perSecond > 0))
      throw new Error(`rateLimit.${name}.perSecond: must be > 0, got ${limit.perSecond}`);
  if (entries.length === 0) return { limiters: {}, close: async () => undefined };
  let close: () => Promise<void>;
  let make: (points: number, cb: (err?: Error) => void) => RateLimiterAbstract;
  if ('databaseUrl' in store) {
    const pool = new Pool({ connectionString: store.databaseUrl, max: 4 });
    close = () => pool.end();
    make = (points, cb) =>
      new RateLimiterPostgres(
        { storeClient: pool, storeType: 'pool', tableName: TABLE, points, duration: 1, keyPrefix: 'send' },
        cb,
      );
  } else {
    const db = new Database(store.sqlitePath);
    // Workers write the same file: wait for each other's short transactions instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // Counters of one-second windows need no fsync per send: a crash loses at most the current window.
    db.pragma('synchronous = NORMAL');
    close = async () => void db.close();
    make = (points, cb) =>
      new RateLimiterSQLite(
        {
          storeClient: db,
          storeType: 'better-sqlite3',
          tableName: TABLE,
          points,
          duration: 1,
          keyPrefix: 'send',
        },
        cb,
      );
  }
  const limiters: Partial<Record<ChannelName, RateLimiter>> = {};
  try {
    for (const [name, limit] of entries) {
      // Whole sends per one-second window; a fractional rate rounds down, but never below one a second.
      const points = Math.max(1, Math.floor(limit.perSecond));
      limiters[name] = acquirerOf(await ready((cb) => make(points, cb)), name);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { limiters, close };
}
