/**
 * CI never skips PostgreSQL silently: with EDARAN_REQUIRE_POSTGRES=1 the suites are not skipped and a server that
 * cannot start is an error, and the install script fails when it cannot install. Databases the tests create on
 * an external server (EDARAN_TEST_PG_URL / DATABASE_URL) are dropped again.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore } from '../../../activities/store';
import {
  createDatabase,
  postgresUnavailableReason,
  startPostgres,
  type PostgresServer,
} from '../../support/postgres';

const NOWHERE = '/nonexistent/edaran-postgresql';
const SCRIPT = join(__dirname, '../../../scripts/ci/install-postgres.sh');

describe('PostgreSQL in CI', () => {
  it('is skipped with a reason only when not required; required, it fails to start with the reason', async () => {
    expect(postgresUnavailableReason({ root: NOWHERE, env: {} })).toMatch(/PostgreSQL is not installed/);
    const required = { root: NOWHERE, env: { EDARAN_REQUIRE_POSTGRES: '1' } };
    expect(postgresUnavailableReason(required)).toBeUndefined();
    await expect(startPostgres(required)).rejects.toThrow(
      /PostgreSQL is required here \(EDARAN_REQUIRE_POSTGRES=1\) but cannot start: PostgreSQL is not installed/,
    );
  });

  it('install script: exits 1 when required and it cannot install, 0 with a warning otherwise', () => {
    const run = (extra: Record<string, string>) =>
      spawnSync('/bin/bash', [SCRIPT], {
        env: { PATH: NOWHERE, EDARAN_PG_ROOT: NOWHERE, ...extra },
        encoding: 'utf8',
      });
    const required = run({ EDARAN_REQUIRE_POSTGRES: '1' });
    expect(required.status).toBe(1);
    expect(required.stderr).toMatch(/apt-get not found and PostgreSQL is required/);
    const optional = run({});
    expect(optional.status).toBe(0);
    expect(optional.stderr).toMatch(/the PG suite will be skipped/);
  });
});

const unavailable = postgresUnavailableReason();
(unavailable ? describe.skip : describe)('an external PostgreSQL server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres({ env: {} });
  });
  afterAll(() => server?.stop());

  it('gets back the databases the tests created on it', async () => {
    const external = await startPostgres({ env: { EDARAN_TEST_PG_URL: server.url } });
    expect(external.url).toBe(server.url);
    const url = await createDatabase(external.url, 'edaran_external');
    const name = new URL(url).pathname.slice(1);
    const store = await openStore({ databaseUrl: url });
    await store.appendEvents([
      {
        eventId: 'e1',
        policyId: 'p',
        policyVersion: 1,
        type: 'PolicyIssued',
        occurredAt: '2023-12-01T00:00:00.000Z',
        payload: {},
      },
    ]);
    await store.close();
    const exists = async (): Promise<boolean> => {
      const c = new Client({ connectionString: server.url });
      await c.connect();
      try {
        return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
      } finally {
        await c.end();
      }
    };
    expect(await exists()).toBe(true);
    await external.stop();
    expect(await exists()).toBe(false);
  });
});
