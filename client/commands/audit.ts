/**
 * `edaran audit export|verify` — a policy's domain events as a hash-chained JSON Lines file, and the check that
 * detects any edited, deleted, inserted, reordered or truncated line (format: client/audit/hash-chain.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../activities/store';
import { allEventsOf, buildAuditChain, verifyAuditChain } from '../audit';
import { loadConfig } from '../config';

/** One line for `edaran --help`. */
export const summary =
  "export a policy's domain events as a hash-chained file (export), or check one (verify)";

/** The whole usage text (`edaran audit … --help`). */
export const usage = `usage:
  edaran audit export --policy ID --out FILE [--db SQLITE_FILE] [--force]
      store: --db, else DATABASE_URL (PostgreSQL), else EDARAN_DATA_DIR/edaran.db
  edaran audit verify FILE [--head SHA256]
      exit 0 when intact, 1 naming the first broken line`;

const fail = (message: string, code = 1): number => {
  process.stderr.write(`edaran audit: ${message}\n`);
  return code;
};

const usageError = (message: string): number => fail(`${message}\n${usage}`, 2);

/** Dispatches export / verify; exit 2 on a usage error. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'export':
        return await runExport(rest);
      case 'verify':
        return runVerify(rest);
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

async function runExport(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        policy: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string' },
        force: { type: 'boolean' },
      },
      allowPositionals: false,
    }));
  } catch (err) {
    return usageError((err as Error).message);
  }
  if (!values.policy) return usageError('--policy: required (the policy id)');
  if (!values.out) return usageError('--out: required (the file to write)');
  if (existsSync(values.out) && !values.force) {
    return fail(
      `--out: ${values.out} already exists (an audit file is never overwritten silently; use --force)`,
    );
  }
  const config = loadConfig();
  let source: { sqlitePath: string } | { databaseUrl: string };
  if (values.db) {
    source = { sqlitePath: values.db };
  } else if (config.DATABASE_URL) {
    source = { databaseUrl: config.DATABASE_URL };
  } else {
    source = { sqlitePath: join(config.EDARAN_DATA_DIR, 'edaran.db') };
  }
  // Opening a missing SQLite file would create an empty store and export nothing: refuse instead.
  if ('sqlitePath' in source && !existsSync(source.sqlitePath)) {
    return fail(`${values.db ? '--db' : 'EDARAN_DATA_DIR'}: no store at ${source.sqlitePath}`);
  }
  const store = await openStore(source);
  try {
    const events = await allEventsOf(store, values.policy);
    if (events.length === 0) return fail(`--policy: no events for policy "${values.policy}" in the store`);
    const chain = buildAuditChain(
      values.policy,
      events.map((e) => ({ ...e })),
      new Date().toISOString(),
    );
    writeFileSync(values.out, chain.text);
    process.stdout.write(
      `wrote ${events.length} events of ${values.policy} to ${values.out} (${chain.lines} lines)\nhead sha256 ${chain.head}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function runVerify(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { head: { type: 'string' } }, allowPositionals: true });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) return usageError('verify takes exactly one FILE');
  const head = parsed.values.head;
  if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) return usageError('--head: expected 64 hex digits');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return fail(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const verdict = verifyAuditChain(text, head);
  if (!verdict.ok) return fail(`${file}:${verdict.line}: ${verdict.reason}`);
  process.stdout.write(
    `${file}: intact, ${verdict.events} events of ${verdict.policyId}, head sha256 ${verdict.head}\n`,
  );
  return 0;
}
