import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { createLifecycleActivities } from '../../activities/lifecycle';
import { createNotificationActivities } from '../../activities/notifications';
import { openStore, type Store } from '../../activities/store';
import { parseOrgCsv } from '../../domain/org';
import { parsePolicy } from '../../domain/policy';
import { unitDayWorkflowId } from '../../workflows/ids';
import { submitReportUpdate, unitDayStatusQuery, type ReportReceipt } from '../../workflows/messages';
import { unitDayWorkflow } from '../../workflows';
import { createDevServerEnv } from '../support/temporal';
import { workflowBundlePath } from '../support/workflow-bundle';

/**
 * A worker is killed with SIGKILL in the middle of a day and restarted, on the real dev server with the real
 * worker process (worker/main.ts) and a SQLite store. Every acknowledged report must be in the final recap and in
 * the read store, and every notification must be recorded as sent once.
 */
describe('worker killed mid-day', () => {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'edaran-kill-'));
  const taskQueue = 'kill-test';
  const ZONE = 'Asia/Jakarta';
  let env: TestWorkflowEnvironment;
  let store: Store;
  const workers: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    // One process (node with tsx's loader), so SIGKILL hits the worker itself, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'worker', 'main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.address,
        EDARAN_DATA_DIR: dataDir,
        EDARAN_TASK_QUEUE: taskQueue,
        // Prebuilt once: a restarted worker polls within a second instead of bundling again.
        EDARAN_WORKFLOW_BUNDLE: bundlePath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker ${child.pid}] ${d.toString()}`));
    workers.push(child);
    return child;
  }

  let bundlePath = '';

  beforeAll(async () => {
    bundlePath = (await workflowBundlePath()).codePath;
    env = await createDevServerEnv();
    store = await openStore({ sqlitePath: join(dataDir, 'edaran.db') });
  });
  afterAll(async () => {
    for (const w of workers) {
      w.kill('SIGKILL');
      w.stdout?.destroy();
      w.stderr?.destroy();
    }
    await store?.close();
    await env?.teardown();
  });

  // Generous: it waits for the compressed day's cut-off, and the machine has 2 cores.
  jest.setTimeout(300_000);

  it('loses no acknowledged report and sends no notification twice', async () => {
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
    // The shard with the most people working off-site today.
    let shard = plan.shards[0]!;
    let remote: string[] = [];
    for (const s of plan.shards) {
      const ref = {
        ...s,
        policyId: policy.id,
        policyNumber: '061./7921',
        timezone: ZONE,
        version: 1,
        date: today,
      };
      const offSite = (await activities.loadShardRoster(ref))
        .filter((r) => r.mode !== 'wfo')
        .map((r) => r.nip);
      if (offSite.length > remote.length) [shard, remote] = [s, offSite];
    }
    expect(remote.length).toBeGreaterThanOrEqual(6);

    // A compressed day (each restarted worker bundles the workflows for a few seconds on 2 cores): notice in 2 s,
    // reminder at 30 s, deadline 45 s, one escalation 50 s, cut-off 55 s.
    const t0 = Date.now();
    const at = (s: number): string => new Date(t0 + s * 1000).toISOString();
    let worker = startWorker();
    const handle = await env.client.workflow.start(unitDayWorkflow, {
      taskQueue,
      workflowId: unitDayWorkflowId(policy.id, today, shard.shardId),
      args: [
        {
          policyId: policy.id,
          policyNumber: '061./7921',
          timezone: ZONE,
          version: 1,
          date: today,
          unitId: shard.unitId,
          shardId: shard.shardId,
          locationRequired: false,
          schedule: {
            noticeAt: at(2),
            opensAt: at(0),
            reminders: [{ ruleId: 'r', at: at(30) }],
            deadline: at(45),
            escalations: [{ level: 1, ruleId: 'e1', at: at(50) }],
            cutoff: at(55),
          },
        },
      ],
    });

    // Reports are taken once the shard has loaded its roster and opened the day.
    for (let i = 0; i < 200 && (await handle.query(unitDayStatusQuery)).status !== 'open'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const receipts = new Map<string, ReportReceipt>();
    const reporters = remote.slice(0, Math.ceil(remote.length * 0.6));
    for (const [i, nip] of reporters.entries()) {
      if (i === Math.floor(reporters.length / 3) || i === Math.floor((2 * reporters.length) / 3)) {
        // SIGKILL: no drain, no goodbye; then a new worker process.
        worker.kill('SIGKILL');
        await new Promise((r) => worker.once('exit', r));
        worker = startWorker();
      }
      const receipt = await handle
        .executeUpdate(submitReportUpdate, {
          args: [{ nip, checkIn: '07:30', progress: [{ activity: 'Rapat koordinasi', output: 'Notulen' }] }],
        })
        .catch((err: Error & { cause?: Error }) => {
          throw new Error(
            `report of ${nip} at +${(Date.now() - t0) / 1000}s: ${err.cause?.message ?? err.message}`,
          );
        });
      receipts.set(nip, receipt);
    }

    const counts = await handle.result();
    expect(receipts.size).toBe(reporters.length);
    expect(counts.onTime + counts.late).toBe(reporters.length);
    expect(counts.missing).toBe(remote.length - reporters.length);

    // The read store has every acknowledged report.
    const stored = new Set((await store.reportsOf(policy.id, today)).map((r) => r.nip));
    for (const nip of receipts.keys()) expect(stored.has(nip)).toBe(true);

    // Every notification key was sent once and delivered as exactly one file.
    const outbox = await store.listOutbox({ policyId: policy.id });
    expect(outbox.length).toBeGreaterThan(0);
    const keys = outbox.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(outbox.filter((m) => m.status === 'sent').length).toBe(outbox.filter((m) => m.recipient).length);
    const files = readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.json'));
    const fileKeys = files.map(
      (f) => (JSON.parse(readFileSync(join(dataDir, 'outbox', f), 'utf8')) as { key: string }).key,
    );
    expect(new Set(fileKeys).size).toBe(fileKeys.length);
    expect(new Set(fileKeys)).toEqual(new Set(outbox.filter((m) => m.status === 'sent').map((m) => m.key)));
  });
});
