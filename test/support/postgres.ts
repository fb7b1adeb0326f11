/**
 * A throwaway PostgreSQL server for tests: initdb into a temp dir and pg_ctl start on a free 127.0.0.1 port
 * (as the `postgres` user when running as root, since initdb refuses root). EDARAN_TEST_PG_URL or a postgres
 * DATABASE_URL is used instead when set. Tests create one fresh database each with {@link createDatabase}.
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

/** Why the PostgreSQL suite cannot run here, or undefined when it can. Synchronous: decides describe/skip. */
export function postgresUnavailableReason(): string | undefined {
  if (externalUrl()) return undefined;
  if (!binDir()) {
    return 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/ci/install-postgres.sh or set EDARAN_TEST_PG_URL';
  }
  if (process.getuid?.() === 0 && !postgresUid())
    return 'running as root and there is no "postgres" user to run initdb as';
  return undefined;
}

function externalUrl(): string | undefined {
  const url = process.env.EDARAN_TEST_PG_URL ?? process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
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
export async function startPostgres(): Promise<PostgresServer> {
  const external = externalUrl();
  if (external) return { url: external, stop: async () => undefined };
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailableReason());
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

/** Creates a fresh, uniquely named database on the server and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = 'edaran_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
