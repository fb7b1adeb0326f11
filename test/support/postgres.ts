/**
 * A throwaway PostgreSQL server for tests: initdb into a temp dir and pg_ctl start on a free 127.0.0.1 port
 * (as the `postgres` user when running as root, since initdb refuses root). EDARAN_TEST_PG_URL or a postgres
 * DATABASE_URL is used instead when set; the databases the tests create there are dropped again by `stop()`.
 * Tests create one fresh database each with {@link createDatabase}.
 *
 * With EDARAN_REQUIRE_POSTGRES=1 (set by .ci/run) PostgreSQL is never "unavailable": a suite that needs it runs,
 * and fails with the reason when the server cannot start, instead of being skipped.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** A running server (or an external one) and how to stop it. */
export interface PostgresServer {
  /** Admin connection URL (database `postgres`). */
  readonly url: string;
  stop(): Promise<void>;
}

/** Where to look (tests of this module point it elsewhere). */
export interface PostgresLookup {
  readonly env?: NodeJS.ProcessEnv;
  /** Folder holding `<version>/bin/initdb` (default /usr/lib/postgresql). */
  readonly root?: string;
}

/** True when the environment demands PostgreSQL (EDARAN_REQUIRE_POSTGRES=1, as in CI). */
export function postgresRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.EDARAN_REQUIRE_POSTGRES === '1' || env.EDARAN_REQUIRE_POSTGRES === 'true';
}

/** Why PostgreSQL cannot start here, whether or not it is required. */
function missingReason(lookup: PostgresLookup): string | undefined {
  if (externalUrl(lookup.env)) return undefined;
  if (!binDir(lookup.root)) {
    return `PostgreSQL is not installed (no ${lookup.root ?? '/usr/lib/postgresql'}/*/bin/initdb); run scripts/ci/install-postgres.sh or set EDARAN_TEST_PG_URL`;
  }
  if (process.getuid?.() === 0 && !postgresUid())
    return 'running as root and there is no "postgres" user to run initdb as';
  return undefined;
}

/**
 * Why the PostgreSQL suite cannot run here, or undefined when it can. Synchronous: decides describe/skip.
 * Always undefined when PostgreSQL is required: the suite then runs and {@link startPostgres} fails loudly.
 */
export function postgresUnavailableReason(lookup: PostgresLookup = {}): string | undefined {
  if (postgresRequired(lookup.env)) return undefined;
  return missingReason(lookup);
}

function externalUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.EDARAN_TEST_PG_URL ?? env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

function binDir(root = '/usr/lib/postgresql'): string | undefined {
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function postgresUid(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts a server (or returns the external one). Throws with the server log when it fails to start. */
export async function startPostgres(lookup: PostgresLookup = {}): Promise<PostgresServer> {
  const external = externalUrl(lookup.env);
  // Someone else's server: leave it as found, without the databases the tests created on it.
  if (external) return { url: external, stop: () => dropCreatedDatabases(external) };
  const bin = binDir(lookup.root);
  if (!bin) {
    const reason = missingReason(lookup) ?? 'PostgreSQL is not installed';
    throw new Error(
      postgresRequired(lookup.env)
        ? `PostgreSQL is required here (EDARAN_REQUIRE_POSTGRES=1) but cannot start: ${reason}`
        : reason,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'edaran-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUid() : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = owner
      ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe', cwd: dir });
  };
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Durability off: a test database is thrown away, and fsync dominates its run time.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']);
  } catch (err) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL failed to start: ${(err as Error).message}\n${tail}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let counter = 0;
/** Databases created per admin URL, so an external server gets them dropped again. */
const created = new Map<string, Set<string>>();

/** Creates a fresh, uniquely named database on the server and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = 'edaran_test'): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`createDatabase: bad prefix "${prefix}"`);
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
    const names = created.get(adminUrl) ?? new Set<string>();
    names.add(name);
    created.set(adminUrl, names);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every database {@link createDatabase} made on `adminUrl` (open connections are closed by force). */
export async function dropCreatedDatabases(adminUrl: string): Promise<void> {
  const names = [...(created.get(adminUrl) ?? [])];
  if (names.length === 0) return;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      created.get(adminUrl)?.delete(name);
    }
  } finally {
    await client.end();
  }
}
