/**
 * One DKI-scale trial day end to end (`npm run bench:day`) on the real dev server, with compressed local times:
 * roster publication, morning notices, reports (BENCH_COMPLIANCE of the off-site staff, default 0.9), reminders,
 * late notices, one escalation level, recap. Prints the wall time, the worker's peak memory (the worker runs in
 * this process), the largest history of any execution and the number of executions.
 * Targets: completes; no execution past 10,240 events; worker RSS < 1 GB.
 */
import { type ServiceDeps, submitReport } from '../client/policy-service';
import { unitDayWorkflow } from '../workflows';
import { unitDayWorkflowId } from '../workflows/ids';
import { unitDayStatusQuery } from '../workflows/messages';
import { publishTodayOf, startDevStack } from './dev-stack';

const COMPLIANCE = Number(process.env.BENCH_COMPLIANCE ?? 0.9);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** Minutes from the start to each point of the compressed day. */
const MINUTES = { opens: 0, notice: 1, reminder: 6, deadline: 8, escalation: 9, cutoff: 10 };
const LIMIT = { events: 10_240, rssMb: 1024 };
const ZONE = 'Asia/Jakarta';

const say = (line: string): void => void process.stderr.write(`[bench:day] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  const stack = await startDevStack('bench-day', say, { maxConcurrentActivityTaskExecutions: 16 });
  const { env, runtime } = stack;
  try {
    const { policy, today, org, plan } = await publishTodayOf(
      stack,
      'dki-2023.yaml',
      /schedule:\n {2}kind: period\n {2}start: 2023-08-21\n {2}end: 2023-09-07/,
      'dki',
      ZONE,
      say,
    );
    const roster = await runtime.store.rosterOf(policy.id, today);
    const remote = roster.filter((r) => r.mode === 'WFH' || r.mode === 'WFA').map((r) => r.nip);
    say(
      `${org.employees.length} staff, ${plan.shards.length} shards, ${remote.length} off-site; setup ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );

    const t0 = Date.now();
    const at = (m: number): string => new Date(t0 + m * 60_000).toISOString();
    const handles = await Promise.all(
      plan.shards.map((s) =>
        env.client.workflow.start(unitDayWorkflow, {
          taskQueue: 'bench-day',
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
                opensAt: at(MINUTES.opens),
                noticeAt: at(MINUTES.notice),
                reminders: [{ ruleId: 'bench.reminder', at: at(MINUTES.reminder) }],
                deadline: at(MINUTES.deadline),
                escalations: [{ level: 1, ruleId: 'bench.escalation', at: at(MINUTES.escalation) }],
                cutoff: at(MINUTES.cutoff),
              },
            },
          ],
        }),
      ),
    );
    // Reports are taken once a shard has loaded its roster and opened the day: wait for all of them.
    for (const h of handles) {
      while ((await h.query(unitDayStatusQuery)).status !== 'open')
        await new Promise((r) => setTimeout(r, 200));
    }

    // Reports: a seeded share of the off-site staff, through the same service the API uses.
    const deps: ServiceDeps = { client: env.client, store: runtime.store, taskQueue: 'bench-day' };
    const reporters = remote.filter((_, i) => (i * 7919) % 1000 < COMPLIANCE * 1000);
    let next = 0;
    let accepted = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    const lane = async (): Promise<void> => {
      while (next < reporters.length) {
        const nip = reporters[next++]!;
        try {
          await submitReport(deps, policy.id, today, {
            nip,
            checkIn: '07:30',
            progress: [{ activity: 'Pelayanan', output: 'Laporan' }],
          });
          accepted++;
        } catch (err) {
          refused++;
          const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : 'error');
          reasons.set(code, (reasons.get(code) ?? 0) + 1);
        }
        if ((accepted + refused) % 2000 === 0) say(`${accepted + refused}/${reporters.length} reports sent`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    say(
      `reports: ${accepted} accepted, ${refused} refused ${JSON.stringify(Object.fromEntries(reasons))}, ` +
        `in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );

    const results = await Promise.all(handles.map((h) => h.result()));
    const totals = results.reduce(
      (a, c) => ({
        remote: a.remote + c.plannedRemote,
        onTime: a.onTime + c.onTime,
        missing: a.missing + c.missing,
        escalated: a.escalated + c.escalated,
      }),
      { remote: 0, onTime: 0, missing: 0, escalated: 0 },
    );
    let largest = { id: '', events: 0 };
    for (const h of handles) {
      const d = await h.describe();
      if (d.historyLength > largest.events) largest = { id: h.workflowId, events: d.historyLength };
    }
    const outbox = await runtime.store.outboxCounts({ policyId: policy.id });
    const wall = (Date.now() - started) / 1000;
    const rssMb = peakRss / 1024 / 1024;
    process.stdout.write(
      [
        `day: DKI full scale, ${org.employees.length} staff, ${remote.length} off-site, compressed day of ${MINUTES.cutoff} min`,
        `wall time ${wall.toFixed(0)} s; executions ${handles.length}; largest history ${largest.events} events (${largest.id})`,
        `recap: ${totals.remote} off-site, ${totals.onTime} on time, ${totals.missing} missing, ${totals.escalated} escalated; reports accepted ${accepted}, refused ${refused}`,
        `outbox: ${JSON.stringify(outbox)}`,
        `worker peak RSS ${rssMb.toFixed(0)} MB (target < ${LIMIT.rssMb}: ${rssMb < LIMIT.rssMb ? 'met' : 'MISSED'}); ` +
          `largest history ${largest.events} (limit ${LIMIT.events}: ${largest.events <= LIMIT.events ? 'met' : 'MISSED'})`,
        '',
      ].join('\n'),
    );
  } finally {
    clearInterval(sampler);
    await stack.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
