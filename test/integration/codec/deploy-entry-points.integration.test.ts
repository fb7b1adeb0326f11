import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { LIVENESS_FILE } from '../../../deploy/liveness';
import { createDevServerEnv } from '../../support/temporal';
import { mintToken } from '../../../client/auth/tokens';

const root = join(__dirname, '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

interface Proc {
  readonly child: ChildProcess;
  output: string;
}

function start(entry: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: 'pipe' });
  const proc: Proc = { child, output: '' };
  child.stdout?.on('data', (d: Buffer) => (proc.output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (proc.output += d.toString()));
  return proc;
}

async function until<T>(
  what: string,
  proc: Proc[],
  f: () => Promise<T | undefined>,
  ms = 90_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: timed out\n${proc.map((p) => p.output).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(p: Proc): Promise<number | null> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null) return resolve(p.child.exitCode);
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });
}

/**
 * The two edaran services of docker-compose.yml as processes (what the containers run), against the real dev
 * server: the API starts a workflow, the worker runs it, payloads are encrypted, the codec endpoint decrypts.
 */
describe('deploy/api-main.ts and deploy/worker-main.ts on the real dev server', () => {
  let env: TestWorkflowEnvironment;
  const procs: Proc[] = [];

  beforeAll(async () => {
    env = await createDevServerEnv();
  });
  afterAll(async () => {
    await Promise.all(procs.map(stop));
    await env?.teardown();
  });

  const jwtSecret = randomBytes(32).toString('base64url');

  it('serve the API and the codec endpoint, run workflows with encrypted payloads, report health, stop on SIGTERM', async () => {
    const [httpPort, codecPort] = [await freePort(), await freePort()];
    const childEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: env.namespace ?? 'default',
      EDARAN_TASK_QUEUE: 'deploy-e2e',
      EDARAN_JWT_SECRET: jwtSecret,
      EDARAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edaran-deploy-')),
      EDARAN_HTTP_HOST: '127.0.0.1',
      EDARAN_HTTP_PORT: String(httpPort),
      EDARAN_CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      EDARAN_CODEC_PORT: String(codecPort),
      EDARAN_CODEC_CORS_ORIGINS: 'http://localhost:8080',
    };
    rmSync(LIVENESS_FILE, { force: true }); // a file left by an earlier run must not pass the check
    const worker = start('deploy/worker-main.ts', childEnv);
    const api = start('deploy/api-main.ts', childEnv);
    procs.push(worker, api);
    const base = `http://127.0.0.1:${httpPort}`;
    await until('api health', [api], async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));
    await until('worker polling', [worker], async () =>
      worker.output.includes('payload encryption ON') ? true : undefined,
    );

    const policyNumber = 'SE/DEPLOY/NIP-198502022010011002';
    const auth = {
      authorization: `Bearer ${await mintToken({ role: 'secretariat', sub: 'ops', name: 'Operator' }, jwtSecret, Date.now(), 600)}`,
    };
    // The proof endpoints are the secretariat's: without a token, 401.
    const anonymous = await fetch(`${base}/api/proof`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    const created = await fetch(`${base}/api/proof`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ policyNumber, jurisdiction: 'test', waitDays: 1, approvalsNeeded: 1 }),
    });
    expect(created.status).toBe(201);
    const { workflowId } = (await created.json()) as { workflowId: string };
    const approved = await fetch(`${base}/api/proof/${workflowId}/approvals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ approver: 'sekda' }),
    });
    expect(approved.status).toBe(201);
    const state = await until('workflow done', [api, worker], async () => {
      const s = (await (await fetch(`${base}/api/proof/${workflowId}`, { headers: auth })).json()) as {
        status: string;
      };
      return s.status === 'done' ? s : undefined;
    });
    expect(state).toMatchObject({ status: 'done', endedBy: 'approvals' });

    // Temporal holds ciphertext only (the search attribute PolicyNumber is clear by design, so look at payloads).
    const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
    const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    expect(Buffer.from(input?.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
    expect(Buffer.from(input?.data ?? []).toString('latin1')).not.toContain('198502022010011002');

    // The codec endpoint, as the Web UI calls it.
    const decoded = await fetch(`http://127.0.0.1:${codecPort}/codec/decode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost:8080',
        'x-namespace': 'default',
      },
      body: JSON.stringify({
        payloads: [
          {
            metadata: Object.fromEntries(
              Object.entries(input?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
            ),
            data: Buffer.from(input?.data ?? []).toString('base64'),
          },
        ],
      }),
    });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const body = (await decoded.json()) as { payloads: { data: string }[] };
    expect(JSON.parse(Buffer.from(body.payloads[0]?.data ?? '', 'base64').toString())).toMatchObject({
      policyNumber,
    });
    // The codec endpoint is not on the API port.
    expect((await fetch(`${base}/codec/decode`, { method: 'POST' })).status).toBe(404);

    // The worker's liveness file (the container health check) is fresh.
    await until(
      'liveness file',
      [worker],
      async () => (existsSync(LIVENESS_FILE) ? true : undefined),
      15_000,
    );
    expect(Date.now() - statSync(LIVENESS_FILE).mtimeMs).toBeLessThan(30_000);

    expect(await stop(api)).toBe(0);
    expect(await stop(worker)).toBe(0);
  });
});
