import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { createLifecycleActivities } from '../../activities/lifecycle';
import { createNotificationActivities } from '../../activities/notifications';
import { openStore, type Store } from '../../activities/store';
import { freePort } from '../../bench/processes/dev-server';
import { parseOrgCsv } from '../../domain/org';
import { parsePolicy } from '../../domain/policy';
import { unitDayWorkflowId } from '../../workflows/ids';
import { unitDayStatusQuery } from '../../workflows/messages';
import { unitDayWorkflow } from '../../workflows';
import { createDevServerEnv } from '../support/temporal';
import { workflowBundlePath } from '../support/workflow-bundle';

/**
 * Two worker processes (worker/main.ts) on the dev server share one day of every Kebumen shard: both take
 * workflow and activity tasks, both export metrics (edaran's and the Temporal SDK's), and one is stopped with
 * SIGTERM mid-day: it drains and exits 0 while the other finishes the day. Every shard recaps, every notice is
 * delivered once.
 */
describe('two workers share a day', () => {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'edaran-two-'));
  const taskQueue = 'two-workers';
  const ZONE = 'Asia/Jakarta';
  let env: TestWorkflowEnvironment;
  let store: Store;
  let bundlePath = '';

  interface RunningWorker {
    readonly child: ChildProcess;
    readonly metrics: string;
    readonly sdkMetrics: string;
    readonly output: string[];
    readonly polling: Promise<void>;
    readonly exited: Promise<number | null>;
  }
  const workers: RunningWorker[] = [];

  async function startWorker(): Promise<RunningWorker> {
    const [port, sdkPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'worker', 'main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.address,
        EDARAN_DATA_DIR: dataDir,
        EDARAN_TASK_QUEUE: taskQueue,
        EDARAN_WORKFLOW_BUNDLE: bundlePath,
        EDARAN_WORKER_METRICS_ADDRESS: `127.0.0.1:${port}`,
        EDARAN_TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${sdkPort}`,
        EDARAN_SHUTDOWN_GRACE_SECONDS: '5',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    // The SDK logs to stderr; only warnings and errors are worth seeing beside the test's own output.
    child.stderr?.on('data', (d: Buffer) => {
      if (!d.toString().includes('[INFO]')) process.stderr.write(`[worker ${child.pid}] ${d.toString()}`);
    });
    const polling = new Promise<void>((resolve) =>
      child.stdout?.on('data', (d: Buffer) => {
        output.push(d.toString());
        if (d.toString().includes('polling task queue')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const w = {
      child,
      metrics: `http://127.0.0.1:${port}/metrics`,
      sdkMetrics: `http://127.0.0.1:${sdkPort}/metrics`,
      output,
      polling,
      exited,
    };
    workers.push(w);
    return w;
  }

  const scrape = async (url: string): Promise<string> => (await fetch(url)).text();
  const value = (text: string, line: RegExp): number => Number(line.exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    bundlePath = (await workflowBundlePath()).codePath;
    env = await createDevServerEnv();
    store = await openStore({ sqlitePath: join(dataDir, 'edaran.db') });
  });
  afterAll(async () => {
    for (const w of workers) {
      w.child.kill('SIGKILL');
      w.child.stdout?.destroy();
      w.child.stderr?.destroy();
    }
    await store?.close();
    await env?.teardown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  jest.setTimeout(300_000);

  it('splits the work, exports metrics, and survives one worker stopping gracefully', async () => {
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    const parsed = parsePolicy(
      readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
        'days: [2023-12-04, 2023-12-11]',
        `days: [${today}]`,
      ),
    );
    if (!parsed.ok) throw new Error('policy must parse');
    const policy = parsed.policy;
    const orgDir = join(root, 'examples/orgs/kebumen');
    const org = parseOrgCsv({
      unitsCsv: readFileSync(join(orgDir, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(orgDir, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(orgDir, 'jurisdiction.csv'), 'utf8'),
      unitsFile: 'units.csv',
      employeesFile: 'employees.csv',
      jurisdictionFile: 'jurisdiction.csv',
      asOf: today,
    });
    if (!org.ok) throw new Error('org must parse');
    const imported = await store.importDirectory(org.org, { source: 'test' });
    await store.pinDirectory(policy.id, imported.directoryVersion);
    const activities = createLifecycleActivities({
      store,
      notifications: createNotificationActivities({ store, channels: {} }),
      channels: ['file'],
    });
    await activities.publishRoster({ policy, version: 1, days: [today] });
    const plan = await activities.planDay({ policy, version: 1, date: today });
    expect(plan.shards.length).toBeGreaterThanOrEqual(10);

    const [a, b] = [await startWorker(), await startWorker()];
    await Promise.all([a.polling, b.polling]);

    // A compressed day: notice at 3 s, reminder 30 s, deadline 40 s, escalation 45 s, cut-off 50 s.
    const t0 = Date.now();
    const at = (s: number): string => new Date(t0 + s * 1000).toISOString();
    const handles = await Promise.all(
      plan.shards.map((s) =>
        env.client.workflow.start(unitDayWorkflow, {
          taskQueue,
          workflowId: unitDayWorkflowId(policy.id, today, s.shardId),
          args: [
            {
              policyId: policy.id,
              policyNumber: '061./7921',
              timezone: ZONE,
              version: 1,
              date: today,
              unitId: s.unitId,
              shardId: s.shardId,
              locationRequired: false,
              schedule: {
                noticeAt: at(3),
                opensAt: at(0),
                reminders: [{ ruleId: 'r', at: at(30) }],
                deadline: at(40),
                escalations: [{ level: 1, ruleId: 'e1', at: at(45) }],
                cutoff: at(50),
              },
            },
          ],
        }),
      ),
    );

    // Every shard open: the worker's gauge reads it from Temporal's visibility.
    for (const h of handles)
      for (let i = 0; i < 300 && (await h.query(unitDayStatusQuery)).status !== 'open'; i++)
        await new Promise((r) => setTimeout(r, 100));
    let open = NaN;
    for (let i = 0; i < 30 && open !== plan.shards.length; i++) {
      open = value(await scrape(a.metrics), /^edaran_shards_open (\d+)$/m);
      if (open !== plan.shards.length) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(open).toBe(plan.shards.length);

    // The morning notices: sent by both workers together, counted by each.
    let sent = 0;
    for (let i = 0; i < 60 && sent === 0; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const texts = await Promise.all([a, b].map((w) => scrape(w.metrics)));
      sent = texts.reduce(
        (n, t) => n + (value(t, /^edaran_notices_sent_total\{channel="file"\} (\d+)$/m) || 0),
        0,
      );
    }
    expect(sent).toBeGreaterThan(0);
    const own = await scrape(b.metrics);
    expect(own).toMatch(/^edaran_notices_in_flight \d+$/m);
    expect(own).toMatch(/^edaran_outbox_messages\{status="sent"\} \d+$/m);
    expect(own).toMatch(/^edaran_worker_process_resident_memory_bytes \d+$/m);
    // The SDK's runtime telemetry: task slots and pollers of this worker's task queue.
    const sdk = await scrape(a.sdkMetrics);
    expect(sdk).toMatch(/^temporal_worker_task_slots_available\{.*task_queue="two-workers".*\} \d+/m);

    // Worker A is stopped the way docker stops it: SIGTERM, then it drains and exits on its own.
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(a.output.join('')).toContain('[worker] stopped');

    const results = await Promise.all(handles.map((h) => h.result()));
    expect(results).toHaveLength(plan.shards.length);
    // Both workers took tasks of the day: their identities (pid@host) are in the shards' histories.
    const identities = new Set<string>();
    for (const h of handles)
      for (const e of (await h.fetchHistory()).events ?? []) {
        const id =
          e.workflowTaskCompletedEventAttributes?.identity ?? e.activityTaskStartedEventAttributes?.identity;
        if (id) identities.add(id.split('@')[0] ?? '');
      }
    expect(identities).toEqual(new Set([String(a.child.pid), String(b.child.pid)]));

    // Every notice with a recipient was delivered once, as one file.
    const outbox = await store.listOutbox({ policyId: policy.id });
    const keys = outbox.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(outbox.filter((m) => m.recipient && m.status !== 'sent')).toEqual([]);
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(outbox.filter((m) => m.status === 'sent').length);

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });
});
