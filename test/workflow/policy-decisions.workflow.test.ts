import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundlePath } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { channelsFromEnv, createNotificationActivities } from '../../activities/notifications';
import { openStore, type Store } from '../../activities/store';
import { addDays, workingCalendar } from '../../domain/calendar';
import { type Actor, localDateOf, type PolicyState } from '../../domain/lifecycle';

type IssuedState = Exclude<PolicyState, { status: 'not-issued' }>;
import { type OrgDirectory } from '../../domain/org/model';
import { parsePolicy, type Policy } from '../../domain/policy';
import { roster } from '../../domain/roster';
import {
  adjustPolicy,
  decidePolicy,
  issuePolicy,
  policyState,
  revokePolicy,
  type ServiceDeps,
  submitReport,
} from '../../client/policy-service';
import { serverClock } from '../../client/simulate/server-clock';
import { shiftLetter } from '../../client/simulate/shift-days';
import { policyWorkflowId } from '../../workflows/ids';
import { recordHistory } from '../support/histories';
import { createTimeSkippingEnv, untilNoPendingActivities } from '../support/temporal';
import { workflowBundlePath } from '../support/workflow-bundle';

/**
 * The evaluators' decisions through the real policy workflow, activities and SQLite store on the time-skipping
 * server: each decision continues the letter as a new run (continue-as-new) whose period runs the letter as
 * decided — a new quota, an adjusted letter, a wider rollout, an open-ended cycle — and the roster the store holds
 * for the new period is the one the roster engine gives for that letter.
 */
describe('the evaluators decide, and the next period runs the letter as decided', () => {
  const root = join(__dirname, '..', '..');
  const HOUR = 3600_000;
  const issuer: Actor = { id: 'setda', name: 'Sekretariat Daerah', role: 'secretariat' };
  const evaluators: Actor = { id: 'tim-evaluasi', name: 'Tim Evaluasi', role: 'evaluator' };
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundlePath;
  let dir: string;
  let store: Store;
  let deps: ServiceDeps;
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([createTimeSkippingEnv(), workflowBundlePath()]);
    dir = mkdtempSync(join(tmpdir(), 'edaran-decisions-'));
    store = await openStore({ sqlitePath: join(dir, 'edaran.db') });
    const taskQueue = 'decisions';
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createActivities({
        proof: { onOutcome: () => undefined },
        lifecycle: {
          store,
          notifications: createNotificationActivities({
            store,
            channels: channelsFromEnv({ EDARAN_OUTBOX_DIR: join(dir, 'outbox') }),
            clock: serverClock,
          }),
          channels: ['file'],
        },
      }),
    });
    running = worker.run();
    deps = { client: env.client, store, taskQueue };
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await store?.close();
    await env?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });
  jest.setTimeout(240_000);

  function orgFiles(name: string) {
    const d = join(root, 'examples/orgs', name);
    return {
      unitsCsv: readFileSync(join(d, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(d, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(d, 'jurisdiction.csv'), 'utf8'),
    };
  }
  /** The directory the letter is pinned to, as the store holds it. */
  const orgOf = (policyId: string): Promise<OrgDirectory> => store.loadDirectory({ policyId });
  function parsed(text: string): Policy {
    const p = parsePolicy(text);
    if (!p.ok) throw new Error(p.problems.join('\n'));
    return p.policy;
  }

  /** A seed letter with its first day moved after today, issued on its fixture org; `edit` changes the text. */
  async function issue(letter: string, org: string, suffix: string, edit: (t: string) => string = (t) => t) {
    const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
    const text = edit(readFileSync(join(root, 'examples/policies', letter), 'utf8'));
    const shifted = shiftLetter(text, letter, addDays(today, 1), 1, suffix);
    await issuePolicy(deps, {
      policyText: shifted.text,
      filename: letter,
      org: orgFiles(org),
      issuedBy: issuer,
      decisionDeadlineDays: 5,
      asOf: today,
    });
    return shifted;
  }

  /** Lets server time pass, an hour at a time, until the letter is in `status` (or over). */
  async function until(policyId: string, status: IssuedState['status']): Promise<IssuedState> {
    let state = await policyState(deps, policyId);
    // Six hours a step: the evaluation waits working days after the last day (evaluation.when).
    for (let h = 0; state.status !== status && h < 4 * 60; h++) {
      if (state.status === 'ended' || state.status === 'revoked') break;
      await env.sleep(6 * HOUR);
      state = await policyState(deps, policyId);
    }
    expect(state.status).toBe(status);
    if (state.status === 'not-issued') throw new Error(`${policyId} was never issued`);
    // Decisions are Updates: send them once the run's activities (dossier, evaluation summary) are done.
    if (status === 'awaiting-decision') await untilNoPendingActivities(env, policyWorkflowId(policyId));
    return state;
  }

  /**
   * Runs a decision that continues the letter as new, then waits (describing, never querying) until the new run
   * is there. A query sent to the old run while it continues as new can leave the time-skipping server's clock
   * locked (the worker's answer is refused: "workflow execution already completed").
   */
  async function continuing(policyId: string, decide: () => Promise<void>): Promise<void> {
    const before = await currentRun(policyId);
    await decide();
    for (let i = 0; i < 300 && (await currentRun(policyId)) === before; i++)
      await new Promise((r) => setTimeout(r, 100));
  }

  /**
   * The first working day of the letter's calendar a week or more after `date`, or after the server's today when
   * that is later (same weekday when it can be): an evaluation held after holidays (Christmas, cuti bersama) can
   * come more than a week after the last day, and a new period cannot start before the decision's day.
   */
  async function weekAfter(policy: Policy, date: string): Promise<string> {
    const cal = workingCalendar(policy);
    const today = localDateOf(new Date(await env.currentTimeMs()).toISOString(), cal.zone);
    let d = addDays(today > date ? today : date, 7);
    while (!cal.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** Off-site people per unit on a day, as the store's published roster holds them. */
  async function offSiteByUnit(policyId: string, date: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const r of await store.rosterOf(policyId, date))
      if (r.mode === 'WFH' || r.mode === 'WFA') out[r.unitId] = (out[r.unitId] ?? 0) + 1;
    return out;
  }
  /** The same from the roster engine for a letter, so the store can be compared with it. */
  function expectedOffSite(
    policy: Policy,
    org: OrgDirectory,
    date: string,
    rollout?: { wave: number; units: string[] },
  ): Record<string, number> {
    const r = roster(policy, org, [date], [], rollout);
    const out: Record<string, number> = {};
    for (const c of r.unitDays[0]!) if (c.wfh + c.wfa > 0) out[c.unitId] = c.wfh + c.wfa;
    return out;
  }

  /** The run of the letter's workflow now, and later the status of each run seen. */
  const currentRun = async (policyId: string): Promise<string> =>
    (await env.client.workflow.getHandle(policyWorkflowId(policyId)).describe()).runId;
  async function statusesOf(policyId: string, runIds: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const runId of runIds)
      out.push(
        (await env.client.workflow.getHandle(policyWorkflowId(policyId), runId).describe()).status.name,
      );
    return out;
  }

  it('extend with a new quota: Kukar 75% → 50% for the next period, version 2, a new run', async () => {
    const first = await issue('kukar-2021.yaml', 'kukar', 'ext');
    const id = first.policy.id;
    const day1 = first.days[0]!;
    await until(id, 'awaiting-decision');
    const runs = [await currentRun(id)];
    const org = await orgOf(id);
    expect(await offSiteByUnit(id, day1)).toEqual(expectedOffSite(first.policy, org, day1));
    // A report for a day that is over is refused as closed, not as "not open yet".
    const wfh = (await store.rosterOf(id, day1)).find((r) => r.mode === 'WFH')!;
    await expect(
      submitReport(deps, id, day1, {
        nip: wfh.nip,
        checkIn: '07:30',
        progress: [{ activity: 'a', output: 'b' }],
      }),
    ).rejects.toMatchObject({ code: 'DAY_CLOSED' });

    const day2 = await weekAfter(first.policy, day1);
    await continuing(id, () =>
      decidePolicy(
        deps,
        id,
        { kind: 'extend', days: [day2], quota: { remoteSharePercent: 50, note: 'kuota baru 50%' } },
        'PPKM diperpanjang; kuota WFH diturunkan',
        evaluators,
      ),
    );
    const extended = await until(id, 'awaiting-decision');
    runs.push(await currentRun(id));
    expect(extended.policy.version).toBe(2);
    expect(extended.period).toMatchObject({ index: 2, days: [{ date: day2, status: 'recapped' }] });
    expect(extended.lastDecision).toMatchObject({ kind: 'extend', by: evaluators });
    // The store's roster for the new day is the engine's roster of the letter at 50% (edited as text here).
    const at50 = parsed(first.text.replaceAll('maxWfhPercent: 75', 'maxWfhPercent: 50'));
    const got = await offSiteByUnit(id, day2);
    expect(got).toEqual(expectedOffSite(at50, org, day2));
    expect(Object.values(got).reduce((a, b) => a + b, 0)).toBeLessThan(
      Object.values(await offSiteByUnit(id, day1)).reduce((a, b) => a + b, 0),
    );

    await decidePolicy(deps, id, { kind: 'end' }, 'Masa PPKM berakhir', evaluators);
    const final = (await env.client.workflow.getHandle(policyWorkflowId(id)).result()) as PolicyState;
    expect(final.status).toBe('ended');
    // One run per period: the first continued as new, the second completed.
    expect(await statusesOf(id, runs)).toEqual(['CONTINUED_AS_NEW', 'COMPLETED']);
    await recordHistory(
      'policy-extended-first-run',
      env.client.workflow.getHandle(policyWorkflowId(id), runs[0]),
    );
    await recordHistory(
      'policy-extended-carried-ended',
      env.client.workflow.getHandle(policyWorkflowId(id), runs[1]),
    );
    // The policy-level events the two runs projected, in order (one sequence across the runs).
    const types = (await store.eventsOf(id, { limit: 10_000 }))
      .filter((e) => e.eventId.startsWith('policy:'))
      .sort((a, b) => Number(a.eventId.split(':')[2]) - Number(b.eventId.split(':')[2]))
      .map((e) => e.type);
    expect(types).toEqual([
      'PolicyIssued',
      'RosterPublished',
      'DayOpened',
      'DayRecapped',
      'PeriodCompleted',
      'EvaluationCompleted',
      'PolicyExtended',
      'RosterPublished',
      'DayOpened',
      'DayRecapped',
      'PeriodCompleted',
      'EvaluationCompleted',
      'PolicyEnded',
    ]);
  });

  it('adjust: the next period runs the adjusted letter the evaluators supplied, as a new version', async () => {
    const first = await issue('kukar-2021.yaml', 'kukar', 'adj');
    const id = first.policy.id;
    const day1 = first.days[0]!;
    await until(id, 'awaiting-decision');
    const day2 = await weekAfter(first.policy, day1);
    // The adjusted letter: 25% WFH on one new day (same id).
    const adjustedText = first.text
      .replaceAll('maxWfhPercent: 75', 'maxWfhPercent: 25')
      .replace(/schedule:\n(?: {2}.*\n)+/, `schedule:\n  kind: days\n  days: [${day2}]\n`);
    const adjusted = parsed(adjustedText);
    expect(adjusted.id).toBe(id);

    // An adjusted letter of another id is refused, naming the field, and changes nothing.
    await expect(
      adjustPolicy(deps, id, {
        policyText: adjustedText.replace(`id: ${id}`, 'id: another-letter'),
        changes: 'kuota 25%',
        reason: 'evaluasi',
        by: evaluators,
      }),
    ).rejects.toMatchObject({ code: 'POLICY_MISMATCH' });
    expect((await policyState(deps, id)).status).toBe('awaiting-decision');

    await continuing(id, () =>
      adjustPolicy(deps, id, {
        policyText: adjustedText,
        filename: 'kukar-adjusted.yaml',
        changes: 'kuota WFH 75% menjadi 25%',
        reason: 'hasil evaluasi',
        by: evaluators,
      }),
    );
    const state = await until(id, 'awaiting-decision');
    expect(state.policy.version).toBe(2);
    expect(state.period.days.map((d) => d.date)).toEqual([day2]);
    const org = await orgOf(id);
    expect(await offSiteByUnit(id, day2)).toEqual(expectedOffSite(adjusted, org, day2));
    await decidePolicy(deps, id, { kind: 'end' }, 'selesai', evaluators);
    expect((await policyState(deps, id)).status).toBe('ended');
    const adjustedRun = env.client.workflow.getHandle(policyWorkflowId(id));
    await adjustedRun.result();
    await recordHistory('policy-adjusted-carried-ended', adjustedRun);
  });

  it('expand-rollout: the national pilot widens to wave 2, and the other agencies get WFH', async () => {
    const first = await issue('nasional-2024.yaml', 'nasional', 'wide');
    const id = first.policy.id;
    const day1 = first.days[0]!;
    await until(id, 'awaiting-decision');
    const org = await orgOf(id);
    const pilot = await offSiteByUnit(id, day1);
    expect(pilot).toEqual(expectedOffSite(first.policy, org, day1));
    // Only pilot-tagged agencies have anyone at home during the pilot.
    const pilotUnits = new Set(org.units.filter((u) => u.tags.includes('pilot')).map((u) => u.id));
    expect(Object.keys(pilot).length).toBeGreaterThan(0);
    for (const unitId of Object.keys(pilot)) expect(pilotUnits.has(unitId)).toBe(true);
    const waiting = (await store.rosterOf(id, day1)).filter((r) => r.reason.startsWith('not-in-rollout'));
    expect(waiting.length).toBeGreaterThan(0);

    const day2 = await weekAfter(first.policy, day1);
    await continuing(id, () =>
      decidePolicy(
        deps,
        id,
        {
          kind: 'expand-rollout',
          wave: 2,
          units: [org.units.find((u) => !pilotUnits.has(u.id))!.id],
          days: [day2],
        },
        'Uji coba berhasil; diperluas ke K/L lainnya',
        evaluators,
      ),
    );
    const state = await until(id, 'awaiting-decision');
    expect(state.wave).toBe(2);
    const wide = await offSiteByUnit(id, day2);
    expect(wide).toEqual(
      expectedOffSite(first.policy, org, day2, { wave: 2, units: state.rolloutUnits.slice() }),
    );
    expect(Object.keys(wide).some((u) => !pilotUnits.has(u))).toBe(true);
    expect((await store.rosterOf(id, day2)).filter((r) => r.reason.startsWith('not-in-rollout'))).toEqual([]);
    await decidePolicy(deps, id, { kind: 'end' }, 'selesai', evaluators);
    expect((await policyState(deps, id)).status).toBe('ended');
  });

  it('make-permanent: an open-ended cycle follows, each cycle a new run, until revoked', async () => {
    // Kebumen's letter with make-permanent among its options (the seed letter lists end, extend, adjust-quota).
    const first = await issue('kebumen-2023.yaml', 'kebumen', 'perm', (t) => {
      const changed = t.replace(/decisions: \[[^\]]*\]/, 'decisions: [end, extend, make-permanent]');
      if (changed === t) throw new Error('the Kebumen letter has no decisions line to change');
      return changed;
    });
    const id = first.policy.id;
    const day1 = first.days[0]!;
    await until(id, 'awaiting-decision');
    const runs = [await currentRun(id)];
    const day2 = await weekAfter(first.policy, day1);
    await continuing(id, () =>
      decidePolicy(deps, id, { kind: 'make-permanent', days: [day2] }, 'Berlaku tetap', evaluators),
    );
    const cycle = await until(id, 'awaiting-decision');
    runs.push(await currentRun(id));
    expect(cycle.policy.openEnded).toBe(true);
    expect(cycle.period).toMatchObject({ index: 2, days: [{ date: day2, status: 'recapped' }] });
    // Open-ended now: extending is no longer the right word, and the refusal says so without changing anything.
    await expect(
      decidePolicy(
        deps,
        id,
        { kind: 'extend', days: [await weekAfter(first.policy, day2)], quota: null },
        'x',
        evaluators,
      ),
    ).rejects.toMatchObject({ code: 'DECISION_NOT_ALLOWED' });
    const day3 = await weekAfter(first.policy, day2);
    await continuing(id, () =>
      decidePolicy(
        deps,
        id,
        { kind: 'make-permanent', days: [day3] },
        'Siklus tinjauan berikutnya',
        evaluators,
      ),
    );
    const third = await until(id, 'awaiting-decision');
    runs.push(await currentRun(id));
    expect(third.period.index).toBe(3);
    expect(await statusesOf(id, runs)).toEqual(['CONTINUED_AS_NEW', 'CONTINUED_AS_NEW', 'RUNNING']);
    await revokePolicy(deps, id, 'Dicabut oleh Bupati', evaluators);
    expect((await policyState(deps, id)).status).toBe('revoked');
    // A run that continued as new (a decision), and a carried run of a later cycle that was revoked.
    const run = (runId: string | undefined) => env.client.workflow.getHandle(policyWorkflowId(id), runId);
    await run(runs[2]).result();
    await recordHistory('policy-permanent-first-run', run(runs[0]));
    await recordHistory('policy-permanent-carried-revoked', run(runs[2]));
  });
});
