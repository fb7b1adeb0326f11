/**
 * PostgreSQL backend of {@link SqlDb} on a `pg` pool. Transactions take a dedicated client; `?` placeholders
 * are rewritten to `$n` (the store's SQL never contains a literal `?`).
 */
import { Pool, type PoolClient } from 'pg';
import { type SqlDb, type SqlParam } from './sql-db';

const converted = new Map<string, string>();

/** Rewrites `?` placeholders to PostgreSQL's `$1, $2, …`. */
export function toPgPlaceholders(sql: string): string {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (converted.size > 1000) converted.clear();
    converted.set(sql, out);
  }
  return out;
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** Opens a pool on `url` (postgres://…). Fails fast with a clear message when the server is unreachable. */
export async function openPostgresDb(url: string): Promise<SqlDb> {
  const pool = new Pool({ connectionString: url, max: 5 });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`DATABASE_URL: cannot connect to PostgreSQL (${(err as Error).message})`);
  }
  return handle(pool, pool);
}

function handle(q: Queryable, pool: Pool | undefined): SqlDb {
  let closed = false;
  const self: SqlDb = {
    dialect: 'postgres',
    maxParams: 65000,
    all: async <T>(sql: string, params: readonly SqlParam[] = []) =>
      (await q.query(toPgPlaceholders(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) =>
      (await q.query(toPgPlaceholders(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) =>
      (await q.query(toPgPlaceholders(sql), [...params])).rowCount ?? 0,
    exec: async (sql: string) => {
      await q.query(sql);
    },
    transaction: async <T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> => {
      if (!pool) return fn(self);
      const client: PoolClient = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(handle(client as unknown as Queryable, undefined));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: async () => {
      // Idempotent: owners (tests, workers) may close on several shutdown paths.
      if (pool && !closed) {
        closed = true;
        await pool.end();
      }
    },
  };
  return self;
}
