/**
 * Versioned schema migrations, one dialect-aware list for both backends. Append only: never edit a migration
 * that has shipped; add a new one. Timestamps are ISO-8601 UTC text on both backends (they sort as text).
 */
import { type Dialect } from './sql-db';

/** One numbered schema change. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  sql(dialect: Dialect): string;
}

const serial = (d: Dialect): string =>
  d === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';

/** All migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'org directory, versioned and pinned per policy',
    sql: () => `
      CREATE TABLE directory_versions (
        version TEXT PRIMARY KEY, source TEXT NOT NULL, imported_at TEXT NOT NULL,
        unit_count INTEGER NOT NULL, employee_count INTEGER NOT NULL);
      CREATE TABLE directory_units (
        version TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, sector TEXT NOT NULL, tags TEXT NOT NULL,
        parent_id TEXT, data TEXT NOT NULL, PRIMARY KEY (version, id));
      CREATE TABLE directory_employees (
        version TEXT NOT NULL, nip TEXT NOT NULL, name TEXT NOT NULL, unit_id TEXT NOT NULL,
        position_type TEXT NOT NULL, position_name TEXT NOT NULL, status TEXT NOT NULL, birth_date TEXT NOT NULL,
        supervisor_nip TEXT, email TEXT, phone TEXT, PRIMARY KEY (version, nip));
      CREATE INDEX directory_employees_unit ON directory_employees (version, unit_id);
      CREATE TABLE policy_directory (policy_id TEXT PRIMARY KEY, version TEXT NOT NULL, pinned_at TEXT NOT NULL);`,
  },
  {
    version: 2,
    name: 'domain event log and its read projections',
    sql: (d) => `
      CREATE TABLE events (
        seq ${serial(d)}, event_id TEXT NOT NULL UNIQUE, policy_id TEXT NOT NULL, policy_version INTEGER NOT NULL,
        type TEXT NOT NULL, day TEXT, unit_id TEXT, nip TEXT, occurred_at TEXT NOT NULL, payload TEXT NOT NULL,
        recorded_at TEXT NOT NULL);
      CREATE INDEX events_policy ON events (policy_id, seq);
      CREATE TABLE policies (
        policy_id TEXT PRIMARY KEY, policy_version INTEGER NOT NULL, status TEXT NOT NULL,
        last_event_type TEXT NOT NULL, updated_at TEXT NOT NULL, payload TEXT NOT NULL);
      CREATE TABLE days (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, opened_at TEXT, closed_at TEXT,
        recapped_at TEXT, PRIMARY KEY (policy_id, day));
      CREATE TABLE roster_assignments (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, nip TEXT NOT NULL, unit_id TEXT NOT NULL, mode TEXT NOT NULL,
        reason TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (policy_id, day, nip));
      CREATE TABLE reports (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, nip TEXT NOT NULL, unit_id TEXT NOT NULL, status TEXT NOT NULL,
        reason TEXT, occurred_at TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (policy_id, day, nip));
      CREATE TABLE escalations (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, nip TEXT NOT NULL, level INTEGER NOT NULL,
        unit_id TEXT NOT NULL, supervisor_nip TEXT, raised_at TEXT NOT NULL, acknowledged_at TEXT,
        acknowledged_by TEXT, PRIMARY KEY (policy_id, day, nip, level));
      CREATE TABLE recaps (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, unit_id TEXT NOT NULL, payload TEXT NOT NULL,
        recapped_at TEXT NOT NULL, PRIMARY KEY (policy_id, day, unit_id));
      CREATE TABLE evaluations (
        policy_id TEXT NOT NULL, event_id TEXT NOT NULL, outcome TEXT NOT NULL, payload TEXT NOT NULL,
        completed_at TEXT NOT NULL, PRIMARY KEY (policy_id, event_id));
      CREATE TABLE notices (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, nip TEXT NOT NULL, kind TEXT NOT NULL, level INTEGER NOT NULL,
        sent_at TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (policy_id, day, nip, kind, level));`,
  },
  {
    version: 3,
    name: 'notification outbox with delivery log',
    sql: (d) => `
      CREATE TABLE outbox (
        seq ${serial(d)}, key TEXT NOT NULL UNIQUE, policy_id TEXT NOT NULL, day TEXT NOT NULL, nip TEXT NOT NULL,
        kind TEXT NOT NULL, level INTEGER NOT NULL, channel TEXT NOT NULL, unit_id TEXT NOT NULL,
        recipient TEXT, language TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, payload TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_attempt_at TEXT,
        claim_token TEXT, lease_until TEXT, recovered INTEGER NOT NULL DEFAULT 0, provider_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT);
      CREATE INDEX outbox_claim ON outbox (status, policy_id, day, unit_id);
      CREATE TABLE outbox_log (
        seq ${serial(d)}, key TEXT NOT NULL, at TEXT NOT NULL, status TEXT NOT NULL, attempt INTEGER NOT NULL,
        detail TEXT);
      CREATE INDEX outbox_log_key ON outbox_log (key, seq);`,
  },
  {
    version: 4,
    name: 'jurisdiction of a directory version',
    sql: () => 'ALTER TABLE directory_versions ADD COLUMN jurisdiction TEXT',
  },
  {
    version: 5,
    name: 'unit-day lifecycle projection',
    sql: () => `
      CREATE TABLE unit_days (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, unit_id TEXT NOT NULL, status TEXT NOT NULL,
        opened_at TEXT, closed_at TEXT, recapped_at TEXT, PRIMARY KEY (policy_id, day, unit_id));`,
  },
  {
    version: 6,
    name: 'events of one type of a policy, without reading the whole log',
    sql: () => 'CREATE INDEX events_policy_type ON events (policy_id, type, seq)',
  },
  {
    version: 7,
    name: "each shard's recap of a unit-day, so a unit of several shards recaps as their sum",
    sql: () => `
      CREATE TABLE shard_recaps (
        policy_id TEXT NOT NULL, day TEXT NOT NULL, unit_id TEXT NOT NULL, shard_id TEXT NOT NULL,
        payload TEXT NOT NULL, recapped_at TEXT NOT NULL, PRIMARY KEY (policy_id, day, unit_id, shard_id));`,
  },
];
