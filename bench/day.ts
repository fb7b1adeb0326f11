/**
 * One DKI-scale trial day end to end (`npm run bench:day`) on the real dev server, the whole letter through its
 * policy workflow: issued for today, roster published (in the worker), the day opened, one policy-day workflow
 * starting a shard workflow per 500 people, morning notices, reports (BENCH_COMPLIANCE of the off-site staff,
 * default 0.9, through the service the API uses), reminders, late notices, the letter's escalation levels, recaps,
 * the evaluation with its dossier, and the evaluators' `end`. The clock of the day is compressed to
 * BENCH_DAY_MINUTES (default 10) by the bench worker (bench/processes/bench-worker.ts), which runs in its own
 * process so its memory is measured alone (peak RSS, VmHWM). The org generator, the store the bench reads and
 * the clients live in this process; the dev server in its own.
 * Prints the wall time, the worker's peak memory, the largest history (events) of any execution and the number of
 * executions. Targets: completes; no execution past 10,240 events; worker RSS < 1 GB.
 *
 * Messages go by email (BENCH_CHANNEL=smtp, the default) to a real SMTP server in this process
 * (bench/processes/smtp-sink.ts), at the worker's cluster-wide rate; BENCH_CHANNEL=file writes files instead.
 * The day is compressed, so the rate is too: BENCH_EMAIL_RATE (default EDARAN_RATE_EMAIL_PER_SECOND's 50 times
 * the compression of the span from the morning notice to the first reminder). Prints when the last morning
 * notice was received relative to the first reminder, and a ratio against a baseline measured in the same run:
 * the same number of emails through the email channel alone from this process, to the same server.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decidePolicy, issuePolicy, policyState, submitReport } from '../client/policy-service';
import { planPolicyDay, shardsOfUnit } from '../domain/bridge';
import { type PolicyState } from '../domain/lifecycle';
import { generateOrg } from '../domain/org/generate/generate-org';
import { policyDayWorkflowId, policyWorkflowId, unitDayWorkflowId } from '../workflows/ids';
import { unitDayStatusQuery } from '../workflows/messages';
import { startBenchStack } from './processes/bench-stack';
import { letterForToday } from './dev-stack';
import { compressDay, scheduleAt } from './processes/compressed-day';
import { measureEmailBaseline } from './processes/email-baseline';
import { startSmtpSink } from './processes/smtp-sink';

const COMPLIANCE = Number(process.env.BENCH_COMPLIANCE ?? 0.9);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DAY_MINUTES = Number(process.env.BENCH_DAY_MINUTES ?? 10);
const LIMIT = { events: 10_240, rssMb: 1024 };
const ZONE = 'Asia/Jakarta';
const TASK_QUEUE = 'bench-day';
/** From issue to the morning notice: roster publication (61,682 people) and planning, in the worker. */
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 90) * 1000;
const CHANNEL = process.env.BENCH_CHANNEL ?? 'smtp';
/** `full` (61,682 staff) or `fixture` (a few hundred, for a quick check of the bench itself). */
const SCALE = process.env.BENCH_SCALE ?? 'full';
/** The configured (real-time) email rate of production, EDARAN_RATE_EMAIL_PER_SECOND's default. */
const REAL_EMAIL_RATE = 50;

const started = Date.now();
const say = (line: string): void =>
  void process.stderr.write(`[bench:day +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Peak resident memory of a process (VmHWM, kB → MB), or 0 when it cannot be read. */
function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  if (SCALE !== 'full' && SCALE !== 'fixture')
    throw new Error(`BENCH_SCALE: expected full or fixture, got "${SCALE}"`);
  if (CHANNEL !== 'smtp' && CHANNEL !== 'file')
    throw new Error(`BENCH_CHANNEL: expected smtp or file, got "${CHANNEL}"`);
  const dir = mkdtempSync(join(tmpdir(), 'edaran-bench-day-'));
  const letter = letterForToday(
    'dki-2023.yaml',
    /schedule:\n {2}kind: period\n {2}start: 2023-08-21\n {2}end: 2023-09-07/,
    ZONE,
  );
  const real = planPolicyDay(letter.policy, letter.today);
  const day = compressDay(real, DAY_MINUTES * 60_000);
  // The span from the morning notice to the first reminder, real and compressed: the rate shrinks with the day.
  const realSpanMs = Date.parse(real.reminders[0]?.at ?? real.deadline) - Date.parse(real.noticeAt);
  const benchSpanMs = day.reminders[0]?.atMs ?? day.deadlineMs;
  const compression = realSpanMs / benchSpanMs;
  // At most the largest rate the configuration takes (EDARAN_RATE_EMAIL_PER_SECOND ≤ 10,000).
  const emailRate = Number(
    process.env.BENCH_EMAIL_RATE ?? Math.min(10_000, Math.round(REAL_EMAIL_RATE * compression)),
  );
  const sink = CHANNEL === 'smtp' ? await startSmtpSink() : undefined;
  const { store, client, deps, worker, scheduleFile, close } = await startBenchStack({
    dir,
    taskQueue: TASK_QUEUE,
    say,
    workerEnv: {
      EDARAN_OUTBOX_DIR: join(dir, 'outbox'),
      ...(sink
        ? {
            EDARAN_SMTP_URL: `smtp://${sink.host}:${sink.port}`,
            EDARAN_MAIL_FROM: 'BKD DKI Jakarta (bench) <noreply@jakarta.go.id>',
            EDARAN_RATE_EMAIL_PER_SECOND: String(emailRate),
          }
        : {}),
    },
  });
  let ok = false;
  try {
    const policyId = letter.policy.id;
    say(`generating the DKI org at ${SCALE} scale…`);
    const org = generateOrg('dki', { scale: SCALE, seed: 1 });
    const imported = await store.importDirectory(org, { source: 'bench:day' });
    await store.pinDirectory(policyId, imported.directoryVersion);
    say(
      `${org.employees.length} staff in ${org.units.length} units imported and pinned; starting the worker`,
    );
    // The floor for the morning notices: as many emails through the email channel alone, at the same rate.
    const baseline = sink
      ? await measureEmailBaseline({
          host: sink.host,
          port: sink.port,
          count: org.employees.filter((e) => e.email).length,
          perSecond: emailRate,
          say,
        })
      : undefined;
    sink?.byKind.clear();
    await worker.start();
    const t0 = Date.now() + LEAD_MS;
    // Staff without an email address get a notice recorded as failed, not sent: they are not expected by SMTP.
    const addressed = org.employees.filter((e) => e.email).length;
    const morningLine = (): string => {
      const morning = sink?.byKind.get('roster-notice');
      const lastMs = morning ? morning.lastAt - t0 : NaN;
      const s1 = (ms: number): string => (ms / 1000).toFixed(1);
      return (
        `morning notices by SMTP: ${morning?.count ?? 0} of ${addressed} addressed staff received ` +
        `(${org.employees.length - addressed} without an email address); first at ` +
        `+${morning ? s1(morning.firstAt - t0) : '-'} s, last at +${s1(lastMs)} s after the notice time; ` +
        `first reminder at +${s1(benchSpanMs)} s: last notice ${s1(benchSpanMs - lastMs)} s before it ` +
        `(${morning?.count === addressed && lastMs < benchSpanMs ? 'met' : 'MISSED'})`
      );
    };
    // Said at the first reminder as well, so the figure is on record even if a later step of the day fails.
    if (sink) setTimeout(() => say(morningLine()), t0 + benchSpanMs - Date.now()).unref();
    writeFileSync(scheduleFile, JSON.stringify(scheduleAt(day, t0)));

    await issuePolicy(deps, {
      policyText: letter.text,
      filename: 'dki-2023.yaml',
      issuedBy: { id: 'bench', name: 'Sekretariat (bench)', role: 'sekda' },
      asOf: letter.today,
    });
    say(`issued ${policyWorkflowId(policyId)}; the worker publishes the roster`);
    let roster = await store.rosterOf(policyId, letter.today);
    while (roster.length < org.employees.length) {
      await sleep(1000);
      roster = await store.rosterOf(policyId, letter.today);
    }
    const remote = roster.filter((r) => r.mode === 'WFH' || r.mode === 'WFA').map((r) => r.nip);
    const byUnit = new Map<string, string[]>();
    for (const r of roster) {
      const list = byUnit.get(r.unitId) ?? [];
      list.push(r.nip);
      byUnit.set(r.unitId, list);
    }
    const shards = [...byUnit].flatMap(([unitId, nips]) => shardsOfUnit(unitId, nips));
    say(
      `roster published: ${remote.length} off-site, ${shards.length} shards; opening at +${LEAD_MS / 1000}s`,
    );

    // Reports are taken once a shard has loaded its roster and opened the day: wait for all of them.
    for (const s of shards) {
      const h = client.workflow.getHandle(unitDayWorkflowId(policyId, letter.today, s.shardId));
      for (;;) {
        const status = await h.query(unitDayStatusQuery).then(
          (q) => q.status,
          () => 'not started',
        );
        if (status === 'open') break;
        if (Date.now() > t0 + day.deadlineMs) throw new Error(`shard ${s.shardId} did not open (${status})`);
        await sleep(500);
      }
    }
    say(`all ${shards.length} shards loaded; reports are taken from the morning notice on`);
    await sleep(t0 - Date.now() + 1000);

    // Reports: a seeded share of the off-site staff, before the deadline.
    const reporters = remote.filter((_, i) => (i * 7919) % 1000 < COMPLIANCE * 1000);
    let next = 0;
    let accepted = 0;
    const refused = new Map<string, number>();
    const lane = async (): Promise<void> => {
      while (next < reporters.length) {
        const nip = reporters[next++]!;
        try {
          await submitReport(deps, policyId, letter.today, {
            nip,
            checkIn: '07:30',
            progress: [{ activity: 'Pelayanan', output: 'Laporan' }],
          });
          accepted++;
        } catch (err) {
          const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : 'error');
          refused.set(code, (refused.get(code) ?? 0) + 1);
        }
        const done = accepted + [...refused.values()].reduce((a, b) => a + b, 0);
        if (done % 2000 === 0) say(`${done}/${reporters.length} reports sent`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    say(`reports: ${accepted} accepted, refused ${JSON.stringify(Object.fromEntries(refused))}`);

    // After the cut-off: recaps, the evaluation (not waiting for evaluation.when), then `end`.
    let state: PolicyState = await policyState(deps, policyId);
    while (state.status !== 'awaiting-decision') {
      if (Date.now() > t0 + day.cutoffMs + 15 * 60_000)
        throw new Error(`the letter did not reach its evaluation (status ${state.status})`);
      await sleep(5000);
      state = await policyState(deps, policyId);
    }
    say('evaluated; deciding "end"');
    await decidePolicy(deps, policyId, { kind: 'end' }, 'Uji coba selesai (bench)', {
      id: 'bench-evaluator',
      name: 'Evaluator (bench)',
      role: 'bkd',
    });
    const final = await client.workflow
      .getHandle<() => Promise<PolicyState>>(policyWorkflowId(policyId))
      .result();
    const workerPeak = peakRssMb(worker.pid);

    const ids = [
      policyWorkflowId(policyId),
      policyDayWorkflowId(policyId, letter.today),
      ...shards.map((s) => unitDayWorkflowId(policyId, letter.today, s.shardId)),
    ];
    let largest = { id: '', events: 0 };
    const statuses = new Map<string, number>();
    for (const id of ids) {
      const d = await client.workflow.getHandle(id).describe();
      statuses.set(d.status.name, (statuses.get(d.status.name) ?? 0) + 1);
      if (d.historyLength > largest.events) largest = { id, events: d.historyLength };
    }
    const recap = final.status === 'ended' ? final.lastEvaluation?.totals : undefined;
    const outbox = await store.outboxCounts({ policyId });
    const wall = (Date.now() - started) / 1000;
    const smtpLines: string[] = [];
    if (sink && baseline) {
      const morning = sink.byKind.get('roster-notice');
      const spanS = morning ? (morning.lastAt - Math.min(morning.firstAt, t0)) / 1000 : NaN;
      smtpLines.push(
        morningLine(),
        `email rate ${emailRate}/s for the whole cluster (${REAL_EMAIL_RATE}/s × the compression ` +
          `${compression.toFixed(0)} of the ${(realSpanMs / 3_600_000).toFixed(1)} h from notice to first reminder, ` +
          `at most 10,000/s); baseline ` +
          `(${baseline.count} emails through the email channel alone, ${baseline.lanes} lanes, same server): ` +
          `${baseline.seconds.toFixed(1)} s; morning notices ${spanS.toFixed(1)} s; ratio ${(spanS / baseline.seconds).toFixed(2)}`,
        `in real time: ${baseline.count} notices at ${REAL_EMAIL_RATE}/s take ` +
          `${(baseline.count / REAL_EMAIL_RATE).toFixed(0)} s of the ${(realSpanMs / 1000).toFixed(0)} s ` +
          `before the first reminder; all emails received ${JSON.stringify(Object.fromEntries([...sink.byKind].map(([k, a]) => [k, a.count])))}`,
      );
    }
    process.stdout.write(
      [
        `day: DKI ${SCALE} scale, ${org.employees.length} staff, ${remote.length} off-site, ${shards.length} shards, ` +
          `day compressed to ${DAY_MINUTES} min, the whole letter through its policy workflow`,
        `wall time ${wall.toFixed(0)} s; executions ${ids.length} ${JSON.stringify(Object.fromEntries(statuses))}; ` +
          `largest history ${largest.events} events (${largest.id})`,
        `letter ${final.status}; evaluation ${JSON.stringify(recap ?? null)}; reports accepted ${accepted}, ` +
          `refused ${JSON.stringify(Object.fromEntries(refused))}`,
        `outbox: ${JSON.stringify(outbox)}`,
        ...smtpLines,
        `worker peak RSS ${workerPeak.toFixed(0)} MB (own process; target < ${LIMIT.rssMb}: ` +
          `${workerPeak > 0 && workerPeak < LIMIT.rssMb ? 'met' : 'MISSED'}); this process peak ` +
          `${peakRssMb(process.pid).toFixed(0)} MB (org generator, store reads, clients); ` +
          `largest history ${largest.events} (limit ${LIMIT.events}: ${largest.events <= LIMIT.events ? 'met' : 'MISSED'})`,
        '',
      ].join('\n'),
    );
    ok = final.status === 'ended';
    if (!ok) process.exitCode = 1;
  } finally {
    await close();
    await sink?.close();
    if (ok) rmSync(dir, { recursive: true, force: true });
    else say(`kept ${dir} (worker.log, temporal.log)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
