/**
 * The durable store behind one small interface: the org directory (versioned, pinned per policy), the domain
 * event log with its read projections, and the notification outbox. Two backends share one implementation:
 * SQLite (embedded default, a file under `.edaran/`) and PostgreSQL (chosen by a postgres:// DATABASE_URL).
 */
import { join } from 'node:path';
import { type Employee, type Jurisdiction, type OrgDirectory, type Unit } from '../../domain/org/model';
import { type DomainEventEnvelope } from './event-envelope';
import { migrate } from './migrate';
import { type ChannelName, type OutboxStatus } from './outbox-status';
import { openPostgresDb } from './postgres-db';
import { type SqlDb } from './sql-db';
import { SqlStore } from './sql-store';
import { openSqliteDb } from './sqlite-db';

export { type DomainEventEnvelope } from './event-envelope';

/** Default SQLite file, relative to the working directory (the repo root under `npm run dev`). */
export const DEFAULT_SQLITE_PATH = join('.edaran', 'edaran.db');

/** Where the directory reads come from: the version pinned to a policy, or an explicit version. */
export type DirectoryScope = { readonly policyId: string } | { readonly directoryVersion: string };

/** Outcome of {@link Store.importDirectory}. */
export interface DirectoryImport {
  /** Content hash of the directory: the same content always gives the same version. */
  readonly directoryVersion: string;
  /** False when this exact content was already imported (nothing was written). */
  readonly created: boolean;
  readonly units: number;
  readonly employees: number;
}

/** A stored directory version. */
export interface DirectoryVersionInfo {
  readonly directoryVersion: string;
  readonly source: string;
  readonly importedAt: string;
  readonly units: number;
  readonly employees: number;
  readonly jurisdiction?: Jurisdiction;
}

/** A unit with the number of employees directly in it. */
export interface UnitWithHeadcount extends Unit {
  readonly headcount: number;
}

/** A domain event as stored, with its position in the log. */
export interface StoredEvent extends DomainEventEnvelope {
  readonly seq: number;
  readonly recordedAt: string;
}

/** Projection row: one person's report status for one day (last event wins). */
export interface ReportRow {
  readonly policyId: string;
  readonly day: string;
  readonly nip: string;
  readonly unitId: string;
  readonly status: 'accepted' | 'late' | 'rejected' | 'excused';
  readonly reason: string | null;
  readonly occurredAt: string;
}

/** Projection row: one escalation level raised for one person's missing report. */
export interface EscalationRow {
  readonly policyId: string;
  readonly day: string;
  readonly nip: string;
  readonly level: number;
  readonly unitId: string;
  readonly supervisorNip: string | null;
  readonly raisedAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

/** Projection row: one day's recap, per unit (`unitId` is '' for a policy-wide recap). */
export interface RecapRow {
  readonly policyId: string;
  readonly day: string;
  readonly unitId: string;
  readonly payload: Record<string, unknown>;
  readonly recappedAt: string;
}

/** Projection row: one completed evaluation. */
export interface EvaluationRow {
  readonly policyId: string;
  readonly eventId: string;
  readonly outcome: string;
  readonly payload: Record<string, unknown>;
  readonly completedAt: string;
}

/** Projection row: a policy's latest lifecycle status. */
export interface PolicyRow {
  readonly policyId: string;
  readonly policyVersion: number;
  readonly status:
    | 'issued'
    | 'amended'
    | 'revoked'
    | 'extended'
    | 'adjusted'
    | 'permanent'
    | 'expanded'
    | 'ended'
    | 'decided';
  readonly lastEventType: string;
  readonly updatedAt: string;
}

/** Projection row: a day's lifecycle status. */
export interface DayRow {
  readonly policyId: string;
  readonly day: string;
  readonly status: 'opened' | 'closed' | 'recapped';
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly recappedAt: string | null;
}

/** Projection row: one unit's day (the unit-day workflow's lifecycle). */
export interface UnitDayRow {
  readonly policyId: string;
  readonly day: string;
  readonly unitId: string;
  readonly status: 'opened' | 'closed' | 'recapped';
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly recappedAt: string | null;
}

/** Projection row: where one person works on one day. */
export interface RosterRow {
  readonly policyId: string;
  readonly day: string;
  readonly nip: string;
  readonly unitId: string;
  readonly mode: string;
  readonly reason: string;
}

export { CHANNEL_NAMES, OUTBOX_STATUSES, type ChannelName, type OutboxStatus } from './outbox-status';

/** A message to put in the outbox. `key` is its idempotency key (see notifications/idempotency-key.ts). */
export interface OutboxMessageInput {
  readonly key: string;
  readonly policyId: string;
  readonly day: string;
  readonly nip: string;
  readonly kind: string;
  readonly level: number;
  readonly channel: ChannelName;
  readonly unitId: string;
  /** Email address, phone number or file label; null when the person has none (then `failure` is set). */
  readonly recipient: string | null;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly payload: Record<string, unknown>;
  /** When set, the message is recorded as already failed with this reason (bad data must stay visible). */
  readonly failure?: string;
}

/** A message in the outbox with its delivery state. */
export interface OutboxMessage extends Omit<OutboxMessageInput, 'failure'> {
  readonly seq: number;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly claimToken: string | null;
  readonly leaseUntil: string | null;
  /** True when this claim took over a `sending` row whose lease had expired (a crash between send and record). */
  readonly recovered: boolean;
  readonly providerId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
}

/**
 * A message as operators list it (`edaran outbox list`, `GET /api/outbox`): its delivery state, without the
 * rendered body and payload (large, and personal beyond what an operator needs).
 */
export function outboxListing(m: OutboxMessage) {
  return {
    seq: m.seq,
    key: m.key,
    status: m.status,
    policyId: m.policyId,
    day: m.day,
    unitId: m.unitId,
    nip: m.nip,
    kind: m.kind,
    level: m.level,
    channel: m.channel,
    recipient: m.recipient,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.nextAttemptAt,
    sentAt: m.sentAt,
    updatedAt: m.updatedAt,
  };
}

/** Which outbox rows an operation is about. */
export interface OutboxFilter {
  readonly policyId?: string;
  readonly day?: string;
  readonly unitId?: string;
  readonly channel?: ChannelName;
  readonly status?: OutboxStatus;
}

/** One line of an outbox message's delivery history. */
export interface OutboxLogEntry {
  readonly key: string;
  readonly at: string;
  readonly status: OutboxStatus;
  readonly attempt: number;
  readonly detail: string | null;
}

/** How a claimed message ended. `providerId` is the SMTP Message-ID or webhook response id. */
export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly providerId?: string }
  | { readonly status: 'retrying'; readonly reason: string; readonly nextAttemptAt: Date }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'uncertain'; readonly reason: string };

/** The store. Every method is async and safe to call again with the same input. */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';

  /** Imports a whole directory in one transaction; same content → same version, nothing rewritten. */
  importDirectory(org: OrgDirectory, opts: { source: string; now?: Date }): Promise<DirectoryImport>;
  /** Pins a policy to a directory version. Re-pinning to another version needs `replace: true`. */
  pinDirectory(
    policyId: string,
    directoryVersion: string,
    opts?: { replace?: boolean; now?: Date },
  ): Promise<void>;
  pinnedDirectory(policyId: string): Promise<string | undefined>;
  listDirectoryVersions(): Promise<DirectoryVersionInfo[]>;
  /** The version a scope resolves to, with its jurisdiction. */
  directoryInfo(scope: DirectoryScope): Promise<DirectoryVersionInfo>;
  /** The whole directory of a scope (for activities that compute over it; never put it in a workflow payload). */
  loadDirectory(scope: DirectoryScope): Promise<OrgDirectory>;
  listUnits(scope: DirectoryScope): Promise<UnitWithHeadcount[]>;
  employeesOfUnit(scope: DirectoryScope, unitId: string): Promise<Employee[]>;
  employeeByNip(scope: DirectoryScope, nip: string): Promise<Employee | undefined>;
  /** Employees for many NIPs at once; unknown NIPs are simply absent from the map. */
  employeesByNip(scope: DirectoryScope, nips: readonly string[]): Promise<Map<string, Employee>>;
  /** The direct supervisor first, then theirs, up to the top (stops on cycles and unknown NIPs). */
  supervisorChain(scope: DirectoryScope, nip: string): Promise<Employee[]>;

  /** Appends events (idempotent by eventId) and projects the new ones in the same transaction. */
  appendEvents(events: readonly DomainEventEnvelope[]): Promise<{ appended: number; duplicates: number }>;
  /** A policy's events in order, after `afterSeq`, at most `limit`, only of `types` when given (indexed). */
  eventsOf(
    policyId: string,
    opts?: { afterSeq?: number; limit?: number; types?: readonly string[] },
  ): Promise<StoredEvent[]>;
  /** Drops the read tables (of one policy, or all) and replays the event log into them. */
  rebuildProjections(policyId?: string): Promise<{ replayed: number }>;
  policy(policyId: string): Promise<PolicyRow | undefined>;
  daysOf(policyId: string): Promise<DayRow[]>;
  unitDaysOf(policyId: string, day?: string): Promise<UnitDayRow[]>;
  rosterOf(policyId: string, day: string): Promise<RosterRow[]>;
  reportsOf(policyId: string, day?: string): Promise<ReportRow[]>;
  escalationsOf(policyId: string, day?: string): Promise<EscalationRow[]>;
  recapsOf(policyId: string): Promise<RecapRow[]>;
  evaluationsOf(policyId: string): Promise<EvaluationRow[]>;

  /** Puts messages in the outbox; a key already there is left untouched (counted as duplicate). */
  enqueue(
    messages: readonly OutboxMessageInput[],
    now?: Date,
  ): Promise<{ enqueued: number; duplicates: number }>;
  /**
   * Claims up to `limit` deliverable messages (pending, retrying and due, or claimed/sending with an expired
   * lease), marks them `claimed` with a fresh claim token and lease, and returns them.
   */
  claimOutbox(opts: OutboxFilter & { now: Date; leaseMs: number; limit: number }): Promise<OutboxMessage[]>;
  /**
   * Marks a claimed message `sending` (attempt + 1) just before the channel is called, renewing the lease to
   * `now + leaseMs` when given so the send itself is covered; false if the claim was lost.
   */
  markSending(key: string, claimToken: string, now?: Date, leaseMs?: number): Promise<boolean>;
  /** Records how a claimed message ended; false if the claim token no longer holds (another worker took it). */
  recordDelivery(key: string, claimToken: string, outcome: DeliveryOutcome, now?: Date): Promise<boolean>;
  /** Puts an `uncertain` or `failed` message back to `pending` (an operator's explicit decision to resend). */
  requeueOutbox(key: string, now?: Date): Promise<boolean>;
  outboxMessage(key: string): Promise<OutboxMessage | undefined>;
  listOutbox(filter?: OutboxFilter): Promise<OutboxMessage[]>;
  outboxLog(key: string): Promise<OutboxLogEntry[]>;
  /** Counts per status, for dashboards and tests. */
  outboxCounts(filter?: OutboxFilter): Promise<Record<OutboxStatus, number>>;

  close(): Promise<void>;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** postgres://… or postgresql://… selects PostgreSQL; anything else is an error. */
  readonly databaseUrl?: string;
  /** SQLite file used when there is no databaseUrl; default `.edaran/edaran.db`. */
  readonly sqlitePath?: string;
}

/**
 * Opens the store and runs pending migrations. PostgreSQL when `databaseUrl` is a postgres URL, else SQLite.
 * Callers typically pass `{ databaseUrl: process.env.DATABASE_URL }`.
 */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const url = opts.databaseUrl?.trim();
  let db: SqlDb;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL: expected postgres://… or postgresql://…, got "${url.split(':')[0]}:…"`);
    }
    db = await openPostgresDb(url);
  } else {
    db = openSqliteDb(opts.sqlitePath ?? DEFAULT_SQLITE_PATH);
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return new SqlStore(db);
}
