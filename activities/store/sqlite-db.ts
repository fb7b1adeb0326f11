/**
 * SQLite backend of {@link SqlDb} on better-sqlite3: one connection, WAL journal, every top-level call queued
 * behind a mutex so an async transaction never interleaves with another caller's statements.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { type SqlDb, type SqlParam } from './sql-db';

type Statement = Database.Statement<unknown[]>;

/** Opens (and creates, with its folder) the SQLite file at `path`; `:memory:` works too. */
export function openSqliteDb(path: string): SqlDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // busy_timeout first: a second process opening the same file waits instead of failing.
  db.pragma('busy_timeout = 10000');
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return new SqliteDb(db);
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  readonly maxParams = 32000;
  private readonly statements = new Map<string, Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[]>(sql);
      // Bounded cache: multi-row inserts of varying sizes would otherwise grow it forever.
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private direct(): SqlDb {
    const prepare = (sql: string): Statement => this.prepare(sql);
    const raw = this.db;
    const handle: SqlDb = {
      dialect: 'sqlite',
      maxParams: this.maxParams,
      all: async <T>(sql: string, params: readonly SqlParam[] = []) =>
        prepare(sql).all(...(params as unknown[])) as T[],
      get: async <T>(sql: string, params: readonly SqlParam[] = []) =>
        prepare(sql).get(...(params as unknown[])) as T | undefined,
      run: async (sql: string, params: readonly SqlParam[] = []) =>
        prepare(sql).run(...(params as unknown[])).changes,
      exec: async (sql: string) => {
        raw.exec(sql);
      },
      transaction: (fn) => fn(handle),
      close: async () => undefined,
    };
    return handle;
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.exclusive(() => this.direct().all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.exclusive(() => this.direct().get<T>(sql, params));
  }
  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.exclusive(() => this.direct().run(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.exclusive(() => this.direct().exec(sql));
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      // IMMEDIATE takes the write lock up front, so two processes migrating at once serialise here.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct());
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.statements.clear();
      if (this.db.open) this.db.close();
    });
  }
}
