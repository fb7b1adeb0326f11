/**
 * Runs pending migrations in one transaction, serialised across processes: a PostgreSQL transaction-level
 * advisory lock, or SQLite's write lock taken by BEGIN IMMEDIATE.
 */
import { MIGRATIONS, type Migration } from './migrations';
import { type SqlDb } from './sql-db';

// Arbitrary constant shared by every edaran process: "edaran" in ASCII, as a 48-bit number.
const ADVISORY_LOCK_KEY = 0x656461726e;

/** Applies the migrations not yet recorded in schema_migrations; returns the versions it applied. */
export async function migrate(
  db: SqlDb,
  migrations: readonly Migration[] = MIGRATIONS,
  now: Date = new Date(),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?)', [ADVISORY_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => !known.has(v));
    if (unknown.length > 0) {
      // A newer edaran migrated this database; running older code on it would corrupt data.
      throw new Error(
        `schema_migrations: database has migrations ${unknown.join(', ')} that this version of edaran does not know; upgrade edaran`,
      );
    }
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql(tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        now.toISOString(),
      ]);
      done.push(m.version);
    }
    return done;
  });
}
