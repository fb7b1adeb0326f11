/**
 * SQL of the domain event log and its projections: append (idempotent by eventId, projected in the same
 * transaction), replay, and the read-table queries.
 */
import { addCounts, ZERO_COUNTS, type RecapCounts } from '../../domain/lifecycle/recap-counts';
import { type DomainEventEnvelope } from './event-envelope';
import { projectionOf, type ProjectionOp } from './projection';
import { insertMany, type SqlDb, type SqlParam } from './sql-db';
import {
  type DayRow,
  type EscalationRow,
  type EvaluationRow,
  type PolicyRow,
  type RecapRow,
  type ReportRow,
  type RosterRow,
  type StoredEvent,
  type UnitDayRow,
} from './store';

const READ_TABLES = [
  'policies',
  'days',
  'unit_days',
  'roster_assignments',
  'reports',
  'escalations',
  'recaps',
  'shard_recaps',
  'evaluations',
  'notices',
];
// Events replayed per query during a rebuild: bounded memory on any log size.
const REPLAY_PAGE = 1000;

/**
 * Records one shard's recap of a unit-day and returns the unit's: the shard's payload with `counts` summed over
 * every shard of the unit recorded so far (and `shards`, their number). Each shard upserting the unit's row alone
 * left a unit of several shards with its last shard's counts.
 */
async function unitRecapOverShards(
  tx: SqlDb,
  op: Extract<ProjectionOp, { op: 'recap' }>,
): Promise<Record<string, unknown>> {
  await tx.run(
    `INSERT INTO shard_recaps (policy_id, day, unit_id, shard_id, payload, recapped_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (policy_id, day, unit_id, shard_id) DO UPDATE SET payload = excluded.payload, recapped_at = excluded.recapped_at`,
    [op.policyId, op.day, op.unitId, op.shardId, JSON.stringify(op.payload), op.at],
  );
  const shards = await tx.all<{ payload: string }>(
    'SELECT payload FROM shard_recaps WHERE policy_id = ? AND day = ? AND unit_id = ? ORDER BY shard_id',
    [op.policyId, op.day, op.unitId],
  );
  const counts = shards
    .map((r) => countsOf((JSON.parse(r.payload) as Record<string, unknown>)['counts']))
    .reduce(addCounts, ZERO_COUNTS);
  return { ...op.payload, counts, shards: shards.length };
}

/** A stored payload's counts, unknown or missing fields read as zero. */
function countsOf(value: unknown): RecapCounts {
  const c = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out: Record<string, number> = { ...ZERO_COUNTS };
  for (const key of Object.keys(ZERO_COUNTS)) {
    const v = c[key];
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = v;
  }
  return out as unknown as RecapCounts;
}

async function apply(tx: SqlDb, op: ProjectionOp): Promise<void> {
  switch (op.op) {
    case 'policy':
      await tx.run(
        `INSERT INTO policies (policy_id, policy_version, status, last_event_type, updated_at, payload) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (policy_id) DO UPDATE SET
           policy_version = CASE WHEN excluded.policy_version > policies.policy_version
             THEN excluded.policy_version ELSE policies.policy_version END,
           status = excluded.status,
           last_event_type = excluded.last_event_type, updated_at = excluded.updated_at, payload = excluded.payload`,
        [op.policyId, op.policyVersion, op.status, op.lastEventType, op.at, JSON.stringify(op.payload)],
      );
      return;
    case 'day': {
      const column = { opened: 'opened_at', closed: 'closed_at', recapped: 'recapped_at' }[op.status];
      await tx.run(
        `INSERT INTO days (policy_id, day, status, ${column}) VALUES (?, ?, ?, ?)
         ON CONFLICT (policy_id, day) DO UPDATE SET status = excluded.status, ${column} = excluded.${column}`,
        [op.policyId, op.day, op.status, op.at],
      );
      return;
    }
    case 'unit-day': {
      const column = { opened: 'opened_at', closed: 'closed_at', recapped: 'recapped_at' }[op.status];
      await tx.run(
        `INSERT INTO unit_days (policy_id, day, unit_id, status, ${column}) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, day, unit_id) DO UPDATE SET status = excluded.status, ${column} = excluded.${column}`,
        [op.policyId, op.day, op.unitId, op.status, op.at],
      );
      return;
    }
    case 'roster':
      await insertMany(
        tx,
        'roster_assignments',
        ['policy_id', 'day', 'nip', 'unit_id', 'mode', 'reason', 'event_id'],
        op.rows.map((r) => [op.policyId, op.day, r.nip, r.unitId, r.mode, r.reason, op.eventId]),
        `ON CONFLICT (policy_id, day, nip) DO UPDATE SET unit_id = excluded.unit_id, mode = excluded.mode,
           reason = excluded.reason, event_id = excluded.event_id`,
      );
      return;
    case 'report':
      await tx.run(
        `INSERT INTO reports (policy_id, day, nip, unit_id, status, reason, occurred_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, day, nip) DO UPDATE SET unit_id = excluded.unit_id, status = excluded.status,
           reason = excluded.reason, occurred_at = excluded.occurred_at, event_id = excluded.event_id`,
        [op.policyId, op.day, op.nip, op.unitId, op.status, op.reason, op.at, op.eventId],
      );
      return;
    case 'escalation-raised':
      await tx.run(
        `INSERT INTO escalations (policy_id, day, nip, level, unit_id, supervisor_nip, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, day, nip, level) DO UPDATE SET unit_id = excluded.unit_id,
           supervisor_nip = excluded.supervisor_nip, raised_at = excluded.raised_at`,
        [op.policyId, op.day, op.nip, op.level, op.unitId, op.supervisorNip, op.at],
      );
      return;
    case 'escalation-acknowledged': {
      const params: SqlParam[] = [op.at, op.by, op.policyId, op.day, op.nip];
      const levelClause = op.level === null ? '' : ' AND level = ?';
      if (op.level !== null) params.push(op.level);
      await tx.run(
        `UPDATE escalations SET acknowledged_at = ?, acknowledged_by = ? WHERE policy_id = ? AND day = ? AND nip = ?${levelClause}`,
        params,
      );
      return;
    }
    case 'recap': {
      const payload = op.shardId === null ? op.payload : await unitRecapOverShards(tx, op);
      await tx.run(
        `INSERT INTO recaps (policy_id, day, unit_id, payload, recapped_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, day, unit_id) DO UPDATE SET payload = excluded.payload, recapped_at = excluded.recapped_at`,
        [op.policyId, op.day, op.unitId, JSON.stringify(payload), op.at],
      );
      return;
    }
    case 'evaluation':
      await tx.run(
        `INSERT INTO evaluations (policy_id, event_id, outcome, payload, completed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, event_id) DO NOTHING`,
        [op.policyId, op.eventId, op.outcome, JSON.stringify(op.payload), op.at],
      );
      return;
    case 'notice':
      await tx.run(
        `INSERT INTO notices (policy_id, day, nip, kind, level, sent_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (policy_id, day, nip, kind, level) DO UPDATE SET sent_at = excluded.sent_at, event_id = excluded.event_id`,
        [op.policyId, op.day, op.nip, op.kind, op.level, op.at, op.eventId],
      );
      return;
    default: {
      const unreachable: never = op;
      throw new Error(`unknown projection op ${JSON.stringify(unreachable)}`);
    }
  }
}

async function project(tx: SqlDb, e: DomainEventEnvelope): Promise<void> {
  for (const op of projectionOf(e)) await apply(tx, op);
}

/** Appends events in order; an eventId already stored is skipped and not projected again. */
export async function appendEvents(
  db: SqlDb,
  events: readonly DomainEventEnvelope[],
  now: Date = new Date(),
): Promise<{ appended: number; duplicates: number }> {
  if (events.length === 0) return { appended: 0, duplicates: 0 };
  return db.transaction(async (tx) => {
    let appended = 0;
    for (const e of events) {
      const inserted = await tx.run(
        `INSERT INTO events (event_id, policy_id, policy_version, type, day, unit_id, nip, occurred_at, payload, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        [
          e.eventId,
          e.policyId,
          e.policyVersion,
          e.type,
          e.day ?? null,
          e.unitId ?? null,
          e.nip ?? null,
          e.occurredAt,
          JSON.stringify(e.payload),
          now.toISOString(),
        ],
      );
      if (inserted === 0) continue;
      appended += 1;
      await project(tx, e);
    }
    return { appended, duplicates: events.length - appended };
  });
}

interface EventRow {
  seq: number | string;
  event_id: string;
  policy_id: string;
  policy_version: number;
  type: string;
  day: string | null;
  unit_id: string | null;
  nip: string | null;
  occurred_at: string;
  payload: string;
  recorded_at: string;
}

function toStoredEvent(r: EventRow): StoredEvent {
  return {
    seq: Number(r.seq),
    eventId: r.event_id,
    policyId: r.policy_id,
    policyVersion: Number(r.policy_version),
    type: r.type,
    ...(r.day ? { day: r.day } : {}),
    ...(r.unit_id ? { unitId: r.unit_id } : {}),
    ...(r.nip ? { nip: r.nip } : {}),
    occurredAt: r.occurred_at,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    recordedAt: r.recorded_at,
  };
}

const EVENT_SELECT =
  'SELECT seq, event_id, policy_id, policy_version, type, day, unit_id, nip, occurred_at, payload, recorded_at FROM events';

/** Events of one policy in log order. */
export async function eventsOf(
  db: SqlDb,
  policyId: string,
  opts: { afterSeq?: number; limit?: number; types?: readonly string[] } = {},
): Promise<StoredEvent[]> {
  const types = opts.types ?? [];
  // An empty list of types selects nothing, like an empty IN (…) would if SQL allowed it.
  if (opts.types !== undefined && types.length === 0) return [];
  const byType = types.length > 0 ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
  const rows = await db.all<EventRow>(
    `${EVENT_SELECT} WHERE policy_id = ?${byType} AND seq > ? ORDER BY seq LIMIT ?`,
    [policyId, ...types, opts.afterSeq ?? 0, opts.limit ?? 100000],
  );
  return rows.map(toStoredEvent);
}

/** Empties the read tables (for one policy or all) and replays the log into them, in one transaction. */
export async function rebuildProjections(db: SqlDb, policyId?: string): Promise<{ replayed: number }> {
  return db.transaction(async (tx) => {
    for (const table of READ_TABLES) {
      if (policyId === undefined) await tx.run(`DELETE FROM ${table}`);
      else await tx.run(`DELETE FROM ${table} WHERE policy_id = ?`, [policyId]);
    }
    let replayed = 0;
    let after = 0;
    for (;;) {
      const filter = policyId === undefined ? '' : ' AND policy_id = ?';
      const params: SqlParam[] =
        policyId === undefined ? [after, REPLAY_PAGE] : [after, policyId, REPLAY_PAGE];
      const rows = await tx.all<EventRow>(
        `${EVENT_SELECT} WHERE seq > ?${filter} ORDER BY seq LIMIT ?`,
        params,
      );
      if (rows.length === 0) break;
      for (const r of rows) {
        await project(tx, toStoredEvent(r));
        after = Number(r.seq);
      }
      replayed += rows.length;
    }
    return { replayed };
  });
}

/** The policy's projected status. */
export async function policy(db: SqlDb, policyId: string): Promise<PolicyRow | undefined> {
  const r = await db.get<{
    policy_id: string;
    policy_version: number;
    status: PolicyRow['status'];
    last_event_type: string;
    updated_at: string;
  }>(
    'SELECT policy_id, policy_version, status, last_event_type, updated_at FROM policies WHERE policy_id = ?',
    [policyId],
  );
  return r
    ? {
        policyId: r.policy_id,
        policyVersion: Number(r.policy_version),
        status: r.status,
        lastEventType: r.last_event_type,
        updatedAt: r.updated_at,
      }
    : undefined;
}

/** Days of a policy, in day order. */
export async function daysOf(db: SqlDb, policyId: string): Promise<DayRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    status: DayRow['status'];
    opened_at: string | null;
    closed_at: string | null;
    recapped_at: string | null;
  }>('SELECT * FROM days WHERE policy_id = ? ORDER BY day', [policyId]);
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    recappedAt: r.recapped_at,
  }));
}

/** Unit-days of a policy (optionally of one day), by day then unit. */
export async function unitDaysOf(db: SqlDb, policyId: string, day?: string): Promise<UnitDayRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    unit_id: string;
    status: UnitDayRow['status'];
    opened_at: string | null;
    closed_at: string | null;
    recapped_at: string | null;
  }>(
    `SELECT * FROM unit_days WHERE policy_id = ?${day ? ' AND day = ?' : ''} ORDER BY day, unit_id`,
    day ? [policyId, day] : [policyId],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    unitId: r.unit_id,
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    recappedAt: r.recapped_at,
  }));
}

/** The roster of one day, by NIP. */
export async function rosterOf(db: SqlDb, policyId: string, day: string): Promise<RosterRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    nip: string;
    unit_id: string;
    mode: string;
    reason: string;
  }>(
    'SELECT policy_id, day, nip, unit_id, mode, reason FROM roster_assignments WHERE policy_id = ? AND day = ? ORDER BY nip',
    [policyId, day],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    nip: r.nip,
    unitId: r.unit_id,
    mode: r.mode,
    reason: r.reason,
  }));
}

/** Report statuses, optionally of one day, by day then NIP. */
export async function reportsOf(db: SqlDb, policyId: string, day?: string): Promise<ReportRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    nip: string;
    unit_id: string;
    status: ReportRow['status'];
    reason: string | null;
    occurred_at: string;
  }>(
    `SELECT policy_id, day, nip, unit_id, status, reason, occurred_at FROM reports WHERE policy_id = ?${day ? ' AND day = ?' : ''} ORDER BY day, nip`,
    day ? [policyId, day] : [policyId],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    nip: r.nip,
    unitId: r.unit_id,
    status: r.status,
    reason: r.reason,
    occurredAt: r.occurred_at,
  }));
}

/** Escalations, optionally of one day, by day, NIP, level. */
export async function escalationsOf(db: SqlDb, policyId: string, day?: string): Promise<EscalationRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    nip: string;
    level: number;
    unit_id: string;
    supervisor_nip: string | null;
    raised_at: string;
    acknowledged_at: string | null;
    acknowledged_by: string | null;
  }>(
    `SELECT * FROM escalations WHERE policy_id = ?${day ? ' AND day = ?' : ''} ORDER BY day, nip, level`,
    day ? [policyId, day] : [policyId],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    nip: r.nip,
    level: Number(r.level),
    unitId: r.unit_id,
    supervisorNip: r.supervisor_nip,
    raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
  }));
}

/** Recaps of a policy, by day then unit. */
export async function recapsOf(db: SqlDb, policyId: string): Promise<RecapRow[]> {
  const rows = await db.all<{
    policy_id: string;
    day: string;
    unit_id: string;
    payload: string;
    recapped_at: string;
  }>(
    'SELECT policy_id, day, unit_id, payload, recapped_at FROM recaps WHERE policy_id = ? ORDER BY day, unit_id',
    [policyId],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    day: r.day,
    unitId: r.unit_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    recappedAt: r.recapped_at,
  }));
}

/** Evaluations of a policy, oldest first. */
export async function evaluationsOf(db: SqlDb, policyId: string): Promise<EvaluationRow[]> {
  const rows = await db.all<{
    policy_id: string;
    event_id: string;
    outcome: string;
    payload: string;
    completed_at: string;
  }>(
    'SELECT policy_id, event_id, outcome, payload, completed_at FROM evaluations WHERE policy_id = ? ORDER BY completed_at, event_id',
    [policyId],
  );
  return rows.map((r) => ({
    policyId: r.policy_id,
    eventId: r.event_id,
    outcome: r.outcome,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    completedAt: r.completed_at,
  }));
}
