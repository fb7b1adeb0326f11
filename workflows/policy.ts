/**
 * One circular letter's whole life: issued → roster published → each day run as a child (at local midnight in the
 * letter's zone) → evaluated after the last day → the evaluators' decision (with reminders and a deadline) →
 * a new period (extend, adjust, expand rollout, permanent cycles; each period continues-as-new) or the end.
 * Amend and revoke at any time through Updates with validators.
 */
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  executeChild,
  isCancellation,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { documentAfterDecision } from '../domain/bridge/decision-document';
import { localTimeToInstant } from '../domain/calendar/instants';
import { applicationFailureTypeOf, type Rejection } from '../domain/errors';
import {
  decidePolicy,
  evolvePolicy,
  INITIAL_POLICY_STATE,
  type Actor,
  type PolicyCommand,
  type PolicyEvent,
  type PolicyRef,
  type PolicyState,
  type UnitRecap,
  versionOnDate,
} from '../domain/lifecycle';
import type { DossierActivities } from '../activities/dossier';
import type { LifecycleActivities } from '../activities/lifecycle-types';
import { type Policy } from '../domain/policy';
import { policyDayWorkflowId } from './ids';
import {
  amendPolicyUpdate,
  decidePolicyUpdate,
  policyStateQuery,
  revokePolicyUpdate,
  shardFailedSignal,
  shardRecoveredSignal,
  type AmendPolicyResult,
} from './messages';
import { messageOf, policyDayWorkflow } from './policy-day';
import { Jurisdiction, PolicyNumber, PolicyStatus } from './search-attributes';

export interface PolicyWorkflowInput {
  /** The decider's view of the letter (computed by the client with policyRefOf). */
  readonly policy: PolicyRef;
  /** The letter itself, as in force; amendments replace it. */
  readonly document: Policy;
  readonly jurisdiction: string;
  readonly issuedBy: Actor;
  /** Days the evaluators have to decide after the evaluation; reminders go out every day until then. */
  readonly decisionDeadlineDays: number;
  /** Carried across continue-as-new: the state so far and the number of events already projected. */
  readonly carried?: { readonly state: PolicyState; readonly projected: number; readonly document: Policy };
}

const DAY_MS = 24 * 3600 * 1000;
const SYSTEM: Actor = { id: 'edaran', name: 'edaran', role: 'system' };

const acts = proxyActivities<LifecycleActivities & DossierActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

function failureOf(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({
    message: `${rejection.code}: ${rejection.reason.en}`,
    type: applicationFailureTypeOf(rejection.code),
    nonRetryable: true,
    details: [rejection],
  });
}

export async function policyWorkflow(input: PolicyWorkflowInput): Promise<PolicyState> {
  let state: PolicyState = input.carried?.state ?? INITIAL_POLICY_STATE;
  const events: PolicyEvent[] = [];
  let projected = 0;
  const sequenceBase = input.carried?.projected ?? 0;
  const policyId = input.policy.id;
  let document: Policy = input.carried?.document ?? input.document;
  // Every version of the letter this run may still open a day with: days before an amendment's effective date
  // keep the version they were planned under (a new period starts from the version in force).
  const documents = new Map<number, Policy>();
  const versionNow = (): number =>
    state.status === 'not-issued' ? input.policy.version : state.policy.version;
  documents.set(versionNow(), document);
  /** The version, and its letter, that a day of the current period runs. */
  const versionOf = (date: string): { version: number; document: Policy } => {
    if (state.status === 'not-issued') return { version: input.policy.version, document };
    const version = versionOnDate(state.policy.version, state.amendments, date);
    return { version, document: documents.get(version) ?? document };
  };
  const nowIso = (): string => new Date().toISOString();

  const run = (command: PolicyCommand): readonly PolicyEvent[] => {
    const result = decidePolicy(command, state);
    if (!result.ok) throw failureOf(result.rejection);
    for (const e of result.events) {
      state = evolvePolicy(state, e);
      events.push(e);
    }
    upsertSearchAttributes([{ key: PolicyStatus, value: state.status }]);
    return result.events;
  };
  const check = (command: PolicyCommand): void => {
    const result = decidePolicy(command, state);
    if (!result.ok) throw failureOf(result.rejection);
  };
  const flush = async (): Promise<void> => {
    if (projected >= events.length) return;
    const batch = events.slice(projected);
    await acts.projectPolicyEvents({ policyId, fromSequence: sequenceBase + projected, events: batch });
    projected += batch.length;
  };
  const over = (): boolean => state.status === 'revoked' || state.status === 'ended';
  // A notice that cannot be sent (its failure is recorded in the outbox) never stops the letter.
  const notifyQuietly = async (what: string, send: () => Promise<unknown>): Promise<void> => {
    try {
      await send();
    } catch (err) {
      if (isCancellation(err)) throw err;
      log.warn(`${what} not sent`, { error: err instanceof Error ? err.message : String(err) });
    }
  };

  setHandler(policyStateQuery, () => state);
  // Shards that fail (and recover after a retry) are recorded on the letter and projected to the store; a report
  // the decider refuses (e.g. a recovery of a shard not recorded as failed) is logged, never fails the letter.
  let healthReports = 0;
  const recordHealth = (command: PolicyCommand): void => {
    const result = decidePolicy(command, state);
    if (!result.ok) {
      log.warn('shard health report not recorded', { code: result.rejection.code, type: command.type });
      return;
    }
    for (const e of result.events) {
      state = evolvePolicy(state, e);
      events.push(e);
    }
    healthReports += 1;
  };
  setHandler(shardFailedSignal, (r) =>
    recordHealth({
      type: 'RecordShardFailure',
      date: r.date,
      unitId: r.unitId,
      shardId: r.shardId,
      parentWorkflowId: r.parentWorkflowId,
      reason: r.reason ?? 'unknown',
      now: nowIso(),
    }),
  );
  setHandler(shardRecoveredSignal, (r) =>
    recordHealth({ type: 'RecordShardRecovery', date: r.date, shardId: r.shardId, now: nowIso() }),
  );
  setHandler(
    amendPolicyUpdate,
    ({ document: amendedDocument, ...command }): AmendPolicyResult => {
      const amended = run({ type: 'AmendPolicy', ...command, now: nowIso() }).find(
        (e) => e.type === 'PolicyAmended',
      );
      if (amended?.type !== 'PolicyAmended')
        throw ApplicationFailure.nonRetryable('amendment not recorded', 'INTERNAL');
      // Days from the effective date run the amended letter; days open or before it keep theirs.
      document = amendedDocument;
      documents.set(amended.policy.version, amendedDocument);
      return {
        version: amended.policy.version,
        affectedDays: amended.affectedDays,
        affectedPeople: amended.affectedPeople,
      };
    },
    {
      validator: ({ document: amendedDocument, ...command }) => {
        if (amendedDocument?.id !== policyId) {
          throw ApplicationFailure.create({
            message: 'document.id: must be the id of this letter',
            type: 'INVALID_INPUT',
            nonRetryable: true,
          });
        }
        check({ type: 'AmendPolicy', ...command, now: nowIso() });
      },
    },
  );
  // Every running day lives in this scope: a revocation cancels them all, and their shards stop with them.
  const daysScope = new CancellationScope();
  setHandler(
    revokePolicyUpdate,
    (r) => {
      run({ type: 'RevokePolicy', ...r, now: nowIso() });
      daysScope.cancel();
    },
    {
      validator: (r) => check({ type: 'RevokePolicy', ...r, now: nowIso() }),
    },
  );
  setHandler(
    decidePolicyUpdate,
    ({ document: adjusted, ...d }) => {
      run({ type: 'DecideOutcome', ...d, now: nowIso() });
      // The next period runs the letter as decided: a new quota, an adjusted letter, or the same one.
      document = documentAfterDecision(document, d.choice, adjusted);
      documents.set(versionNow(), document);
    },
    {
      validator: ({ document: adjusted, ...d }) => {
        if ((d.choice as { kind?: unknown } | null)?.kind === 'adjust' && adjusted?.id !== policyId) {
          throw ApplicationFailure.create({
            message: 'document: an adjustment needs the adjusted letter, with the id of this letter',
            type: 'INVALID_INPUT',
            nonRetryable: true,
          });
        }
        check({ type: 'DecideOutcome', ...d, now: nowIso() });
      },
    },
  );

  if (state.status === 'not-issued') {
    upsertSearchAttributes([
      { key: PolicyNumber, value: input.policy.number },
      { key: Jurisdiction, value: input.jurisdiction },
    ]);
    run({ type: 'IssuePolicy', policy: input.policy, by: input.issuedBy, now: nowIso() });
  }

  // Days of the current period, one child each, at local midnight of the day in the letter's zone.
  // The loop re-reads the state each round: an amendment may add or drop later days.
  // Days overlap: a day's late reports and escalations run to its cut-off, often after the next day started.
  const finished: { date: string; units: UnitRecap[] }[] = [];
  const running = new Set<string>();
  let dayFailure: { err: unknown } | undefined;
  const failedDays: { date: string; err: unknown }[] = [];
  for (;;) {
    if (over() || state.status === 'not-issued') break;
    const recapped = finished.splice(0);
    for (const f of recapped) run({ type: 'RecapDay', date: f.date, units: f.units, now: nowIso() });
    // Each recapped day's recaps go to the letter's recap owner; runs from before this step replay without it.
    if (recapped.length > 0 && !over() && patched('recap-notices')) {
      await flush();
      for (const f of recapped) {
        const { version, document: dayDocument } = versionOf(f.date);
        await notifyQuietly('recap notices', () =>
          acts.sendRecapNotices({
            policyId,
            policyNumber: input.policy.number,
            timezone: input.policy.timezone,
            version,
            date: f.date,
            ...(dayDocument.recap ? { owner: dayDocument.recap.owner, scope: dayDocument.recap.scope } : {}),
            units: f.units,
            recappedAt: nowIso(),
          }),
        );
      }
    }
    if (dayFailure) {
      if (
        over() &&
        (isCancellation(dayFailure.err) || isCancellation((dayFailure.err as { cause?: unknown }).cause))
      )
        break;
      // Runs from before days were isolated failed the letter with the day; they replay that way.
      if (!patched('day-failure-isolated')) throw dayFailure.err;
      dayFailure = undefined;
      // A day that itself failed (terminated, timed out) is recorded and recapped empty; its shards, which a
      // closing day abandons, run on to their own recaps in the store. The letter goes on.
      for (const f of failedDays.splice(0)) {
        recordHealth({
          type: 'RecordShardFailure',
          date: f.date,
          unitId: '*',
          shardId: '*',
          parentWorkflowId: policyDayWorkflowId(policyId, f.date),
          reason: messageOf(f.err),
          now: nowIso(),
        });
        if (decidePolicy({ type: 'RecapDay', date: f.date, units: [], now: nowIso() }, state).ok)
          run({ type: 'RecapDay', date: f.date, units: [], now: nowIso() });
      }
      continue;
    }
    if (state.roster === null || state.roster.version !== state.policy.version) {
      // The days that run the version in force (after an amendment, those from its effective date).
      const days = state.period.days
        .filter((d) => d.status === 'planned' && versionOf(d.date).version === versionNow())
        .map((d) => d.date);
      const headline = await acts.publishRoster({
        policy: document,
        version: state.policy.version,
        days,
        rollout: { wave: state.wave, units: state.rolloutUnits ?? [] },
      });
      if (over()) break;
      run({ type: 'PublishRoster', version: state.policy.version, ...headline, now: nowIso() });
    }
    await flush();
    const next = state.period.days.find((d) => d.status === 'planned');
    if (!next && running.size === 0) {
      // A day that finished during the awaits above is recapped before the period ends (a flush for a shard's
      // health report can be such an await); earlier runs, which never met this, replay without the marker.
      if (finished.length > 0 && patched('recap-before-period-end')) continue;
      break;
    }
    const versionAtWait = state.policy.version;
    const healthAtWait = healthReports;
    const wake = (): boolean =>
      over() ||
      finished.length > 0 ||
      dayFailure !== undefined ||
      healthReports !== healthAtWait ||
      (state.status !== 'not-issued' && state.policy.version !== versionAtWait);
    if (!next) {
      await condition(wake);
      continue;
    }
    const wait = localTimeToInstant(next.date, '00:00', state.policy.timezone) - Date.now();
    if (wait > 0) await condition(wake, wait);
    if (wake()) continue;
    run({ type: 'OpenDay', date: next.date, now: nowIso() });
    const date = next.date;
    const { version, document: dayDocument } = versionOf(date);
    running.add(date);
    void daysScope
      .run(() =>
        executeChild(policyDayWorkflow, {
          workflowId: policyDayWorkflowId(policyId, date),
          args: [
            {
              document: dayDocument,
              policyId,
              policyNumber: input.policy.number,
              timezone: input.policy.timezone,
              version,
              date,
            },
          ],
          parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        }),
      )
      .then(
        (units) => {
          running.delete(date);
          finished.push({ date, units });
        },
        (err: unknown) => {
          running.delete(date);
          dayFailure ??= { err };
          failedDays.push({ date, err });
        },
      );
    await flush();
  }

  // The evaluation waits for the letter's evaluation.when (e.g. three working days after the last day); a
  // revocation meanwhile stops it. Runs started before this rule evaluated right away, and replay the same way.
  if (!over() && state.status === 'evaluating' && patched('evaluation-when')) {
    const lastDay = state.period.days[state.period.days.length - 1]?.date;
    const { at } = lastDay ? await acts.evaluationTime({ policy: document, lastDay }) : { at: null };
    const wait = at === null ? 0 : Date.parse(at) - Date.now();
    if (wait > 0) await condition(over, wait);
  }
  if (!over() && state.status === 'evaluating') {
    const evaluated = run({
      type: 'EvaluatePolicy',
      indicators: {},
      notes: 'automatic evaluation after the last day',
      by: SYSTEM,
      now: nowIso(),
    });
    await flush();
    // The evaluators' dossier, frozen in the store (built once; a retry returns the first one).
    if ((state as PolicyState).status === 'awaiting-decision') {
      await acts.buildDossier({
        policy: document,
        periodIndex: state.period.index,
        days: state.period.days.map((d) => d.date),
      });
      // The evaluation summary to the secretariat and the signatory's office; earlier runs replay without it.
      const done = state as PolicyState;
      const completed = evaluated.find((e) => e.type === 'EvaluationCompleted');
      if (done.status !== 'not-issued' && done.lastEvaluation && completed && patched('evaluation-summary')) {
        const days = done.period.days.map((d) => d.date);
        const evaluation = done.lastEvaluation;
        await notifyQuietly('evaluation summary', () =>
          acts.sendEvaluationSummary({
            policyId,
            policyNumber: input.policy.number,
            timezone: input.policy.timezone,
            version: done.policy.version,
            from: days[0] ?? '',
            to: days[days.length - 1] ?? '',
            days: evaluation.daysHeld,
            complianceRate: evaluation.onTimeRate ?? 0,
            completedAt: completed.at,
            signatory: document.identity.signatory,
          }),
        );
      }
    }
  }

  // Await the evaluators' decision: a reminder each day, and after the deadline an overdue reminder each day.
  if (state.status === 'awaiting-decision') {
    const periodIndex = state.period.index;
    let reminder = 0;
    const decided = (): boolean => state.status !== 'awaiting-decision';
    while (!decided()) {
      const got = await condition(decided, DAY_MS);
      if (got) break;
      reminder += 1;
      await acts.remindEvaluators({
        policyId,
        periodIndex,
        reminder,
        overdue: reminder >= input.decisionDeadlineDays,
      });
    }
    await flush();
  }

  await flush();
  if (over()) {
    log.info('policy over', { status: state.status });
    return state;
  }
  // A new period (extended, adjusted, expanded, permanent): a fresh run keeps every history short.
  return continueAsNew<typeof policyWorkflow>({
    ...input,
    carried: { state, projected: sequenceBase + projected, document },
  });
}
