/**
 * The few SQL operations the store needs, implemented once per backend, so the store itself is written once.
 * SQL uses `?` placeholders everywhere; the PostgreSQL backend rewrites them to `$n`.
 */

/** Which SQL engine is behind a {@link SqlDb}. */
export type Dialect = 'sqlite' | 'postgres';

/** A primitive SQL parameter; JSON goes in as text. */
export type SqlParam = string | number | null;

/** A minimal async SQL handle over one backend. */
export interface SqlDb {
  readonly dialect: Dialect;
  /** Largest number of bound parameters one statement may carry on this backend. */
  readonly maxParams: number;
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Runs a statement and returns how many rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
  /** Runs several `;`-separated statements with no parameters (DDL). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Inserts many rows with multi-row VALUES statements, chunked under the backend's parameter limit.
 * `suffix` is appended to every statement (e.g. `ON CONFLICT DO NOTHING`). Returns the rows changed.
 */
export async function insertMany(
  db: SqlDb,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlParam[])[],
  suffix = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  // Capped at 500 rows: bigger statements stop paying off and cost memory on both engines.
  const perChunk = Math.max(1, Math.min(500, Math.floor(db.maxParams / columns.length)));
  const tuple = `(${columns.map(() => '?').join(',')})`;
  let changed = 0;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const sql = `INSERT INTO ${table} (${columns.join(',')}) VALUES ${chunk.map(() => tuple).join(',')} ${suffix}`;
    changed += await db.run(sql, chunk.flat());
  }
  return changed;
}
