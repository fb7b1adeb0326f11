/**
 * `edaran outbox list|requeue` — the notification outbox for operators: what was sent, what failed and why,
 * what is held as uncertain after a crash; and the explicit decision to send a failed or uncertain message again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CHANNEL_NAMES,
  OUTBOX_STATUSES,
  openStore,
  type ChannelName,
  type OutboxFilter,
  outboxListing,
  type OutboxStatus,
  type Store,
} from '../../activities/store';
import { loadConfig } from '../config';

/** One line for `edaran --help`. */
export const summary =
  'list notification messages by status with their reasons (list), or resend some (requeue)';

/** The whole usage text (`edaran outbox … --help`). */
export const usage = `usage:
  edaran outbox list [--policy ID] [--status ${OUTBOX_STATUSES.join('|')}] [--channel ${CHANNEL_NAMES.join('|')}]
                     [--day YYYY-MM-DD] [--unit UNIT] [--limit N] [--json] [--db SQLITE_FILE]
  edaran outbox requeue ID... [--db SQLITE_FILE]
      ID: the number (seq) or the idempotency key of a failed or uncertain message; it goes back to pending and
      leaves with the next dispatch of its unit
  store: --db, else DATABASE_URL (PostgreSQL), else EDARAN_DATA_DIR/edaran.db`;

const fail = (message: string, code = 1): number => {
  process.stderr.write(`edaran outbox: ${message}\n`);
  return code;
};
const usageError = (message: string): number => fail(`${message}\n${usage}`, 2);

/** Dispatches list / requeue; exit 2 on a usage error, 1 when a requeue did not happen. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'list':
        return await runList(rest);
      case 'requeue':
        return await runRequeue(rest);
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        return 0;
      default:
        return usageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
    }
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
}

/** Opens the store the worker writes: --db, else DATABASE_URL, else EDARAN_DATA_DIR/edaran.db (must exist). */
async function openOutboxStore(db: string | undefined): Promise<Store> {
  const config = loadConfig();
  if (!db && config.DATABASE_URL) return openStore({ databaseUrl: config.DATABASE_URL });
  const path = db ?? join(config.EDARAN_DATA_DIR, 'edaran.db');
  if (!existsSync(path)) throw new Error(`no store at ${path} (use --db, DATABASE_URL or EDARAN_DATA_DIR)`);
  return openStore({ sqlitePath: path });
}

const isStatus = (v: string): v is OutboxStatus => (OUTBOX_STATUSES as readonly string[]).includes(v);
const isChannel = (v: string): v is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(v);

async function runList(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        policy: { type: 'string' },
        status: { type: 'string' },
        channel: { type: 'string' },
        day: { type: 'string' },
        unit: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        db: { type: 'string' },
      },
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (values.status !== undefined && !isStatus(values.status))
    return usageError(`--status: must be one of ${OUTBOX_STATUSES.join(', ')} (got ${values.status})`);
  if (values.channel !== undefined && !isChannel(values.channel))
    return usageError(`--channel: must be one of ${CHANNEL_NAMES.join(', ')} (got ${values.channel})`);
  if (values.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.day))
    return usageError(`--day: expected YYYY-MM-DD (got ${values.day})`);
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1)
    return usageError(`--limit: expected a positive integer (got ${values.limit})`);
  const filter: OutboxFilter = {
    ...(values.policy ? { policyId: values.policy } : {}),
    ...(values.status && isStatus(values.status) ? { status: values.status } : {}),
    ...(values.channel && isChannel(values.channel) ? { channel: values.channel } : {}),
    ...(values.day ? { day: values.day } : {}),
    ...(values.unit ? { unitId: values.unit } : {}),
  };
  const store = await openOutboxStore(values.db);
  try {
    const all = await store.listOutbox(filter);
    const shown = all.slice(0, limit).map(outboxListing);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      return 0;
    }
    const counts = await store.outboxCounts(filter);
    const lines = shown.map((m) =>
      [
        String(m.seq).padStart(6),
        m.status.padEnd(9),
        m.channel.padEnd(7),
        `${m.kind}${m.level > 0 ? `#${m.level}` : ''}`.padEnd(20),
        m.day,
        m.unitId.padEnd(12),
        m.nip,
        m.recipient ?? '-',
        m.attempts > 0 ? `attempts ${m.attempts}` : '',
        m.lastError ?? '',
      ]
        .join('  ')
        .trimEnd(),
    );
    const totals = OUTBOX_STATUSES.filter((s) => counts[s] > 0).map((s) => `${s} ${counts[s]}`);
    process.stdout.write(
      `${lines.join('\n')}${lines.length ? '\n' : ''}` +
        `${all.length > shown.length ? `… ${all.length - shown.length} more (--limit)\n` : ''}` +
        `${totals.length ? totals.join(', ') : 'no messages'}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

async function runRequeue(args: string[]): Promise<number> {
  let values;
  let ids: string[];
  try {
    ({ values, positionals: ids } = parseArgs({
      args,
      options: { db: { type: 'string' } },
      allowPositionals: true,
    }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (ids.length === 0) return usageError('missing ID: the seq number or key of a message');
  const store = await openOutboxStore(values.db);
  let failures = 0;
  try {
    const bySeq = ids.some((id) => /^\d+$/.test(id))
      ? new Map((await store.listOutbox()).map((m) => [String(m.seq), m.key] as const))
      : new Map<string, string>();
    for (const id of ids) {
      const key = /^\d+$/.test(id) ? bySeq.get(id) : id;
      const message = key ? await store.outboxMessage(key) : undefined;
      if (!key || !message) {
        failures += 1;
        process.stderr.write(`edaran outbox: ${id}: no such message\n`);
        continue;
      }
      if (await store.requeueOutbox(key)) {
        process.stdout.write(`requeued ${message.seq} ${key} (was ${message.status})\n`);
      } else {
        failures += 1;
        process.stderr.write(
          `edaran outbox: ${id}: not requeued: it is ${message.status}; only failed or uncertain messages are resent\n`,
        );
      }
    }
  } finally {
    await store.close();
  }
  return failures > 0 ? 1 : 0;
}
