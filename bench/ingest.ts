/**
 * Ingestion benchmark (`npm run bench:ingest`): daily reports submitted through edaran's HTTP API into running
 * unit-day workflows, against the raw Temporal floor measured in the same run on the same dev server — a loop of
 * `executeUpdate` on a trivial workflow (the proof workflow's Update), at the same rate and concurrency.
 *
 * Both phases send REPORTS requests at RATE per second with at most CONCURRENCY in flight. Prints requests/s,
 * p50/p99 acknowledgement latency, and the ratio ours/raw of the throughputs. Targets: ratio ≥ 0.7, p99 < 500 ms
 * at 50 reports/s. Absolute figures are noise on a shared 2-core machine; the ratio is the number to compare.
 */
import { buildApi } from '../client/api/server';
import { mintToken } from '../client/auth/tokens';
import { proofWorkflow, unitDayWorkflow } from '../workflows';
import { unitDayWorkflowId } from '../workflows/ids';
import { publishTodayOf, startDevStack } from './dev-stack';
import { approveProofUpdate } from '../workflows/messages';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const TARGET = { ratio: 0.7, p99Ms: 500 };
const ZONE = 'Asia/Makassar';
const JWT = 'bench-secret-0123456789abcdef0123456789abcdef';

const say = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Phase {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly failures: number;
}

/** Sends `count` requests at `rate`/s with at most `concurrency` in flight; measures each acknowledgement. */
async function drive(name: string, count: number, send: (i: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let failures = 0;
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= CONCURRENCY) await new Promise((r) => setTimeout(r, 1));
    inFlight++;
    const t = performance.now();
    pending.push(
      send(i)
        .then(
          () => void latencies.push(performance.now() - t),
          (err: unknown) => {
            failures++;
            if (failures <= 3) say(`${name}: ${err instanceof Error ? err.message : String(err)}`);
          },
        )
        .finally(() => void inFlight--),
    );
    if (i > 0 && i % 250 === 0) say(`${name}: ${i}/${count} sent`);
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failures,
  };
}

async function main(): Promise<void> {
  const stack = await startDevStack('bench', say);
  const { env, runtime } = stack;
  try {
    // Kutai Kartanegara at full scale (≈ 12,000 staff, 75% WFH), its letter for today.
    const { policy, today, org, plan } = await publishTodayOf(
      stack,
      'kukar-2021.yaml',
      /schedule:\n {2}kind: period\n {2}start: 2021-01-27\n {2}end: 2021-02-09/,
      'kukar',
      ZONE,
      say,
    );
    const remote = (await runtime.store.rosterOf(policy.id, today)).filter(
      (r) => r.mode === 'WFH' || r.mode === 'WFA',
    );
    say(
      `${org.employees.length} staff, ${plan.shards.length} shards, ${remote.length} working from home today`,
    );
    if (remote.length < REPORTS) throw new Error(`only ${remote.length} WFH people; lower BENCH_REPORTS`);

    // Every shard open now for an hour (compressed day), so reports are taken at once.
    const t0 = Date.now();
    const at = (m: number): string => new Date(t0 + m * 60_000).toISOString();
    const shardIds = new Set<string>();
    for (const s of plan.shards) {
      shardIds.add(s.shardId);
      await env.client.workflow.start(unitDayWorkflow, {
        taskQueue: 'bench',
        workflowId: unitDayWorkflowId(policy.id, today, s.shardId),
        args: [
          {
            policyId: policy.id,
            policyNumber: policy.identity.number,
            timezone: ZONE,
            version: 1,
            date: today,
            unitId: s.unitId,
            shardId: s.shardId,
            locationRequired: false,
            schedule: {
              noticeAt: at(50),
              opensAt: at(0),
              reminders: [],
              deadline: at(55),
              escalations: [],
              cutoff: at(60),
            },
          },
        ],
      });
    }
    const api = buildApi({ client: env.client, taskQueue: 'bench', store: runtime.store, jwtSecret: JWT });
    await api.listen({ host: '127.0.0.1', port: 0 });
    const address = api.server.address();
    const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    await new Promise((r) => setTimeout(r, 3000)); // shards load their rosters and open

    // The raw floor: one trivial workflow per 500 Updates (the per-execution Update limit is 2,000).
    const proofs = Math.ceil(REPORTS / 500);
    const proofHandles = await Promise.all(
      Array.from({ length: proofs }, (_, k) =>
        env.client.workflow.start(proofWorkflow, {
          taskQueue: 'bench',
          workflowId: `bench-floor-${k}`,
          args: [{ policyNumber: 'BENCH', jurisdiction: 'bench', waitDays: 1, approvalsNeeded: 100_000 }],
        }),
      ),
    );
    const raw = await drive('raw executeUpdate', REPORTS, async (i) => {
      await proofHandles[i % proofs]!.executeUpdate(approveProofUpdate, { args: [{ approver: `a${i}` }] });
    });
    const ours = await drive('edaran HTTP API', REPORTS, async (i) => {
      const r = remote[i]!;
      const token = await mintToken({ role: 'employee', sub: r.nip, name: 'Pegawai' }, JWT, Date.now(), 3600);
      const res = await fetch(`${base}/api/policies/${policy.id}/days/${today}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          nip: r.nip,
          checkIn: '07:30',
          progress: [{ activity: 'Menyusun laporan', output: 'Draf' }],
        }),
      });
      if (res.status !== 201) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    });
    await api.close();
    // A shard that failed would explain refused reports: say which and why.
    for await (const wf of env.client.workflow.list({ query: 'ExecutionStatus != "Running"' })) {
      if (!wf.workflowId.startsWith('edaran.')) continue;
      const failure = (await env.client.workflow
        .getHandle(wf.workflowId)
        .result()
        .catch((e: unknown) => e)) as { message?: string; cause?: { message?: string } } | undefined;
      say(
        `shard ${wf.workflowId} is ${wf.status.name}: ${failure?.cause?.message ?? failure?.message ?? ''}`,
      );
    }

    const ratio = ours.perSecond / raw.perSecond;
    const row = (p: Phase): string =>
      `${p.name.padEnd(20)} ${p.perSecond.toFixed(1).padStart(7)}/s  p50 ${p.p50.toFixed(0).padStart(4)} ms  p99 ${p.p99.toFixed(0).padStart(4)} ms  failures ${p.failures}`;
    process.stdout.write(
      [
        `ingest: ${REPORTS} requests at ${RATE}/s, ≤ ${CONCURRENCY} in flight, dev server (SQLite), ${shardIds.size} shards`,
        row(raw),
        row(ours),
        `ratio ours/raw ${ratio.toFixed(2)} (target ≥ ${TARGET.ratio}: ${ratio >= TARGET.ratio ? 'met' : 'MISSED'}); ` +
          `p99 ${ours.p99.toFixed(0)} ms (target < ${TARGET.p99Ms} ms: ${ours.p99 < TARGET.p99Ms ? 'met' : 'MISSED'})`,
        '',
      ].join('\n'),
    );
    if (ours.failures > 0) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
