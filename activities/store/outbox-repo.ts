/**
 * SQL of the notification outbox: idempotent enqueue by key, claim with a lease and a fencing token, and
 * delivery records with a per-message history (outbox_log).
 */
import { randomUUID } from 'node:crypto';
import { insertMany, type SqlDb, type SqlParam } from './sql-db';
import { OUTBOX_STATUSES, type ChannelName, type OutboxStatus } from './outbox-status';
import {
  type DeliveryOutcome,
  type OutboxFilter,
  type OutboxLogEntry,
  type OutboxMessage,
  type OutboxMessageInput,
} from './store';

interface OutboxRow {
  seq: number | string;
  key: string;
  policy_id: string;
  day: string;
  nip: string;
  kind: string;
  level: number;
  channel: ChannelName;
  unit_id: string;
  recipient: string | null;
  language: string;
  subject: string;
  body: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  claim_token: string | null;
  lease_until: string | null;
  recovered: number;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

function toMessage(r: OutboxRow): OutboxMessage {
  return {
    seq: Number(r.seq),
    key: r.key,
    policyId: r.policy_id,
    day: r.day,
    nip: r.nip,
    kind: r.kind,
    level: Number(r.level),
    channel: r.channel,
    unitId: r.unit_id,
    recipient: r.recipient,
    language: r.language,
    subject: r.subject,
    body: r.body,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    claimToken: r.claim_token,
    leaseUntil: r.lease_until,
    recovered: Number(r.recovered) === 1,
    providerId: r.provider_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

function where(f: OutboxFilter): { sql: string; params: SqlParam[] } {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  const add = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    params.push(value);
  };
  add('policy_id', f.policyId);
  add('day', f.day);
  add('unit_id', f.unitId);
  add('channel', f.channel);
  add('status', f.status);
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', params };
}

async function log(
  tx: SqlDb,
  key: string,
  at: string,
  status: OutboxStatus,
  attempt: number,
  detail: string | null,
): Promise<void> {
  await tx.run('INSERT INTO outbox_log (key, at, status, attempt, detail) VALUES (?, ?, ?, ?, ?)', [
    key,
    at,
    status,
    attempt,
    detail,
  ]);
}

const ENQUEUE_COLUMNS = [
  'key',
  'policy_id',
  'day',
  'nip',
  'kind',
  'level',
  'channel',
  'unit_id',
  'recipient',
  'language',
  'subject',
  'body',
  'payload',
  'status',
  'last_error',
  'created_at',
  'updated_at',
];

/** Inserts messages; existing keys are untouched. A message with `failure` is stored as failed at once. */
export async function enqueue(
  db: SqlDb,
  messages: readonly OutboxMessageInput[],
  now: Date = new Date(),
): Promise<{ enqueued: number; duplicates: number }> {
  if (messages.length === 0) return { enqueued: 0, duplicates: 0 };
  const at = now.toISOString();
  // Multi-row inserts: a unit's batch of thousands of messages is a handful of statements, not thousands.
  const perChunk = Math.max(1, Math.min(500, Math.floor(db.maxParams / ENQUEUE_COLUMNS.length)));
  const tuple = `(${ENQUEUE_COLUMNS.map(() => '?').join(',')})`;
  return db.transaction(async (tx) => {
    let enqueued = 0;
    for (let i = 0; i < messages.length; i += perChunk) {
      const chunk = messages.slice(i, i + perChunk);
      const params = chunk.flatMap((m) => [
        m.key,
        m.policyId,
        m.day,
        m.nip,
        m.kind,
        m.level,
        m.channel,
        m.unitId,
        m.recipient,
        m.language,
        m.subject,
        m.body,
        JSON.stringify(m.payload),
        m.failure === undefined ? 'pending' : 'failed',
        m.failure ?? null,
        at,
        at,
      ]);
      const inserted = await tx.all<{ key: string; status: OutboxStatus; last_error: string | null }>(
        `INSERT INTO outbox (${ENQUEUE_COLUMNS.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}
         ON CONFLICT (key) DO NOTHING RETURNING key, status, last_error`,
        params,
      );
      enqueued += inserted.length;
      await insertMany(
        tx,
        'outbox_log',
        ['key', 'at', 'status', 'attempt', 'detail'],
        inserted.map((r) => [r.key, at, r.status, 0, r.last_error]),
      );
    }
    return { enqueued, duplicates: messages.length - enqueued };
  });
}

/** Claims deliverable messages (see Store.claimOutbox). */
export async function claimOutbox(
  db: SqlDb,
  opts: OutboxFilter & { now: Date; leaseMs: number; limit: number },
): Promise<OutboxMessage[]> {
  const at = opts.now.toISOString();
  const leaseUntil = new Date(opts.now.getTime() + opts.leaseMs).toISOString();
  const token = randomUUID();
  const f = where({ ...opts, status: undefined });
  return db.transaction(async (tx) => {
    // SKIP LOCKED lets parallel PostgreSQL dispatchers take disjoint batches; SQLite serialises writers anyway.
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const due = await tx.all<{ key: string }>(
      `SELECT key FROM outbox WHERE ${f.sql} AND (status = 'pending' OR (status = 'retrying' AND next_attempt_at <= ?)
         OR (status IN ('claimed', 'sending') AND lease_until < ?)) ORDER BY seq LIMIT ?${lock}`,
      [...f.params, at, at, opts.limit],
    );
    if (due.length === 0) return [];
    const keys = due.map((r) => r.key);
    // SET expressions read the old row: `status = 'sending'` means "taken over from a crash mid-send"; a stale
    // recovered flag survives a takeover of a claim that never got to send it again.
    const rows = await tx.all<OutboxRow>(
      `UPDATE outbox SET recovered = CASE WHEN status = 'sending' THEN 1 WHEN status = 'claimed' THEN recovered ELSE 0 END,
         status = 'claimed', claim_token = ?, lease_until = ?, updated_at = ?
       WHERE key IN (${keys.map(() => '?').join(',')}) RETURNING *`,
      [token, leaseUntil, at, ...keys],
    );
    const messages = rows.map(toMessage).sort((a, b) => a.seq - b.seq);
    for (const m of messages) {
      await log(
        tx,
        m.key,
        at,
        'claimed',
        m.attempts,
        m.recovered ? 'taken over after a crash between send and record' : null,
      );
    }
    return messages;
  });
}

/** Records a delivery outcome if `claimToken` still holds the message. */
export async function recordDelivery(
  db: SqlDb,
  key: string,
  claimToken: string,
  outcome: DeliveryOutcome,
  now: Date = new Date(),
): Promise<boolean> {
  const at = now.toISOString();
  const reason = outcome.status === 'sent' ? null : outcome.reason;
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      `UPDATE outbox SET status = ?, last_error = ?, next_attempt_at = ?, provider_id = COALESCE(?, provider_id),
         sent_at = ?, claim_token = NULL, lease_until = NULL, recovered = 0, updated_at = ?
       WHERE key = ? AND claim_token = ? AND status IN ('claimed', 'sending')`,
      [
        outcome.status,
        reason,
        outcome.status === 'retrying' ? outcome.nextAttemptAt.toISOString() : null,
        outcome.status === 'sent' ? (outcome.providerId ?? null) : null,
        outcome.status === 'sent' ? at : null,
        at,
        key,
        claimToken,
      ],
    );
    if (changed === 0) return false;
    const row = await tx.get<{ attempts: number }>('SELECT attempts FROM outbox WHERE key = ?', [key]);
    await log(tx, key, at, outcome.status, Number(row?.attempts ?? 0), reason);
    return true;
  });
}

/** Marks a claimed message `sending` just before its send, renewing the lease for the send when `leaseMs` is given. */
export async function markSending(
  db: SqlDb,
  key: string,
  claimToken: string,
  now: Date = new Date(),
  leaseMs?: number,
): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const row = await tx.get<{ attempts: number }>(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?,
         lease_until = COALESCE(?, lease_until)
       WHERE key = ? AND claim_token = ? AND status = 'claimed' RETURNING attempts`,
      [at, leaseMs === undefined ? null : new Date(now.getTime() + leaseMs).toISOString(), key, claimToken],
    );
    if (!row) return false;
    await log(tx, key, at, 'sending', Number(row.attempts), null);
    return true;
  });
}

/** Puts an uncertain or failed message back to pending. */
export async function requeueOutbox(db: SqlDb, key: string, now: Date = new Date()): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      `UPDATE outbox SET status = 'pending', next_attempt_at = NULL, updated_at = ? WHERE key = ? AND status IN ('uncertain', 'failed')`,
      [at, key],
    );
    if (changed > 0) await log(tx, key, at, 'pending', 0, 'requeued by operator');
    return changed > 0;
  });
}

/** One message by key. */
export async function outboxMessage(db: SqlDb, key: string): Promise<OutboxMessage | undefined> {
  const row = await db.get<OutboxRow>('SELECT * FROM outbox WHERE key = ?', [key]);
  return row ? toMessage(row) : undefined;
}

/** Messages matching `filter`, in enqueue order. */
export async function listOutbox(db: SqlDb, filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
  const f = where(filter);
  const rows = await db.all<OutboxRow>(`SELECT * FROM outbox WHERE ${f.sql} ORDER BY seq`, f.params);
  return rows.map(toMessage);
}

/** Delivery history of one message, oldest first. */
export async function outboxLog(db: SqlDb, key: string): Promise<OutboxLogEntry[]> {
  const rows = await db.all<{
    key: string;
    at: string;
    status: OutboxStatus;
    attempt: number;
    detail: string | null;
  }>('SELECT key, at, status, attempt, detail FROM outbox_log WHERE key = ? ORDER BY seq', [key]);
  return rows.map((r) => ({ ...r, attempt: Number(r.attempt) }));
}

/** Message counts per status (every status present, zero when none). */
export async function outboxCounts(
  db: SqlDb,
  filter: OutboxFilter = {},
): Promise<Record<OutboxStatus, number>> {
  const f = where(filter);
  const rows = await db.all<{ status: OutboxStatus; n: number | string }>(
    `SELECT status, COUNT(*) AS n FROM outbox WHERE ${f.sql} GROUP BY status`,
    f.params,
  );
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
