/**
 * The two store backends as test harnesses: each hands out a fresh, empty store per test (a new SQLite file,
 * or a new PostgreSQL database on a throwaway server started once per test file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenStoreOptions, type Store } from '../../../activities/store/store';
import {
  createDatabase,
  postgresUnavailableReason,
  startPostgres,
  type PostgresServer,
} from '../../support/postgres';

/** One backend under test. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Set when this backend cannot run here; the suite is then skipped with this reason printed. */
  readonly unavailable: string | undefined;
  setup(): Promise<void>;
  /** Options that open a fresh, empty store (call once per test). */
  freshLocation(): Promise<OpenStoreOptions>;
  teardown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    unavailable: undefined,
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'edaran-sqlite-'));
    },
    freshLocation: async () => ({ sqlitePath: join(dir, `store-${++n}.db`) }),
    teardown: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let server: PostgresServer | undefined;
  return {
    name: 'postgres',
    unavailable: postgresUnavailableReason(),
    setup: async () => {
      server = await startPostgres();
    },
    freshLocation: async () => {
      if (!server) throw new Error('postgres backend not set up');
      return { databaseUrl: await createDatabase(server.url) };
    },
    teardown: async () => {
      await server?.stop();
    },
  };
}

/** Both backends; the PostgreSQL one says why when it cannot run. */
export function backends(): Backend[] {
  return [sqliteBackend(), postgresBackend()];
}

/** What a per-backend test body gets. */
export interface BackendContext {
  readonly backend: Backend;
  /** Opens a fresh, empty store (closed after the test). */
  open(): Promise<Store>;
  /** Opens a store at a given location (closed after the test), e.g. to reopen the same database. */
  openAt(location: OpenStoreOptions): Promise<Store>;
}

/**
 * Registers a describe block per backend, skipped (with the reason printed) when the backend is unavailable.
 * With EDARAN_REQUIRE_POSTGRES=1 (CI) PostgreSQL is never unavailable: its set-up fails with the reason instead.
 */
export function describeEachBackend(title: string, body: (ctx: BackendContext) => void): void {
  for (const backend of backends()) {
    if (backend.unavailable) {
      process.stderr.write(`[edaran] skipping "${title}" on ${backend.name}: ${backend.unavailable}\n`);
      const never = (): Promise<Store> => Promise.reject(new Error('skipped'));
      describe.skip(`${title} [${backend.name}]`, () => body({ backend, open: never, openAt: never }));
      continue;
    }
    describe(`${title} [${backend.name}]`, () => {
      const opened: Store[] = [];
      beforeAll(() => backend.setup());
      afterEach(async () => {
        await Promise.all(opened.splice(0).map((s) => s.close()));
      });
      afterAll(() => backend.teardown());
      const openAt = async (location: OpenStoreOptions): Promise<Store> => {
        const store = await openStore(location);
        opened.push(store);
        return store;
      };
      body({ backend, openAt, open: async () => openAt(await backend.freshLocation()) });
    });
  }
}
