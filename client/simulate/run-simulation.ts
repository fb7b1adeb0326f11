/**
 * The simulator: the REAL workflows and activities (roster engine, SQLite store, outbox, file channel) on a
 * time-skipping Temporal server. The letter's days are moved forward by whole weeks, simulated employees report
 * at the given rates, the evaluators decide at the end, and the frozen evaluation dossier is returned.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type WorkflowBundleOption, Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createActivities } from '../../activities';
import { produceDossier, readDossier } from '../../activities/dossier';
import { channelsFromEnv, createNotificationActivities } from '../../activities/notifications';
import { openStore } from '../../activities/store';
import { evaluationInstant, planPolicyDay } from '../../domain/bridge';
import { resolveZone } from '../../domain/calendar';
import { type Dossier, type DossierDecision } from '../../domain/dossier';
import { type Actor, type PolicyState } from '../../domain/lifecycle';
import {
  decidePolicy,
  issuePolicy,
  type OrgCsvInput,
  policyState,
  revokePolicy,
  ServiceError,
  type ServiceDeps,
  submitReport,
} from '../policy-service';
import { policyDayWorkflowId, policyWorkflowId } from '../../workflows/ids';
import { type SubmitReportInput } from '../../workflows/messages';
import { settleWithin } from './bounded';
import { pickReporters, type ReportRates } from './pick-reporters';
import { runPool } from './run-pool';
import { serverClock } from './server-clock';
import { shiftLetter } from './shift-days';
import { createSimulationEnv } from './simulation-env';
import { raisedEscalations, type SimulatedEscalation } from './raised-escalations';

export interface SimulateOptions {
  readonly policyText: string;
  readonly filename: string;
  readonly org: OrgCsvInput;
  readonly rates: ReportRates;
  readonly seed: number;
  /** Simulate only the letter's first N days (default: all; 5 for an open-ended letter). */
  readonly days?: number;
  /** Progress lines (the CLI sends them to stderr). */
  readonly progress?: (line: string) => void;
  /** A running time-skipping environment to reuse (tests); otherwise one is started and torn down. */
  readonly env?: TestWorkflowEnvironment;
  /**
   * Appended to the letter's id (`<id>-<suffix>`) so several simulations of one letter can share a server (tests);
   * the rules are unchanged.
   */
  readonly idSuffix?: string;
  /** Keep the SQLite store (edaran.db) and the outbox files here; default: a temporary folder, removed after. */
  readonly dataDir?: string;
  /** A prebuilt workflow bundle to reuse (tests); otherwise the workflows are bundled from source. */
  readonly workflowBundle?: WorkflowBundleOption;
}

/** How one off-site person's report went: accepted on time or late, never sent, or the refusal code. */
export type ReportFate = 'on-time' | 'late' | 'silent' | (string & {});

/** What the simulator submitted for one unit on one day. */
export interface SimulatedUnitDay {
  readonly offSite: number;
  readonly onTime: number;
  readonly late: number;
}

/** What the simulator submitted on one day (the dossier must show the same numbers). */
export interface SimulatedDay {
  readonly date: string;
  /** The letter's own date this day stands for. */
  readonly letterDate: string;
  readonly offSite: number;
  /** Reports accepted on time and late (as the receipts say). */
  readonly onTime: number;
  readonly late: number;
  /** Reports the workflows refused, by code (e.g. DAY_NOT_OPEN); empty when every report went in. */
  readonly refused: Readonly<Record<string, number>>;
  /** The same per unit (units with off-site staff only). */
  readonly byUnit: Readonly<Record<string, SimulatedUnitDay>>;
  /** Every off-site person's fate, by NIP (left out of `--json`: a province has tens of thousands). */
  readonly fates: Readonly<Record<string, ReportFate>>;
}

export type { SimulatedEscalation } from './raised-escalations';

export interface SimulationResult {
  readonly policyId: string;
  readonly weeksShifted: number;
  /** True when only the first days of a longer or open-ended letter were simulated. */
  readonly truncated: boolean;
  readonly submitted: readonly SimulatedDay[];
  /** How the letter was closed: `end` when the letter allows it, otherwise `revoke`. */
  readonly closedBy: 'end' | 'revoke';
  readonly finalStatus: string;
  readonly dossier: Dossier;
  readonly decision: DossierDecision | null;
  /** The escalations raised, by day, level and instant. */
  readonly escalations: readonly SimulatedEscalation[];
}

const MINUTE = 60_000;
/** How long closing the store or stopping the server may take before the run gives up on it. */
const TEARDOWN_MS = 30_000;
const HOUR = 60 * MINUTE;
/** Updates in flight at once: Temporal allows 10 per workflow, a shard takes many of these people. */
const SUBMIT_CONCURRENCY = 8;
const EVALUATORS: Actor = { id: 'simulator', name: 'edaran simulate', role: 'evaluator' };
const ISSUER: Actor = { id: 'simulator-sekda', name: 'Sekda (simulasi)', role: 'sekda' };

function reportOf(nip: string, late: boolean): SubmitReportInput {
  return {
    nip,
    checkIn: '07:30',
    checkOut: late ? '17:30' : '16:00',
    location: { lat: -6.2, lon: 106.8, label: 'Rumah (simulasi)' },
    progress: [{ activity: 'Menyelesaikan tugas harian (simulasi)', output: 'Laporan kerja', quantity: 1 }],
  };
}

/** Runs a simulation end to end and returns the dossier. Throws ServiceError on a bad letter or org. */
export async function simulate(opts: SimulateOptions): Promise<SimulationResult> {
  const say = opts.progress ?? (() => undefined);
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'edaran-sim-'));
  const ownEnv = opts.env === undefined;
  let env: TestWorkflowEnvironment | undefined = opts.env;
  const store = await openStore({ sqlitePath: join(dir, 'edaran.db') });
  try {
    if (!env) {
      say('starting the time-skipping Temporal server…');
      env = await createSimulationEnv(say);
    }
    const tEnv = env;
    const sleepUntil = async (instantMs: number): Promise<void> => {
      const wait = instantMs - (await tEnv.currentTimeMs());
      if (wait > 0) await tEnv.sleep(wait);
    };
    const probe = shiftLetter(opts.policyText, opts.filename, '1970-01-01', opts.days);
    const zone = resolveZone(probe.policy.timezone);
    const today = DateTime.fromMillis(await tEnv.currentTimeMs(), { zone });
    const letter = shiftLetter(
      opts.policyText,
      opts.filename,
      today.plus({ days: 1 }).toISODate() ?? '',
      opts.days,
      opts.idSuffix,
    );
    const policyId = letter.policy.id;
    say(
      `${policyId}: ${letter.days.length} day(s) moved forward ${letter.weeks} weeks (same weekdays): ` +
        letter.originalDays.map((d, i) => `${d}→${letter.days[i] ?? '?'}`).join(', ') +
        (letter.truncated ? ' (only the first days of the letter)' : ''),
    );

    const taskQueue = `edaran-sim-${policyId}`;
    const worker = await Worker.create({
      connection: tEnv.nativeConnection,
      taskQueue,
      // A failed run shuts the worker down with activities in flight: it must not wait on them for long.
      shutdownForceTime: '10s',
      ...(opts.workflowBundle
        ? { workflowBundle: opts.workflowBundle }
        : { workflowsPath: require.resolve('../../workflows') }),
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
    const deps: ServiceDeps = { client: tEnv.client, store, taskQueue };

    /** The report's fate: accepted on time, accepted late, or the refusal code. */
    const submit = async (date: string, nip: string, late: boolean): Promise<'on-time' | 'late' | string> => {
      try {
        const receipt = await submitReport(deps, policyId, date, reportOf(nip, late));
        return receipt.late ? 'late' : 'on-time';
      } catch (err) {
        if (err instanceof ServiceError) return err.code;
        throw err;
      }
    };
    /** Whether the day's workflow runs (it may still be starting right at the window's opening). */
    const dayIsOpen = async (date: string): Promise<boolean> => {
      for (let attempt = 0; attempt < 12; attempt++) {
        const open = await tEnv.client.workflow
          .getHandle(policyDayWorkflowId(policyId, date))
          .describe()
          .then(
            (d) => d.status.name === 'RUNNING',
            () => false,
          );
        if (open) return true;
        await new Promise((r) => setTimeout(r, 250));
      }
      return false;
    };

    const result = await worker.runUntil(async () => {
      await issuePolicy(deps, {
        policyText: letter.text,
        filename: 'simulated.yaml',
        org: opts.org,
        issuedBy: ISSUER,
        decisionDeadlineDays: 10,
      });
      say(`${policyId}: issued; roster published for ${letter.days.length} day(s)`);
      const submitted: SimulatedDay[] = [];
      // One timeline over all days: a day's late reports come before the next day's window opens.
      for (const [i, date] of letter.days.entries()) {
        const plan = planPolicyDay(letter.policy, date);
        await sleepUntil(Date.parse(plan.opensAt) + 5 * MINUTE);
        const offSiteRows = (await store.rosterOf(policyId, date)).filter(
          (r) => r.mode === 'WFH' || r.mode === 'WFA',
        );
        const offSite = offSiteRows.map((r) => r.nip);
        const who = pickReporters(offSite, opts.rates, opts.seed, letter.originalDays[i] ?? date);
        const tally = { onTime: 0, late: 0, refused: new Map<string, number>() };
        const fates = new Map<string, ReportFate>(who.silent.map((nip) => [nip, 'silent']));
        const send = async (nips: readonly string[], late: boolean): Promise<void> => {
          const open = await dayIsOpen(date);
          await runPool(nips, SUBMIT_CONCURRENCY, async (nip) => {
            const fate = open ? await submit(date, nip, late) : 'DAY_NOT_OPEN';
            fates.set(nip, fate);
            if (fate === 'on-time') tally.onTime++;
            else if (fate === 'late') tally.late++;
            else tally.refused.set(fate, (tally.refused.get(fate) ?? 0) + 1);
          });
        };
        await send(who.onTime, false);
        await sleepUntil(Date.parse(plan.deadline) + 5 * MINUTE);
        await send(who.late, true);
        const refused = [...tally.refused.values()].reduce((a, b) => a + b, 0);
        const byUnit: Record<string, { offSite: number; onTime: number; late: number }> = {};
        for (const r of offSiteRows) {
          const u = (byUnit[r.unitId] ??= { offSite: 0, onTime: 0, late: 0 });
          u.offSite++;
          const fate = fates.get(r.nip);
          if (fate === 'on-time') u.onTime++;
          else if (fate === 'late') u.late++;
        }
        submitted.push({
          date,
          letterDate: letter.originalDays[i] ?? date,
          offSite: offSite.length,
          onTime: tally.onTime,
          late: tally.late,
          refused: Object.fromEntries(tally.refused),
          byUnit,
          fates: Object.fromEntries([...fates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        });
        say(
          `day ${i + 1}/${letter.days.length} ${date}: ${offSite.length} off-site, ${tally.onTime} reported on time, ` +
            `${tally.late} late, ${who.silent.length} silent` +
            (refused > 0
              ? `; ${refused} report(s) REFUSED (${[...tally.refused].map(([c, n]) => `${c} ×${n}`).join(', ')})`
              : ''),
        );
      }
      const lastDay = letter.days.at(-1);
      if (lastDay) await sleepUntil(Date.parse(planPolicyDay(letter.policy, lastDay).cutoff) + 5 * MINUTE);

      // The policy evaluates itself after the last day's recap, at the letter's evaluation.when (e.g. three working
      // days later); escalations may run past the cut-off.
      const evaluatesAt = lastDay ? evaluationInstant(letter.policy, lastDay) : null;
      if (evaluatesAt) await sleepUntil(Date.parse(evaluatesAt) + MINUTE);
      let state: PolicyState = await policyState(deps, policyId);
      for (let h = 0; state.status !== 'awaiting-decision' && h < 24 * 30; h++) {
        if (state.status === 'revoked' || state.status === 'ended') break;
        await tEnv.sleep(HOUR);
        state = await policyState(deps, policyId);
      }
      if (state.status !== 'awaiting-decision') {
        throw new Error(`${policyId}: expected the letter to await a decision, but it is ${state.status}`);
      }
      const produced = await produceDossier(
        store,
        { policy: letter.policy, periodIndex: state.period.index, days: letter.days },
        new Date(await tEnv.currentTimeMs()),
      );
      say(`${policyId}: evaluated; dossier ${produced.eventId} produced`);
      const closedBy = state.policy.decisionOptions.includes('end') ? 'end' : 'revoke';
      if (closedBy === 'end') {
        await decidePolicy(
          deps,
          policyId,
          { kind: 'end' },
          'Simulasi selesai: uji coba diakhiri.',
          EVALUATORS,
        );
      } else {
        // The letter offers no `end` (an open-ended letter): the simulation closes it by revocation.
        await revokePolicy(deps, policyId, 'Simulasi selesai: surat edaran dicabut.', EVALUATORS);
      }
      const final = (await tEnv.client.workflow
        .getHandle(policyWorkflowId(policyId))
        .result()) as PolicyState;
      const read = await readDossier(store, policyId, state.period.index);
      const escalations = raisedEscalations(
        letter.policy,
        letter.days,
        letter.originalDays,
        await store.escalationsOf(policyId),
      );
      say(`${policyId}: ${closedBy === 'end' ? 'ended' : 'revoked'} by the evaluators`);
      return {
        policyId,
        weeksShifted: letter.weeks,
        truncated: letter.truncated,
        submitted,
        closedBy,
        finalStatus: final.status,
        dossier: read?.dossier ?? produced.dossier,
        decision: read?.decision ?? null,
        escalations,
      } satisfies SimulationResult;
    });
    return result;
  } finally {
    // Each step on its own and bounded: a failed run must still stop the server it started, and promptly.
    const problem = (what: string) => (m: string) => say(`${what}: ${m}`);
    await settleWithin(() => store.close(), TEARDOWN_MS, problem('closing the store'));
    const started = ownEnv ? env : undefined;
    if (started)
      await settleWithin(() => started.teardown(), TEARDOWN_MS, problem('stopping the Temporal server'));
    if (opts.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
