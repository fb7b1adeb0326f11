import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Worker } from '@temporalio/worker';
import { type FastifyInstance } from 'fastify';
import { buildApi } from '../../client/api/server';
import { loadConfig } from '../../client/config';
import { openRuntime, type Runtime } from '../../worker/runtime';
import { createWorker } from '../../worker/create-worker';
import { createDevServerEnv } from '../support/temporal';

/** The HTTP API over the real dev server, the real worker runtime and a SQLite store. */
describe('policy API on the dev server', () => {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'edaran-api-'));
  let env: TestWorkflowEnvironment;
  let runtime: Runtime;
  let worker: Worker;
  let running: Promise<void>;
  let api: FastifyInstance;
  const sekda = { id: 'sekda', name: 'Sekda Kebumen', role: 'sekda' };
  const year = new Date().getUTCFullYear() + 1;
  const day1 = `${year}-12-07`;
  const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
    'days: [2023-12-04, 2023-12-11]',
    `days: [${day1}, ${year}-12-14]`,
  );
  const orgDir = join(root, 'examples/orgs/kebumen');
  const org = {
    unitsCsv: readFileSync(join(orgDir, 'units.csv'), 'utf8'),
    employeesCsv: readFileSync(join(orgDir, 'employees.csv'), 'utf8'),
    jurisdictionCsv: readFileSync(join(orgDir, 'jurisdiction.csv'), 'utf8'),
  };

  beforeAll(async () => {
    env = await createDevServerEnv();
    const config = loadConfig({ EDARAN_DATA_DIR: dataDir, EDARAN_TASK_QUEUE: 'api-test' });
    runtime = await openRuntime(config, { env: {} });
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue: 'api-test',
      deps: runtime.deps,
    });
    running = worker.run();
    api = buildApi({ client: env.client, taskQueue: 'api-test', store: runtime.store });
  });
  afterAll(async () => {
    await api?.close();
    worker?.shutdown();
    await running;
    await runtime?.close();
    await env?.teardown();
  });

  const post = (url: string, payload: unknown) =>
    api.inject({ method: 'POST', url, payload: payload as object });

  it('refuses a broken letter with lines naming each field, and writes nothing', async () => {
    const broken = policy
      .replace('maxWfhPercent: 50', 'maxWfhPercent: 150')
      .replace('timezone: WIB', 'timezone: Mars');
    const res = await post('/api/policies', { policy: broken, org, issuedBy: sekda });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: string; problems: string[] }>();
    expect(body.error).toBe('INVALID_POLICY');
    expect(body.problems.join('\n')).toMatch(/timezone/);
    expect(body.problems.join('\n')).toMatch(/maxWfhPercent/);
    expect(await runtime.store.pinnedDirectory('kebumen-2023')).toBeUndefined();
  });

  it('refuses malformed bodies with 400 and the field, never 5xx', async () => {
    for (const payload of [
      {},
      { policy: 42 },
      { policy: 'x', issuedBy: { id: '' } },
      { policy: policy, org, issuedBy: sekda, extra: 1 },
    ]) {
      const res = await post('/api/policies', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ fields: { field: string }[] }>().fields.length).toBeGreaterThan(0);
    }
  });

  it('issues the letter, publishes its roster, refuses a second issue, and revokes it', async () => {
    const res = await post('/api/policies', { policy, org, issuedBy: sekda });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ policyId: 'kebumen-2023', days: [day1, `${year}-12-14`] });
    expect((await post('/api/policies', { policy, org, issuedBy: sekda })).statusCode).toBe(409);

    // The roster is published to the store at issue time.
    let roster = await runtime.store.rosterOf('kebumen-2023', day1);
    for (let i = 0; i < 100 && roster.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      roster = await runtime.store.rosterOf('kebumen-2023', day1);
    }
    expect(roster.length).toBe(org.employeesCsv.trim().split('\n').length - 1);
    const state = await api.inject({ url: '/api/policies/kebumen-2023' });
    expect(state.json()).toMatchObject({ status: 'scheduled' });

    // A report before the day opens is refused with a code, not lost silently.
    const wfh = roster.find((r) => r.mode === 'WFH')!;
    const early = await post(`/api/policies/kebumen-2023/days/${day1}/reports`, {
      nip: wfh.nip,
      checkIn: '07:30',
      progress: [{ activity: 'a', output: 'b' }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'DAY_NOT_OPEN' });

    expect(
      (await post('/api/policies/kebumen-2023/revoke', { reason: 'dibatalkan', by: sekda })).statusCode,
    ).toBe(204);
    const revoked = await api.inject({ url: '/api/policies/kebumen-2023' });
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await post('/api/policies/kebumen-2023/revoke', { reason: 'lagi', by: sekda })).statusCode).toBe(
      409,
    );
  });
});
