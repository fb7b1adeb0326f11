/**
 * Chaos trial (`npm run chaos`): one letter's day end to end on the real Temporal dev server, with faults.
 *
 * The Kutai Kartanegara letter is issued for today over a generated org of a few thousand staff (its first whole
 * agencies) in a fresh SQLite store; its policy workflow publishes the roster and runs the day (policy-day and
 * shard workflows) on a compressed clock; notices go by email to a real SMTP server in this process. The worker
 * runs in its own process. Simulated employees report all day long through the service the API uses. The worker
 * is killed with SIGKILL at `--worker-kills` seeded moments of the day and started again each time; the dev server
 * is killed with SIGKILL once mid-day and started again on the same SQLite file. After the cut-off the letter is
 * evaluated, the run decides `end`, and every workflow must complete.
 *
 * A hostile employee (bench/chaos/hostile.ts) reports, then sends 2,500 copies of the report and 300 padded
 * reports to their shard during the faults.
 *
 * Prints, and exits non-zero unless all four are 0: acknowledged reports lost (receipts with no event in the
 * store, or not in the read model, or not in the letter's recap), notifications delivered twice (same
 * idempotency key received more than once), workflows that did not finish, colleagues blocked (reporters of the
 * hostile employee's shard refused for the shard's or the service's sake, or never answered).
 *
 * Options: --seed N (default 1: the same seed draws the same kill points and reporters), --staff N (2000),
 * --day-minutes M (3), --worker-kills N (5), --compliance F (0.85 of off-site staff report), --keep (keep the
 * temporary folder with the databases and logs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decidePolicy, issuePolicy, policyState } from '../client/policy-service';
import { planPolicyDay } from '../domain/bridge';
import { type Actor, type PolicyState } from '../domain/lifecycle';
import { startSmtpServer } from '../test/support/smtp';
import { policyWorkflowId } from '../workflows/ids';
import { orgOfAbout } from './chaos/org';
import { phaseAt, planChaosDay, planReports } from './chaos/plan';
import { scheduleAt } from './processes/compressed-day';
import { runReports } from './chaos/reporters';
import { verify } from './chaos/verify';
import { colleaguesBlocked, runHostile } from './chaos/hostile';
import { startBenchStack } from './processes/bench-stack';
import { letterForToday } from './dev-stack';

const TASK_QUEUE = 'chaos';
const ZONE = 'Asia/Makassar';
/** From issue to the morning notice: roster publication, planning, shards loading their rosters. */
const LEAD_MS = 15_000;
/** After the cut-off: drains of notices left by killed workers (70 s rounds), recap, evaluation, dossier. */
const SETTLE_MS = 6 * 60_000;
/** The hostile employee's copies of their own report and padded reports (issue 12). */
const HOSTILE_COPIES = 2500;
const HOSTILE_PADDED = 300;
const EVALUATOR: Actor = { id: 'chaos-evaluator', name: 'Evaluator (chaos run)', role: 'bkpsdm' };

const started = Date.now();
const clock = (): string => `+${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (line: string): void => void process.stderr.write(`[chaos ${clock()}] ${line}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function options() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      staff: { type: 'string', default: '2000' },
      'day-minutes': { type: 'string', default: '3' },
      'worker-kills': { type: 'string', default: '5' },
      compliance: { type: 'string', default: '0.85' },
      keep: { type: 'boolean', default: false },
    },
  });
  const num = (name: keyof typeof values, min: number, max: number): number => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: expected ${min}..${max}`);
    return n;
  };
  return {
    seed: num('seed', 0, 2 ** 32 - 1),
    staff: num('staff', 100, 60_000),
    dayMs: num('day-minutes', 1.5, 60) * 60_000,
    workerKills: num('worker-kills', 0, 20),
    compliance: num('compliance', 0, 1),
    keep: values.keep === true,
  };
}

/** Polls `read` until `done` holds or `ms` passes; errors (server down) count as "not yet". */
async function until<T>(ms: number, read: () => Promise<T>, done: (t: T) => boolean): Promise<T | undefined> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const got = await read().catch(() => undefined);
    if (got !== undefined && done(got)) return got;
    await sleep(1000);
  }
  return undefined;
}

async function main(): Promise<void> {
  const o = options();
  const dir = mkdtempSync(join(tmpdir(), 'edaran-chaos-'));
  say(`seed ${o.seed}; state and logs in ${dir}`);
  const smtp = await startSmtpServer();
  const { server, store, connection, client, deps, worker, scheduleFile, close } = await startBenchStack({
    dir,
    taskQueue: TASK_QUEUE,
    say,
    workerEnv: {
      EDARAN_SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
      EDARAN_MAIL_FROM: '"BKPSDM Kutai Kartanegara" <noreply@kukarkab.go.id>',
    },
  });
  say(`dev server pid ${server.pid} on ${server.address}; SMTP server on ${smtp.host}:${smtp.port}`);
  let failed = false;
  try {
    // The letter for today, over a generated org of a few thousand, pinned before issue.
    const letter = letterForToday(
      'kukar-2021.yaml',
      /schedule:\n {2}kind: period\n {2}start: 2021-01-27\n {2}end: 2021-02-09/,
      ZONE,
    );
    const org = orgOfAbout('kukar', o.staff, 1);
    const imported = await store.importDirectory(org, { source: 'chaos' });
    await store.pinDirectory(letter.policy.id, imported.directoryVersion);
    const plan = planChaosDay(planPolicyDay(letter.policy, letter.today), { ...o, onTime: 0.85 });

    say('starting the worker…');
    const firstStartMs = await worker.start();
    say(`worker pid ${worker.pid} polling after ${(firstStartMs / 1000).toFixed(1)} s`);
    const t0 = Date.now() + LEAD_MS;
    const schedule = scheduleAt(plan.day, t0);
    writeFileSync(scheduleFile, JSON.stringify(schedule));
    const at = (ms: number): string => `${(ms / 1000).toFixed(0)}s`;
    say(
      `day (offsets from the morning notice): reminders ${plan.day.reminders.map((r) => at(r.atMs)).join(', ')}; ` +
        `deadline ${at(plan.day.deadlineMs)}; escalations ${plan.day.escalations.map((e) => at(e.atMs)).join(', ')}; ` +
        `cut-off ${at(plan.day.cutoffMs)}`,
    );
    say(
      `faults: worker SIGKILL at ${plan.workerKillsMs.map(at).join(', ')}; dev server SIGKILL at ` +
        `${at(plan.serverKill.atMs)}, down ${at(plan.serverKill.downMs)}`,
    );

    const issued = await issuePolicy(deps, {
      policyText: letter.text,
      filename: 'kukar-2021.yaml',
      issuedBy: { id: 'chaos-secretariat', name: 'Sekretariat (chaos run)', role: 'sekda' },
      asOf: letter.today,
    });
    const roster = await until(
      LEAD_MS * 4,
      () => store.rosterOf(letter.policy.id, letter.today),
      (r) => r.length > 0,
    );
    if (!roster) throw new Error('the roster was not published');
    const offSite = roster.filter((r) => r.mode === 'WFH' || r.mode === 'WFA').map((r) => r.nip);
    const planned = planReports(plan.day, offSite, { ...o, onTime: 0.85 });
    // The hostile employee is the first planned reporter: they report themselves, then attack their shard.
    const hostileNip = planned[0]?.nip;
    if (hostileNip === undefined) throw new Error('nobody plans to report');
    const reports = planned.slice(1);
    const late = reports.filter((r) => r.atMs >= plan.day.deadlineMs).length;
    say(
      `issued ${issued.workflowId}: ${org.employees.length} staff in ${org.units.length} units, ` +
        `${offSite.length} off-site today; ${reports.length} will report (${late} after the deadline)`,
    );

    // The faults, in time order, while the employees report.
    const faults = [
      ...plan.workerKillsMs.map((ms) => ({ ms, kind: 'worker' as const })),
      { ms: plan.serverKill.atMs, kind: 'server' as const },
    ].sort((a, b) => a.ms - b.ms);
    const killPoints: string[] = [];
    // Settled into a value, not left rejected for minutes while the reports run (that would be unhandled).
    const chaos = (async (): Promise<unknown> => {
      for (const f of faults) {
        await sleep(t0 + f.ms - Date.now());
        const when = `${at(Date.now() - t0)} (${phaseAt(plan, Date.now() - t0)})`;
        if (f.kind === 'worker') {
          const { killed, restartMs } = await worker.killAndRestart();
          killPoints.push(`worker ${when}`);
          say(
            `SIGKILL worker pid ${killed} at ${when}; pid ${worker.pid} polling after ${(restartMs / 1000).toFixed(1)} s`,
          );
        } else {
          const pid = server.pid;
          await server.kill();
          killPoints.push(`dev server ${when}, down ${at(plan.serverKill.downMs)}`);
          say(`SIGKILL dev server pid ${pid} at ${when}; down for ${at(plan.serverKill.downMs)}`);
          await sleep(plan.serverKill.downMs);
          const t = Date.now();
          await server.start();
          say(
            `dev server pid ${server.pid} back on the same SQLite file after ${((Date.now() - t) / 1000).toFixed(1)} s`,
          );
        }
      }
      return undefined;
    })().catch((err: unknown) => err ?? new Error('fault injection failed'));
    const hostile = runHostile({
      deps,
      client,
      policyId: letter.policy.id,
      date: letter.today,
      nip: hostileNip,
      startAt: t0 + plan.day.deadlineMs / 4,
      stopAt: t0 + plan.day.cutoffMs,
      copies: HOSTILE_COPIES,
      padded: HOSTILE_PADDED,
      concurrency: 4,
      say,
    });
    const outcomes = await runReports({
      deps,
      connection,
      policyId: letter.policy.id,
      date: letter.today,
      reports,
      t0,
      cutoff: t0 + plan.day.cutoffMs,
      giveUpAt: t0 + plan.day.cutoffMs + 60_000,
      concurrency: 8,
      tryMs: 20_000,
      say,
    });
    const faultError = await chaos;
    if (faultError) throw faultError;
    const attack = await hostile;
    const shardMates = await colleaguesBlocked(
      deps,
      letter.policy.id,
      letter.today,
      attack.workflowId,
      outcomes,
    );

    // After the cut-off: the letter is evaluated; decide `end` and let every workflow finish.
    say('day over; waiting for the evaluation…');
    const evaluated = await until(
      t0 + plan.day.cutoffMs + SETTLE_MS - Date.now(),
      () => policyState(deps, letter.policy.id),
      (s: PolicyState) => s.status === 'awaiting-decision' || s.status === 'ended' || s.status === 'revoked',
    );
    let finalState: PolicyState | null = null;
    if (evaluated?.status === 'awaiting-decision') {
      say('evaluated; deciding "end"');
      await decidePolicy(deps, letter.policy.id, { kind: 'end' }, 'Uji coba selesai (chaos run)', EVALUATOR);
      finalState = await client.workflow
        .getHandle<() => Promise<PolicyState>>(policyWorkflowId(letter.policy.id))
        .result()
        .catch((err: unknown) => {
          say(`policy workflow: ${err instanceof Error ? err.message : String(err)}`);
          return null;
        });
    } else {
      say(`the letter did not reach its evaluation (status ${evaluated?.status ?? 'unknown'})`);
    }
    await sleep(2000); // visibility catches up with the last completions
    const v = await verify({
      client,
      store,
      policyId: letter.policy.id,
      date: letter.today,
      outcomes,
      smtp,
      finalState,
    });

    const by = { acknowledged: 0, refused: 0, unanswered: 0 };
    const refusals = new Map<string, number>();
    const waited: number[] = [];
    let attempts = 0;
    let madeLate = 0;
    const plannedAt = new Map(reports.map((r) => [r.nip, r.atMs] as const));
    for (const [nip, r] of outcomes) {
      by[r.status]++;
      attempts += r.attempts;
      if (r.status === 'refused') refusals.set(r.code, (refusals.get(r.code) ?? 0) + 1);
      if (r.status !== 'acknowledged') continue;
      waited.push(r.waitedMs);
      if (r.receipt.late && (plannedAt.get(nip) ?? 0) < plan.day.deadlineMs) madeLate++;
    }
    waited.sort((a, b) => a - b);
    const pct = (p: number): string =>
      `${((waited[Math.min(waited.length - 1, Math.floor(p * waited.length))] ?? 0) / 1000).toFixed(1)} s`;
    const { sent = 0, failed: failedMails = 0, uncertain = 0, ...otherStatuses } = v.outbox;
    const lost = Math.max(v.lostAcknowledged, v.recapShortfall);
    const unfinished = v.unfinished.length;
    const wall = (Date.now() - started) / 1000;
    const lines = [
      `chaos: seed ${o.seed}; Kutai Kartanegara letter for ${letter.today}, ${org.employees.length} staff, ` +
        `${offSite.length} off-site; compressed day of ${o.dayMs / 60_000} min; wall time ${wall.toFixed(0)} s`,
      `kill points: ${killPoints.join('; ')}; worker processes ${worker.starts}, unplanned exits ${worker.unplannedExits.length}`,
      `reports: ${reports.length} planned, ${attempts} tries; acknowledged ${by.acknowledged}, refused ${by.refused}` +
        `${refusals.size ? ` ${JSON.stringify(Object.fromEntries(refusals))}` : ''}, never answered ${by.unanswered}; ` +
        `planned moment to receipt p50 ${pct(0.5)}, p99 ${pct(0.99)}, max ${pct(1)}; ` +
        `${madeLate} planned before the deadline but taken late`,
      `store: ${v.acceptedEvents} reports in the event log; recap ${
        v.recap ? `${v.recap.onTime} on time + ${v.recap.late} late + ${v.recap.missing} missing` : 'none'
      }`,
      `mail: ${v.mailsReceived} received by the SMTP server; outbox sent ${sent}, failed ${failedMails} ` +
        `(${v.failedNoAddress} with no email address on file), uncertain ${uncertain} (cut off mid-send by a kill, ` +
        `held, not resent)${Object.keys(otherStatuses).length ? `, other ${JSON.stringify(otherStatuses)}` : ''}; ` +
        `marked sent but not received ${v.sentNotReceived}; received but not marked sent ${v.receivedNotMarkedSent}`,
      `acknowledged reports lost: ${lost}`,
      `notifications delivered twice: ${v.duplicateKeys}${v.duplicateKeys ? ` (${v.duplicateCopies} extra copies)` : ''}`,
      `workflows that did not finish: ${unfinished} of ${v.executions}`,
      `hostile employee: ${attack.sent} reports sent (${HOSTILE_COPIES} copies, ${HOSTILE_PADDED} padded planned); ` +
        `answered with the original receipt ${attack.sameReceipt}, another receipt ${attack.otherReceipt}, ` +
        `refused ${JSON.stringify(attack.refused)}, unanswered ${attack.unanswered}; their shard's history ` +
        `${attack.historyLength ?? 'unknown'} events; ${shardMates.colleagues} colleagues in that shard`,
      `colleagues blocked: ${shardMates.blocked}`,
      '',
    ];
    for (const d of v.lostDetail.slice(0, 10)) say(`lost: ${d}`);
    for (const u of v.unfinished.slice(0, 10)) say(`unfinished: ${u}`);
    process.stdout.write(lines.join('\n'));
    failed =
      lost > 0 || v.duplicateKeys > 0 || unfinished > 0 || shardMates.blocked > 0 || attack.otherReceipt > 0;
    if (failed) process.exitCode = 1;
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await close();
    await smtp.close();
    if (o.keep || failed) say(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
