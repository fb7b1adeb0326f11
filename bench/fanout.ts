/**
 * `npm run bench:fanout` — one day of N shards (BENCH_SHARDS, default 1,000) on the real dev server: the seconds
 * from the day's start until every shard is open and its morning notice handed to the channel, against the floor,
 * N trivial child workflows started the same way on the same server, each handing one message (`ratio`).
 *
 * What runs for real: the dev server, the worker, policyDayWorkflow and one unitDayWorkflow per shard (decider,
 * timers, projections, recap). What is in memory, to isolate the fan-out from the roster engine and the mail
 * server: planDay (N shards), each shard's roster (BENCH_STAFF_PER_SHARD people, default 2, one off-site), the
 * store writes, and the channel (a notice counts as handed when sendNotices is called for it).
 * Prints `shards open N/N`, both times, `ratio`, and the day's history length against Temporal's limits.
 */
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime as SdkRuntime, Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { type DaySchedule, type LifecycleActivities } from '../activities/lifecycle-types';
import { resolveTemporalCli } from '../scripts/temporal-binaries';
import { policyDayWorkflowId } from '../workflows/ids';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { letterForToday } from './dev-stack';

const SHARDS = Number(process.env.BENCH_SHARDS ?? 1000);
const STAFF = Number(process.env.BENCH_STAFF_PER_SHARD ?? 2);
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 5) * 1000;
const TASK_QUEUE = 'bench-fanout';
const ZONE = 'Asia/Jakarta';

const started = Date.now();
const say = (line: string): void =>
  void process.stderr.write(`[bench:fanout +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A day that starts at t0 and whose cut-off is long after the measurement (the bench ends the runs itself). */
function scheduleFrom(t0: number): DaySchedule {
  const iso = (ms: number): string => new Date(t0 + ms).toISOString();
  const hour = 3600_000;
  return {
    noticeAt: iso(0),
    opensAt: iso(0),
    reminders: [],
    deadline: iso(hour),
    escalations: [],
    cutoff: iso(hour),
  };
}

function nipOf(shard: number, person: number): string {
  return `19800101${String(shard).padStart(6, '0')}${String(person).padStart(4, '0')}`.slice(0, 18);
}

async function main(): Promise<void> {
  if (!Number.isInteger(SHARDS) || SHARDS < 1)
    throw new Error(`BENCH_SHARDS: a positive integer (got ${SHARDS})`);
  SdkRuntime.install({ logger: new DefaultLogger('WARN') });
  const cli = await resolveTemporalCli({ log: say });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli.executable,
      searchAttributes: [...SEARCH_ATTRIBUTES],
      log: { format: 'pretty', level: 'error' },
    },
  });
  let t0 = 0;
  const noticed = new Map<string, number>();
  const marked = new Map<number, number>();
  const letter = letterForToday(
    'dki-2023.yaml',
    /schedule:\n {2}kind: period\n {2}start: 2023-08-21\n {2}end: 2023-09-07/,
    ZONE,
  );
  const activities: LifecycleActivities & { benchMark(i: number): Promise<void> } = {
    publishRoster: async () => ({
      units: SHARDS,
      plannedRemote: SHARDS,
      plannedOffice: SHARDS * (STAFF - 1),
    }),
    planDay: async () => ({
      schedule: scheduleFrom(t0),
      shards: Array.from({ length: SHARDS }, (_, i) => {
        const unitId = `unit-${String(i).padStart(5, '0')}`;
        return { unitId, shardId: `${unitId}.0`, people: STAFF };
      }),
      locationRequired: false,
    }),
    loadShardRoster: async ({ shardId }) => {
      const n = Number(shardId.slice(5, 10));
      return Array.from({ length: STAFF }, (_, p) => ({ nip: nipOf(n, p), mode: p === 0 ? 'wfh' : 'wfo' }));
    },
    sendNotices: async (b) => {
      if (b.kind === 'morning-notice' && !noticed.has(b.shardId)) noticed.set(b.shardId, Date.now());
      return { sent: b.nips.length, failed: 0, inFlight: 0 };
    },
    drainNotices: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
    escalationTargets: async ({ nips }) => nips.map((nip) => ({ nip, to: 'kabag' })),
    projectUnitDayEvents: async () => undefined,
    recordShardRecap: async () => undefined,
    projectPolicyEvents: async () => undefined,
    sendRecapNotices: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
    sendEvaluationSummary: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
    evaluationTime: async () => ({ at: null }),
    remindEvaluators: async () => undefined,
    benchMark: async (i) => void marked.set(i, Date.now()),
  } as LifecycleActivities & { benchMark(i: number): Promise<void> };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: join(__dirname, 'fanout', 'workflows.ts'),
    activities,
    maxConcurrentActivityTaskExecutions: 200,
    maxCachedWorkflows: Math.max(2 * SHARDS + 100, 1000),
  });
  const running = worker.run();
  let ok = false;
  try {
    // Warm-up (bundle load, first tasks), then the floor: N trivial children started by one parent.
    await env.client.workflow.execute('benchParent', {
      taskQueue: TASK_QUEUE,
      workflowId: 'bench-warm-up',
      args: [10],
    });
    marked.clear();
    say(`baseline: ${SHARDS} trivial children…`);
    const b0 = Date.now();
    await env.client.workflow.execute('benchParent', {
      taskQueue: TASK_QUEUE,
      workflowId: 'bench-parent',
      args: [SHARDS],
    });
    const baseline = (Math.max(...marked.values()) - b0) / 1000;
    say(`baseline ${baseline.toFixed(1)} s (${marked.size}/${SHARDS} children)`);

    // The day: starts at t0 (its morning notice is due then); measured until every shard has handed its notice.
    t0 = Date.now() + LEAD_MS;
    const dayId = policyDayWorkflowId(letter.policy.id, letter.today);
    await sleep(t0 - Date.now());
    const day = await env.client.workflow.start('policyDayWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: dayId,
      args: [
        {
          document: letter.policy,
          policyId: letter.policy.id,
          policyNumber: letter.policy.identity.number,
          timezone: ZONE,
          version: 1,
          date: letter.today,
        },
      ],
    });
    const limit = Date.now() + Number(process.env.BENCH_TIMEOUT_SECONDS ?? 1800) * 1000;
    for (let tick = 1; noticed.size < SHARDS && Date.now() < limit; tick++) {
      await sleep(1000);
      if (tick % 15 === 0) say(`${noticed.size}/${SHARDS} shards open with their notice handed`);
    }
    const fanout = noticed.size > 0 ? (Math.max(...noticed.values()) - t0) / 1000 : NaN;
    const length = (await day.describe()).historyLength;
    process.stdout.write(
      [
        `fan-out: one day of ${SHARDS} shards, ${STAFF} staff each, on the dev server (${DateTime.now().toISO()})`,
        `shards open ${noticed.size}/${SHARDS}`,
        `day start → every shard open with its morning notice handed: ${fanout.toFixed(1)} s`,
        `baseline (${SHARDS} trivial children, one message each): ${baseline.toFixed(1)} s`,
        `ratio ${(fanout / baseline).toFixed(2)}`,
        `day history ${length} events (Temporal warns at 10,240, refuses at 51,200); pending children ≤ 1,000 per parent (limit 2,000)`,
        '',
      ].join('\n'),
    );
    ok = noticed.size === SHARDS;
    // The shards would wait an hour for their cut-off: end the day and its abandoned shards now.
    await day.terminate('bench over');
    for (let i = 0; i < SHARDS; i++)
      await env.client.workflow
        .getHandle(`${dayId}.unit-${String(i).padStart(5, '0')}.0`)
        .terminate('bench over')
        .catch(() => undefined);
  } finally {
    worker.shutdown();
    await running;
    await env.teardown();
  }
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench:fanout] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
