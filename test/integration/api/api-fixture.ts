/**
 * Shared set-up of the API integration tests: the real dev server, the real worker runtime with a SQLite store,
 * the API with a known JWT secret and a captured denial log, and the Kebumen letter moved into the future.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker } from '@temporalio/worker';
import { type FastifyInstance } from 'fastify';
import { type Denial } from '../../../client/api/guard';
import { buildApi } from '../../../client/api/server';
import { type Principal } from '../../../client/auth/principal';
import { type AuthOptions } from '../../../client/auth/auth-routes';
import { keyRing } from '../../../client/auth/keys';
import { mintSession, SESSION_COOKIE } from '../../../client/auth/session';
import { mintToken } from '../../../client/auth/tokens';
import { loadConfig } from '../../../client/config';
import { createWorker } from '../../../worker/create-worker';
import { openRuntime, type Runtime } from '../../../worker/runtime';
import { workflowBundlePath } from '../../support/workflow-bundle';

export const root = join(__dirname, '..', '..', '..');
export const JWT_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** The Kebumen letter with its two days moved to December of next year. */
export function kebumenLetter(): { policy: string; days: [string, string] } {
  const year = new Date().getUTCFullYear() + 1;
  const days: [string, string] = [`${year}-12-07`, `${year}-12-14`];
  const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
    'days: [2023-12-04, 2023-12-11]',
    `days: [${days[0]}, ${days[1]}]`,
  );
  return { policy, days };
}

/** The Kebumen org directory as CSV text. */
export function kebumenOrg(): { unitsCsv: string; employeesCsv: string; jurisdictionCsv: string } {
  const dir = join(root, 'examples/orgs/kebumen');
  return {
    unitsCsv: readFileSync(join(dir, 'units.csv'), 'utf8'),
    employeesCsv: readFileSync(join(dir, 'employees.csv'), 'utf8'),
    jurisdictionCsv: readFileSync(join(dir, 'jurisdiction.csv'), 'utf8'),
  };
}

/**
 * The headers of a browser signed in as a principal: the session cookie, the CSRF cookie and the page's CSRF
 * token (what GET /auth/session gives the pages).
 */
export async function sessionHeaders(api: FastifyInstance, p: Principal): Promise<Record<string, string>> {
  const session = `${SESSION_COOKIE}=${await mintSession(keyRing(JWT_SECRET), { kind: 'link', principal: p }, Date.now())}`;
  const res = await api.inject({ url: '/auth/session', headers: { cookie: session } });
  const csrfCookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  return { cookie: `${session}; ${csrfCookie}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

/** A bearer token header for a principal. */
export const bearer = async (p: Principal, nowMs = Date.now()): Promise<{ authorization: string }> => ({
  authorization: `Bearer ${await mintToken(p, JWT_SECRET, nowMs)}`,
});

export interface ApiHarness {
  readonly api: FastifyInstance;
  readonly runtime: Runtime;
  readonly denials: Denial[];
  close(): Promise<void>;
}

/** Options of {@link startApi} for the sign-in tests. */
export interface StartApiOptions {
  /** More configuration (e.g. EDARAN_PUBLIC_URL, EDARAN_LINK_TTL_MINUTES) for the worker and the API. */
  readonly config?: Record<string, string>;
  /** Sign-in options of the API (default: none, bearer tokens and sessions only). */
  readonly auth?: (runtime: Runtime) => AuthOptions;
  /** The API's clock (token, session and link expiry). */
  readonly now?: () => number;
}

/** Starts the worker and builds the API on an already started Temporal environment. */
export async function startApi(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  opts: StartApiOptions = {},
): Promise<ApiHarness & { outboxDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'edaran-api-'));
  const outboxDir = join(dataDir, 'outbox');
  const config = loadConfig({ EDARAN_DATA_DIR: dataDir, EDARAN_TASK_QUEUE: taskQueue, ...opts.config });
  // The worker signs the personal links in messages with the API's key.
  const runtime = await openRuntime(config, {
    env: { EDARAN_OUTBOX_DIR: outboxDir, EDARAN_JWT_SECRET: JWT_SECRET, ...opts.config },
  });
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: runtime.deps,
    workflowBundlePath: (await workflowBundlePath()).codePath,
  });
  const running = worker.run();
  const denials: Denial[] = [];
  const api = buildApi({
    client: env.client,
    taskQueue,
    store: runtime.store,
    jwtSecret: JWT_SECRET,
    onDenied: (d) => denials.push(d),
    ...(opts.auth ? { auth: opts.auth(runtime) } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    outboxDir,
    api,
    runtime,
    denials,
    async close() {
      await api.close();
      worker.shutdown();
      await running;
      await runtime.close();
    },
  };
}

/** Waits until the roster of a day is in the store (it is published just after the letter is issued). */
export async function waitForRoster(runtime: Runtime, policyId: string, day: string) {
  for (let i = 0; i < 200; i++) {
    const rows = await runtime.store.rosterOf(policyId, day);
    if (rows.length > 0) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no roster for ${policyId} on ${day}`);
}
